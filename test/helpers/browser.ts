import { after, before } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchOptions } from './chromium.mjs';
import { pageServer } from './page-server.js';

/** Chromium and a page server on 127.0.0.1, for a suite of page tests. */
export interface BrowserSession {
  browser: Browser;
  server: Awaited<ReturnType<typeof pageServer>>;
}

/**
 * Starts a page server and Debian's Chromium before the suite's tests (then runs `setup`, which
 * may route pages and files), and closes both after them. The session's fields are set once the
 * suite starts.
 */
export function withBrowser(options: Parameters<typeof pageServer>[0] = {}, setup?: () => unknown): BrowserSession {
  const session = {} as BrowserSession;
  before(async () => {
    session.server = await pageServer(options);
    session.browser = await puppeteer.launch(launchOptions);
    await setup?.();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
