import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Serves a Fetch-API handler (such as `createWebhookHandler`'s) from Node's `http` server,
 * Express or Fastify: `(req, res)`. It reads the raw body itself, so mount it where no JSON parser
 * has read the body first (Express: before `app.use(express.json())`, or on its own route). A
 * body an `express.raw()` parser already read, as a Buffer, is used as it is. The client's address
 * goes to the handler as its second argument (`createClickHandler` rate-limits by it).
 * @example createServer(toNodeListener(handler)).listen(8787)
 * @example app.post('/webhook', toNodeListener(handler))
 */
export function toNodeListener(handler: (request: Request, client: { address?: string }) => Promise<Response>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const parsed = (req as { body?: unknown }).body;
      const raw = parsed instanceof Uint8Array;
      // A body parser that ran first has read the stream (and body-parser marks it with _body):
      // the bytes the signature is over are gone. A GET has no body to check.
      if (method !== 'GET' && method !== 'HEAD' && !raw && (req.readableEnded || (req as { _body?: boolean })._body)) {
        throw new Error('the request body was already parsed (express.json() or similar): mount the webhook before any body parser, or give its route express.raw()');
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
      }
      const stream = req[Symbol.asyncIterator]();
      let refused = false;
      const body =
        method === 'GET' || method === 'HEAD'
          ? undefined
          : raw
            ? parsed
            : new ReadableStream<Uint8Array>({
                async pull(controller) {
                  const { done, value } = await stream.next();
                  if (done) controller.close();
                  else controller.enqueue(value as Uint8Array);
                },
                // A body refused part-way (too large) is not read on: the connection closes once answered.
                cancel: () => {
                  refused = true;
                  req.pause();
                },
              });
      const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method, headers, body, duplex: 'half' } as RequestInit);
      const response = await handler(request, { address: req.socket?.remoteAddress });
      const answer = new Uint8Array(await response.arrayBuffer());
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...(refused ? { connection: 'close' } : {}) });
      res.end(answer, () => refused && req.destroy());
    } catch (error) {
      console.error('mme-kit:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    }
  };
}
