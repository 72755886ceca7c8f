import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Store } from '../store/index.js';
import type { Output } from './commands.js';
import { InputError } from './errors.js';

/** A `--port` value: a whole number from 0 to 65535, else `fallback` when it is not given. */
export function portOf(value: string | undefined, fallback: number): number {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || value === '') throw new InputError(`--port: "${value}" must be a whole number from 0 to 65535`);
  return port;
}

/**
 * Serves `server` on `host`:`port` until Ctrl-C or SIGTERM, then closes `store`: prints the
 * lines `started` gives for the port it got, and "Stopped." at the end. A port that cannot be
 * listened on is one line naming it, and the store is closed.
 */
export async function serve(server: Server, options: { host: string; port: number; store: Store; io: Output; started: (port: number) => string[] }): Promise<void> {
  const { host, port, store, io } = options;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(new InputError(`--port: cannot listen on ${host}:${port}: ${error.code ?? error.message}`)));
      server.listen(port, host, resolve);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const stop = stopped(server);
  for (const line of options.started((server.address() as { port: number }).port)) io.out(line);
  await stop;
  await store.close();
  io.out('Stopped.');
}

/**
 * Resolves on SIGINT or SIGTERM once the requests in flight have been answered. Connections with
 * no request in flight close at once: kept-alive ones, and those a browser opened ahead of a
 * request it may never send, which would otherwise hold the stop for a minute and a half.
 */
function stopped(server: Server): Promise<void> {
  const inFlight = new Map<Socket, number>();
  let stopping = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.on('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (stopping && left === 0) socket.destroy();
    });
  });
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopping = true;
      server.close(() => resolve());
      for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
