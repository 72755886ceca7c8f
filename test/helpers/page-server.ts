import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** The strict policy the embed must work under. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; require-trusted-types-for 'script'";

/**
 * A server on 127.0.0.1 for page tests: the built dist/ files, plus pages and scripts the test
 * registers by path, and the files of the npm packages named in `packages`. Every page is sent
 * with the strict Content-Security-Policy unless `csp` is false.
 */
export async function pageServer(options: { csp?: boolean; packages?: string[] } = {}) {
  const routes = new Map<string, { body: string; type: string; headers: Record<string, string> }>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://localhost').pathname);
    const route = routes.get(path);
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...(options.csp === false ? {} : { 'content-security-policy': STRICT_CSP }) };
    if (path === '/favicon.ico') {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    if (route) {
      response.writeHead(200, { ...headers, 'content-type': route.type, ...route.headers });
      response.end(route.body);
      return;
    }
    if (path.startsWith('/dist/') || (options.packages ?? []).some((name) => path.startsWith(`/node_modules/${name}/`))) {
      const file = normalize(join(process.cwd(), path.endsWith('/') ? path + 'index.html' : path));
      try {
        const body = readFileSync(file);
        const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
        response.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      } catch {}
    }
    response.writeHead(404, headers);
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** Serves `body` at `path`; an HTML page unless the path ends in .js. `headers` replace the defaults (a page's own CSP). */
    route(path: string, body: string, headers: Record<string, string> = {}) {
      routes.set(path, { body, type: path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', headers });
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
