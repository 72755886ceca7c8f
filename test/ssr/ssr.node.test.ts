import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { jsqrDecode } from '../helpers/decode-node.js';
import { withBrowser } from '../helpers/browser.js';

/** A module of the built package, by its path in dist/: typechecking runs before the build, so it is not resolved then. */
const built = (path: string): string => new URL(`../../dist/${path}`, import.meta.url).href;

// The built package, as a server imports it.
const { renderChatButton, renderQrCode } = (await import(built('ssr/index.js'))) as typeof import('../../src/ssr/index.js');
const { LinkError } = (await import(built('link/index.js'))) as typeof import('../../src/link/index.js');

const PAGE = 'OriginalCoastClothing';
/** The link inside a rendered button's declarative shadow root. */
const hrefOf = (html: string) => /<template shadowroot="open" shadowrootmode="open">[\s\S]*?<a[^>]*?href="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

describe('mme-kit/ssr: the elements rendered on a server, in Node', () => {
  it('renders each variant as a host with a declarative shadow root holding the exact link', async () => {
    for (const variant of ['filled', 'outline', 'icon']) {
      const html = await renderChatButton({ page: PAGE, ref: 'ssr', text: 'Hi & welcome', variant });
      assert.match(html, new RegExp(`<mme-chat-button[^>]* variant="${variant}"`));
      assert.equal(hrefOf(html), `https://m.me/${PAGE}?ref=ssr&text=Hi%20%26%20welcome`, variant);
      assert.match(html, /<style>/, 'styled before any script');
    }
  });

  it('renders an Instagram button, a two-channel menu button and an Instagram QR code', async () => {
    assert.equal(hrefOf(await renderChatButton({ instagram: '@coast.clothing', ref: 'ssr' })), 'https://ig.me/m/coast.clothing?ref=ssr');
    const both = await renderChatButton({ page: PAGE, instagram: 'coast.clothing', ref: 'ssr' });
    assert.match(both, /<button[^>]*part="base"[^>]*aria-haspopup="menu"[^>]*aria-expanded="false"/);
    const qr = await renderQrCode({ instagram: 'coast.clothing', ref: 'ssr', logo: '' });
    assert.match(qr, /aria-label="QR code: message coast\.clothing on Instagram"/);
    assert.match(qr, /fill="#D62976"/);
  });

  it("says its words in the request's page's language, or the element's own lang", async () => {
    assert.match(await renderChatButton({ page: PAGE }, { lang: 'es' }), /<span part="label"[^>]*><!--lit-part-->Escríbenos<!--\/lit-part-->/);
    assert.match(await renderChatButton({ page: PAGE, lang: 'ja' }), /メッセージを送る/);
    assert.match(await renderChatButton({ page: PAGE }), /Message us/);
    assert.match(await renderQrCode({ page: PAGE, lang: 'de' }), /aria-label="QR-Code: OriginalCoastClothing auf Messenger schreiben"/);
  });

  it("expands a ref template for the request's page, and refuses a template without one", async () => {
    assert.equal(hrefOf(await renderChatButton({ page: PAGE, ref: 'web-{path}' }, { path: '/café/crème/' })), `https://m.me/${PAGE}?ref=web-cafe-creme`);
    assert.equal(hrefOf(await renderChatButton({ page: PAGE, ref: '{query.utm_source|direct}' }, { query: {} })), `https://m.me/${PAGE}?ref=direct`);
    assert.equal(hrefOf(await renderChatButton({ page: PAGE, ref: 'literal{{x}}' })), `https://m.me/${PAGE}?ref=literal%7Bx%7D`, 'literal braces need no context');
    await assert.rejects(renderChatButton({ page: PAGE, ref: 'web-{path}' }), (error: InstanceType<typeof LinkError>) => error instanceof LinkError && error.code === 'ref-template-invalid');
  });

  it('renders no link for invalid attributes, as a browser does, and escapes every value', async () => {
    const invalid = await renderChatButton({ page: 'javascript:alert(1)' });
    assert.match(invalid, /<mme-chat-button[^>]* invalid/);
    assert.equal(hrefOf(invalid), null);
    const hostile = await renderChatButton({ page: PAGE, label: '"><script>alert(1)</script>' });
    assert.doesNotMatch(hostile, /<script>alert/);
    await assert.rejects(renderChatButton({ 'on click': 'x' } as never), LinkError);
    await assert.rejects(renderChatButton({ page: PAGE, ref: { toString: () => 'x' } } as never), (error: InstanceType<typeof LinkError>) => error instanceof LinkError && /attribute ref must be text/.test(error.message));
    assert.doesNotMatch(await renderChatButton({ page: PAGE, 'remember-dismiss': false, label: null }), /remember-dismiss|label=/, 'false and null leave an attribute out');
  });
});

describe('server-rendered HTML in Chromium: without JavaScript, then hydrated', () => {
  const session = withBrowser({ csp: false }, async () => {
    // What an app bundles for the browser: Lit's hydration support first, then the elements.
    const bundle = await build({ stdin: { contents: "import '@lit-labs/ssr-client/lit-element-hydrate-support.js'; import './dist/components/index.js';", resolveDir: process.cwd() }, bundle: true, format: 'esm', write: false, conditions: ['production'] });
    session.server.route('/hydrate.js', bundle.outputFiles[0].text);
    session.server.route('/mark.js', "for (const host of document.querySelectorAll('mme-chat-button, mme-qr-code')) host.shadowRoot.firstElementChild.dataset.server = 'yes';");
  });

  const page = async (scripts: boolean) => {
    const body = `<main><h1>Shop</h1>${await renderChatButton({ page: PAGE, ref: 'web-{path}' }, { path: '/ssr/' })}${await renderQrCode({ page: PAGE, ref: 'ssr', logo: true })}</main>`;
    return `<!doctype html><html lang="en"><head><title>SSR</title></head><body>${body}${scripts ? '<script src="/mark.js"></script><script type="module" src="/hydrate.js"></script>' : ''}</body></html>`;
  };

  it('draws the same pixels before and after hydration, and passes axe', async () => {
    const shots: Uint8Array[][] = [];
    for (const scripts of [false, true]) {
      const tab = await session.browser.newPage();
      await tab.setJavaScriptEnabled(!!scripts);
      await tab.goto(session.server.route('/ssr/', await page(scripts)), { waitUntil: 'networkidle0' });
      if (scripts) await tab.waitForFunction(() => (document.querySelector('mme-qr-code') as unknown as { hasUpdated?: boolean })?.hasUpdated && (document.querySelector('mme-chat-button') as unknown as { hasUpdated?: boolean })?.hasUpdated);
      shots.push([await (await tab.$('pierce/a[part=base]'))!.screenshot({ type: 'png' }), await (await tab.$('pierce/svg[part=code]'))!.screenshot({ type: 'png' })]);
      if (scripts) {
        await tab.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
        const violations = await tab.evaluate(async () => (await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] } as object)).violations.map((v) => v.id));
        assert.deepEqual(violations, []);
      }
      await tab.close();
    }
    assert.ok(Buffer.from(shots[0][0]).equals(Buffer.from(shots[1][0])), 'the button, pixel for pixel');
    assert.ok(Buffer.from(shots[0][1]).equals(Buffer.from(shots[1][1])), 'the QR code, pixel for pixel');
  });

  it('shows a working link and a code that scans with JavaScript off', async () => {
    const tab = await session.browser.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.goto(session.server.route('/ssr/off', await page(false)), { waitUntil: 'networkidle0' });
    const link = await tab.$('pierce/a[part=base]');
    assert.ok(link, 'the link is in the page');
    assert.equal(await link!.evaluate((a) => a.getAttribute('href')), `https://m.me/${PAGE}?ref=web-ssr`);
    const box = await link!.boundingBox();
    assert.ok(box && box.width > 40 && box.height >= 44, `a visible, tappable button: ${JSON.stringify(box)}`);
    const svg = await tab.$('pierce/svg[part=code]');
    assert.equal(jsqrDecode(await svg!.screenshot({ type: 'png' })), `https://m.me/${PAGE}?ref=ssr`);
    await tab.close();
  });

  it('hydrates without drawing again or moving, with no console error, and its events fire', async () => {
    const tab = await session.browser.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(String(error)));
    // Served at the path the server rendered for, so the browser expands the template to the same ref.
    await tab.goto(session.server.route('/ssr/', await page(true)), { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => customElements.get('mme-chat-button') && (document.querySelector('mme-chat-button') as unknown as { hasUpdated: boolean }).hasUpdated);
    const after = await tab.evaluate(async () => {
      const button = document.querySelector('mme-chat-button')!;
      const code = document.querySelector('mme-qr-code')!;
      await (button as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const clicks: string[] = [];
      button.addEventListener('mme-click', (event) => {
        clicks.push((event as CustomEvent<{ href: string }>).detail.href);
        event.preventDefault();
      });
      button.shadowRoot!.querySelector('a')!.click();
      return { kept: [button, code].map((host) => host.shadowRoot!.firstElementChild!.getAttribute('data-server')), links: button.shadowRoot!.querySelectorAll('a').length, clicks };
    });
    assert.deepEqual(after, { kept: ['yes', 'yes'], links: 1, clicks: [`https://m.me/${PAGE}?ref=web-ssr`] }, 'the server nodes are kept, not drawn again');
    assert.deepEqual(errors, []);
    await tab.close();
  });
});

describe('server-only code stays out of the browser files', () => {
  it('no dist/cdn file holds the server renderer', () => {
    for (const file of ['embed.module.js', 'elements.js']) assert.doesNotMatch(readFileSync(`dist/cdn/${file}`, 'utf8'), /ssr-dom-shim|collectResult|renderChatButton/, file);
  });
});
