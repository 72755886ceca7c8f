import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { launchOptions } from '../helpers/chromium.mjs';
import { pageServer } from '../helpers/page-server.js';

const PAGE = 'OriginalCoastClothing';

describe('mme-kit/react in Chromium: typed components, properties and events', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof pageServer>>;
  before(async () => {
    server = await pageServer({ csp: false });
    browser = await puppeteer.launch(launchOptions);
    // What a React app bundles: the built mme-kit/react, React 19 and react-dom.
    const app = `
      import { createElement, useState } from 'react';
      import { createRoot } from 'react-dom/client';
      import { flushSync } from 'react-dom';
      import { MmeChatButton, MmeQrCode } from './dist/react/index.js';
      window.clicks = [];
      window.problems = [];
      function App() {
        const [ref, setRef] = useState('react');
        window.setRef = (value) => flushSync(() => setRef(value));
        return createElement('main', null,
          createElement(MmeChatButton, { page: '${PAGE}', linkRef: ref, variant: 'outline', onMmeClick: (event) => { event.preventDefault(); window.clicks.push(event.detail.href); } }),
          createElement(MmeQrCode, { page: 'not a page', onMmeInvalid: (event) => window.problems.push(...event.detail.problems.map((p) => p.code)) }));
      }
      createRoot(document.querySelector('#root')).render(createElement(App));`;
    const bundle = await build({ stdin: { contents: app, resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false, define: { 'process.env.NODE_ENV': '"production"' } });
    server.route('/react-app.js', bundle.outputFiles[0].text);
    server.route('/react/', '<!doctype html><html lang="en"><head><title>React</title></head><body><div id="root"></div><script type="module" src="/react-app.js"></script></body></html>');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets the element properties from props, re-renders on a new prop, and calls the onMme… props', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(`${server.origin}/react/`, { waitUntil: 'networkidle0' });
    const href = () => tab.evaluate(() => document.querySelector('mme-chat-button')?.shadowRoot?.querySelector('a')?.getAttribute('href') ?? null);
    await tab.waitForFunction(() => document.querySelector('mme-chat-button')?.shadowRoot?.querySelector('a'));
    assert.equal(await href(), `https://m.me/${PAGE}?ref=react`);
    assert.equal(await tab.evaluate(() => document.querySelector('mme-chat-button')!.getAttribute('variant')), 'outline');
    await tab.evaluate(() => (window as unknown as { setRef(v: string): void }).setRef('changed'));
    await tab.waitForFunction(() => document.querySelector('mme-chat-button')!.shadowRoot!.querySelector('a')!.getAttribute('href')!.endsWith('ref=changed'));
    await tab.evaluate(() => document.querySelector('mme-chat-button')!.shadowRoot!.querySelector('a')!.click());
    await tab.waitForFunction(() => document.querySelector('mme-qr-code')?.hasAttribute('invalid'));
    const seen = await tab.evaluate(() => ({ clicks: (window as unknown as { clicks: string[] }).clicks, problems: (window as unknown as { problems: string[] }).problems }));
    assert.deepEqual(seen, { clicks: [`https://m.me/${PAGE}?ref=changed`], problems: ['page-invalid'] });
    assert.deepEqual(errors, []);
    await tab.close();
  });
});

describe('mme-kit/react on a server', () => {
  it('renders the element tag, which the browser then upgrades; the first HTML with the link comes from mme-kit/ssr', async () => {
    const { MmeChatButton } = (await import('../../dist/react/index.js')) as typeof import('../../src/react/index.js');
    assert.match(renderToString(createElement(MmeChatButton, { page: PAGE })), /^<mme-chat-button/);
    const { renderChatButton } = (await import('../../dist/ssr/index.js')) as typeof import('../../src/ssr/index.js');
    const html = renderToString(createElement('div', { dangerouslySetInnerHTML: { __html: await renderChatButton({ page: PAGE, ref: 'next' }) } }));
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">[\s\S]*href="https:\/\/m\.me\/OriginalCoastClothing\?ref=next"/);
  });
});

describe('mme-kit/react types', () => {
  it('types every prop and event, so a wrong value does not compile', async () => {
    const { MmeChatButton } = (await import('../../dist/react/index.js')) as typeof import('../../src/react/index.js');
    const hrefs: string[] = [];
    const element = createElement(MmeChatButton, { page: PAGE, linkRef: 'typed', variant: 'outline', onMmeClick: (event) => void hrefs.push(event.detail.href.toUpperCase()) });
    // @ts-expect-error variant is 'filled', 'outline' or 'icon'
    createElement(MmeChatButton, { page: PAGE, variant: 'round' });
    assert.equal(element.props.linkRef, 'typed');
  });
});
