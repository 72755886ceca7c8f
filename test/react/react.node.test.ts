import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { withBrowser } from '../helpers/browser.js';

/** A module of the built package, by its path in dist/: typechecking runs before the build, so it is not resolved then. */
const built = (path: string): string => new URL(`../../dist/${path}`, import.meta.url).href;

const PAGE = 'OriginalCoastClothing';

describe('mme-kit/react in Chromium: typed components, properties and events', () => {
  const session = withBrowser({ csp: false }, async () => {
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
    session.server.route('/react-app.js', bundle.outputFiles[0].text);
    session.server.route('/react/', '<!doctype html><html lang="en"><head><title>React</title></head><body><div id="root"></div><script type="module" src="/react-app.js"></script></body></html>');
  });

  it('sets the element properties from props, re-renders on a new prop, and calls the onMme… props', async () => {
    const tab = await session.browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(`${session.server.origin}/react/`, { waitUntil: 'networkidle0' });
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
  it('renders the element tag with its attributes, which the browser then upgrades; the first HTML with the link comes from mme-kit/ssr', async () => {
    const { MmeChatButton } = (await import(built('react/index.js'))) as typeof import('../../src/react/index.js');
    assert.equal(renderToString(createElement(MmeChatButton, { page: PAGE, linkRef: 'next', variant: 'outline', rememberDismiss: true, onMmeClick: () => {} })), `<mme-chat-button page="${PAGE}" link-ref="next" variant="outline" remember-dismiss=""></mme-chat-button>`, 'React keeps ref for itself: the link\'s ref is written as link-ref');
    const { renderChatButton } = (await import(built('ssr/index.js'))) as typeof import('../../src/ssr/index.js');
    const html = renderToString(createElement('div', { dangerouslySetInnerHTML: { __html: await renderChatButton({ page: PAGE, ref: 'next' }) } }));
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">[\s\S]*href="https:\/\/m\.me\/OriginalCoastClothing\?ref=next"/);
  });
});

describe('mme-kit/react types', () => {
  it('types every prop and event, so a wrong value does not compile', async () => {
    const { MmeChatButton } = (await import(built('react/index.js'))) as typeof import('../../src/react/index.js');
    const hrefs: string[] = [];
    const element = createElement(MmeChatButton, { page: PAGE, linkRef: 'typed', variant: 'outline', onMmeClick: (event) => void hrefs.push(event.detail.href.toUpperCase()) });
    // @ts-expect-error variant is 'filled', 'outline' or 'icon'
    createElement(MmeChatButton, { page: PAGE, variant: 'round' });
    assert.equal(element.props.linkRef, 'typed');
  });
});

describe('the README React and Next.js examples, as written', () => {
  const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```jsx\n([\s\S]*?)```/g)].map((m) => m[1]);
  const client = blocks.find((code) => code.includes("'use client'"))!;
  const serverPage = blocks.find((code) => code.includes('export default async function Page'))!;
  const session = withBrowser({ csp: false }, async () => {
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/readme-client.jsx', client);
    writeFileSync('test-output/readme-page.jsx', serverPage);
  });

  it('renders the client component with react-dom/server, hydrates it in Chromium, and its onMmeClick runs', async () => {
    const bundle = (contents: string, platform: 'node' | 'browser') =>
      build({ stdin: { contents, resolveDir: process.cwd(), loader: 'jsx' }, bundle: true, format: 'esm', platform, jsx: 'automatic', write: false, define: { 'process.env.NODE_ENV': '"production"' }, external: platform === 'node' ? ['react', 'react-dom', '@lit/react', 'lit', '@lit-labs/*', 'qrcode', 'csv-parse'] : [] });
    const serverCode = (await bundle("import { renderToString } from 'react-dom/server'; import { ChatButton } from './test-output/readme-client.jsx'; export const html = renderToString(<ChatButton />);", 'node')).outputFiles[0].text;
    writeFileSync('test-output/readme-server.mjs', serverCode);
    const { html } = (await import(pathToFileURL(resolve('test-output/readme-server.mjs')).href)) as { html: string };
    assert.match(html, /^<mme-chat-button/);
    const clientCode = (await bundle("import { hydrateRoot } from 'react-dom/client'; import { ChatButton } from './test-output/readme-client.jsx'; hydrateRoot(document.querySelector('#root'), <ChatButton />);", 'browser')).outputFiles[0].text;
    session.server.route('/readme-client.js', clientCode);
    const tab = await session.browser.newPage();
    const logs: string[] = [];
    const errors: string[] = [];
    tab.on('console', (message) => (message.type() === 'error' ? errors : logs).push(message.text()));
    tab.on('pageerror', (error) => errors.push(String(error)));
    await tab.goto(session.server.route('/shop/', `<!doctype html><html lang="en"><head><title>Next</title></head><body><div id="root">${html}</div><script type="module" src="/readme-client.js"></script></body></html>`), { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => document.querySelector('mme-chat-button')?.shadowRoot?.querySelector('a'));
    const href = await tab.evaluate(() => {
      const link = document.querySelector('mme-chat-button')!.shadowRoot!.querySelector('a')!;
      window.addEventListener('click', (event) => event.preventDefault(), { once: true });
      link.click();
      return link.getAttribute('href');
    });
    assert.equal(href, `https://m.me/${PAGE}?ref=web-shop`);
    await tab.waitForFunction(() => true);
    assert.ok(logs.includes(`https://m.me/${PAGE}?ref=web-shop`), `onMmeClick ran: ${logs.join(', ')}`);
    assert.deepEqual(errors, [], 'hydrated without an error');
    await tab.close();
  });

  it('renders the Server Component page with the button in its first HTML', async () => {
    const code = (await build({ stdin: { contents: "export { default } from './test-output/readme-page.jsx';", resolveDir: process.cwd(), loader: 'jsx' }, bundle: true, format: 'esm', platform: 'node', jsx: 'automatic', write: false, packages: 'external' })).outputFiles[0].text;
    writeFileSync('test-output/readme-page.mjs', code.replace(/from "mme-kit\/ssr"/g, `from ${JSON.stringify(pathToFileURL(resolve('dist/ssr/index.js')).href)}`));
    const { default: Page } = (await import(pathToFileURL(resolve('test-output/readme-page.mjs')).href)) as { default: () => Promise<Parameters<typeof renderToString>[0]> };
    const html = renderToString(await Page());
    assert.match(html, /^<main>(<!--[^>]*-->)*<mme-chat-button[\s\S]*<template shadowroot="open" shadowrootmode="open">[\s\S]*href="https:\/\/m\.me\/OriginalCoastClothing\?ref=shop-home"/);
  });
});
