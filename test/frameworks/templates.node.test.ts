import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { withBrowser } from '../helpers/browser.js';

const PAGE = 'OriginalCoastClothing';
const session = withBrowser({}, () => {});

/** A Vue template rendered on the server, as Nuxt would, with the tags known as custom elements. */
async function vueHtml(template: string): Promise<string> {
  const app = createSSRApp({ template });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('mme-');
  return renderToString(app);
}

/** A Svelte component rendered on the server, as SvelteKit would. */
async function svelteHtml(source: string): Promise<string> {
  const { js } = compile(source, { generate: 'server', filename: 'Shop.svelte' });
  // Written inside the project, so that its import of svelte resolves as in an app.
  const folder = join(process.cwd(), 'node_modules/.cache/mme-kit-svelte');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `Shop-${Date.now()}-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(file, js.code);
  const component = (await import(pathToFileURL(file).href)).default;
  return render(component).body;
}

/** The page's buttons' links once the elements have upgraded the framework's HTML. */
async function hrefsInBrowser(body: string): Promise<(string | null)[]> {
  const tab = await session.browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  const url = session.server.route(`/frameworks/${Math.random().toString(36).slice(2)}`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script type="module" src="/dist/cdn/elements.js"></script></head><body><main>${body}</main></body></html>`);
  await tab.goto(url, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => [...document.querySelectorAll('mme-chat-button')].every((b) => b.shadowRoot?.querySelector('[part=base]')));
  const hrefs = await tab.evaluate(() => [...document.querySelectorAll('mme-chat-button')].map((b) => b.shadowRoot!.querySelector('a[part=base]')?.getAttribute('href') ?? null));
  await tab.close();
  assert.deepEqual(errors, []);
  return hrefs;
}

describe('framework templates (Vue and Svelte, rendered on the server, then upgraded in Chromium)', () => {
  it('Vue keeps ref for itself, so a template writes link-ref; the button opens the link with that ref', async () => {
    const html = await vueHtml(`<div><mme-chat-button page="${PAGE}" link-ref="vue-shop" variant="outline"></mme-chat-button><mme-chat-button page="${PAGE}" ref="dropped"></mme-chat-button></div>`);
    assert.match(html, /<mme-chat-button page="OriginalCoastClothing" link-ref="vue-shop" variant="outline">/);
    assert.doesNotMatch(html, /ref="dropped"/, "Vue takes ref as its own: it never reaches the element (why link-ref exists)");
    assert.deepEqual(await hrefsInBrowser(html), [`https://m.me/${PAGE}?ref=vue-shop`, `https://m.me/${PAGE}`]);
  });

  it('Svelte passes ref and link-ref as written; both reach the element', async () => {
    const html = await svelteHtml(`<script>let store = 'north';</script><mme-chat-button page="${PAGE}" ref="svelte-{store}" instagram="coast.clothing"></mme-chat-button><mme-chat-button page="${PAGE}" link-ref="svelte-link"></mme-chat-button>`);
    assert.match(html, /ref="svelte-north"/);
    const tab = await hrefsInBrowser(html);
    // The first is a two-channel menu button: no link on its face.
    assert.deepEqual(tab, [null, `https://m.me/${PAGE}?ref=svelte-link`]);
  });
});
