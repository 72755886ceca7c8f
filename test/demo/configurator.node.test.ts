import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Page } from 'puppeteer-core';
import { jsqrDecode } from '../helpers/decode-node.js';
import { type BrowserSession, withBrowser } from '../helpers/browser.js';

/** Chromium and the page server, from the suite below. */
let session: BrowserSession;

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let url: string;

async function open(width = 1280, query = ''): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(`${url}${query}`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('mme-qr-code')?.shadowRoot?.querySelector('svg'));
  return page;
}

/** Replaces a field's text the way a person does: select all, type. */
async function type(page: Page, selector: string, text: string) {
  await page.click(selector, { count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

const output = (page: Page, name: string) => page.$eval(`#out-${name}`, (code) => code.textContent);
const previewHref = (page: Page) => page.$eval('#inline-preview mme-chat-button', (b) => b.shadowRoot!.querySelector('a')?.getAttribute('href') ?? null);
async function qrOnScreen(page: Page, index = 0): Promise<string | null> {
  const svg = await page.evaluateHandle((i) => document.querySelectorAll('#qr-preview mme-qr-code')[i]!.shadowRoot!.querySelector('svg')!, index);
  const shot = await (svg as unknown as { screenshot(o: object): Promise<Uint8Array> }).screenshot({ type: 'png' });
  return jsqrDecode(shot);
}

describe('the configurator (dist/demo, served from 127.0.0.1)', () => {
  session = withBrowser({ csp: false }, async () => {
    url = `${session.server.origin}/dist/demo/index.html`;
    await session.browser.defaultBrowserContext().overridePermissions(session.server.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  });

  it('updates the preview button, the QR code and every snippet to the same link as you type', async () => {
    const page = await open();
    await type(page, '#page', 'https://www.facebook.com/AcmeShoes/');
    await type(page, '#ref', 'promo-{query.utm_source|direct}');
    await type(page, '#text', 'Do you have size 42?');
    await page.waitForFunction(() => document.querySelector('#out-link')!.textContent!.includes('AcmeShoes'));
    // Printed codes, emails and shared links carry their own fixed ref; the website's button, the template.
    const link = 'https://m.me/AcmeShoes?ref=flyer&text=Do%20you%20have%20size%2042%3F';
    const website = 'https://m.me/AcmeShoes?ref=promo-newsletter&text=Do%20you%20have%20size%2042%3F';
    assert.equal(await output(page, 'link'), link);
    assert.equal(await page.$eval('#page-hint', (p) => p.textContent), 'Page username: AcmeShoes');
    assert.equal(await page.$eval('#ref-preview', (p) => p.textContent), 'On /shoes/red-sale/?utm_source=newsletter it would be: promo-newsletter');
    await page.waitForFunction((l) => document.querySelector('#inline-preview mme-chat-button')!.shadowRoot!.querySelector('a')?.getAttribute('href') === l, {}, website);
    assert.equal(await previewHref(page), website);
    await page.waitForFunction((l) => document.querySelector('#qr-preview mme-qr-code')!.getAttribute('value') === l, {}, link);
    await page.evaluate(() => (document.querySelector('#qr-preview mme-qr-code') as unknown as { updateComplete: Promise<unknown> }).updateComplete);
    assert.equal(await qrOnScreen(page), link);
    assert.match((await output(page, 'script'))!, /data-page="AcmeShoes" data-ref="promo-\{query\.utm_source\|direct\}" data-text="Do you have size 42\?"/);
    // The element's no-JavaScript link: the website's, with the template's fixed part.
    assert.ok((await output(page, 'element'))!.includes('<a href="https://m.me/AcmeShoes?ref=promo&amp;text=Do%20you%20have%20size%2042%3F">'));
    assert.ok((await output(page, 'email'))!.includes(`href="${link.replace(/&/g, '&amp;')}"`));
    assert.ok((await output(page, 'emailText'))!.endsWith(link));
    const frame = await page.$eval('#site-preview', (f) => f.getAttribute('src')!);
    assert.match(frame, /ref=promo-newsletter/);
    assert.doesNotMatch((await output(page, 'element'))! + (await output(page, 'email'))! + (await output(page, 'emailText'))!, /promo-newsletter/, "no static output carries the sample page's ref");
    await page.close();
  });

  it('shows problems next to their fields and disables copying while there is an error', async () => {
    const page = await open();
    await type(page, '#page', 'my page!');
    await page.waitForFunction(() => document.querySelector('#page-problems li'));
    assert.match((await page.$eval('#page-problems', (l) => l.textContent))!, /^Error: page "my page!" may only have letters, digits and periods/);
    assert.equal(await page.$eval('#page', (i) => i.getAttribute('aria-invalid')), 'true');
    assert.deepEqual(await page.$$eval('button.copy', (buttons) => buttons.map((b) => (b as HTMLButtonElement).disabled)), [true, true, true, true, true, true, true], 'a wrong page blocks every output');
    await type(page, '#page', 'OriginalCoastClothing');
    await page.$eval('#ref', (input) => {
      (input as HTMLInputElement).value = 'x'.repeat(2100);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#ref-problems li'));
    assert.match((await page.$eval('#ref-problems', (l) => l.textContent))!, /ref-too-long|over 2083/);
    assert.equal(await page.$eval('button.copy', (b) => (b as HTMLButtonElement).disabled), true);
    await type(page, '#ref', 'ok_ref');
    await page.waitForFunction(() => !(document.querySelector('button.copy') as HTMLButtonElement).disabled);
    await page.click('#accent');
    await page.$eval('#accent', (input) => {
      (input as HTMLInputElement).value = '#ffdd00';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#accent-problems li'));
    assert.match((await page.$eval('#accent-problems', (l) => l.textContent))!, /4\.5:1/);
    await page.close();
  });

  it('copies exactly the shown text and confirms it', async () => {
    const page = await open();
    for (const name of ['link', 'script', 'element', 'email', 'emailText']) {
      await page.click(`button[data-copy=${name}]`);
      await page.waitForFunction((n) => document.querySelector(`button[data-copy=${n}]`)!.textContent === 'Copied', {}, name);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await output(page, name), name);
      assert.equal(await page.$eval(`#${name}-status`, (s) => s.textContent), 'Copied', 'the status beside the button pressed');
    }
    await page.close();
  });

  it('hands over a snippet that works when pasted into a blank page', async () => {
    const page = await open();
    await type(page, '#ref', 'pasted');
    // The snippets load the files from where the site hosts them: here, this test server's dist/cdn.
    await type(page, '#host', '/dist/cdn');
    await page.waitForFunction(() => document.querySelector('#out-element')!.textContent!.includes('ref="pasted"') && document.querySelector('#out-element')!.textContent!.includes('/dist/cdn/embed.js'));
    const snippet = (await output(page, 'element'))!;
    const blank = await session.browser.newPage();
    await blank.goto(session.server.route('/blank/', `<!doctype html><html lang="en"><head><title>Blank</title></head><body>${snippet}</body></html>`), { waitUntil: 'networkidle0' });
    await blank.waitForFunction(() => document.querySelector('mme-chat-button')?.shadowRoot?.querySelector('a'));
    assert.equal(await blank.$eval('mme-chat-button', (b) => b.shadowRoot!.querySelector('a')!.getAttribute('href')), 'https://m.me/OriginalCoastClothing?ref=pasted&text=Hi!%20I%20have%20a%20question');
    assert.equal(await blank.$eval('mme-chat-button > a', (a) => a.getAttribute('href')), 'https://m.me/OriginalCoastClothing?ref=pasted&text=Hi!%20I%20have%20a%20question', "the fallback link carries the website's ref");
    await blank.close();
    await page.close();
  });

  it("hands over a button that counts its clicks at the owner's receiver, and refuses an address that is not one", async () => {
    const page = await open();
    await type(page, '#beacon', 'https://chat.shop.example/click');
    await page.waitForFunction(() => document.querySelector('#out-script')!.textContent!.includes('data-beacon'));
    assert.match((await output(page, 'script'))!, / data-beacon="https:\/\/chat\.shop\.example\/click"/);
    assert.match((await output(page, 'element'))!, /<mme-chat-button [^>]*beacon="https:\/\/chat\.shop\.example\/click"/);
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('mme-chat-button')].some((b) => b.hasAttribute('beacon'))), false, 'the previews count no clicks');
    await type(page, '#beacon', 'chat.shop.example/click');
    await page.waitForFunction(() => document.querySelector('#beacon-problems li'));
    assert.match((await page.$eval('#beacon-problems', (l) => l.textContent))!, /https:\/\/ address/);
    assert.equal(await output(page, 'script'), 'Fix what the form points out to see this.');
    assert.match((await output(page, 'link'))!, /^https:\/\/m\.me\//, 'the plain link does not depend on it');
    await type(page, '#beacon', '');
    await page.waitForFunction(() => !document.querySelector('#out-script')!.textContent!.includes('beacon') && document.querySelector('#out-script')!.textContent!.startsWith('<script'));
    await page.close();
  });

  it('blocks only what depends on the field in error: a wrong picture address or host leaves the link, the code and the email', async () => {
    const page = await open();
    const why = 'Fix what the form points out to see this.';
    const copyEnabled = (name: string) => page.$eval(`button[data-copy=${name}]`, (b) => !(b as HTMLButtonElement).disabled);
    for (const [field, value] of [['#greetingAvatar', 'javascript:alert(1)'], ['#host', 'ftp://files.example/']] as const) {
      await type(page, field, value);
      await page.waitForFunction(() => document.querySelector('#out-script')!.textContent === 'Fix what the form points out to see this.');
      assert.equal(await output(page, 'element'), why, `${field}: the element carries it`);
      assert.match((await output(page, 'link'))!, /^https:\/\/m\.me\/OriginalCoastClothing\?ref=flyer/, `${field}: the plain link does not depend on it`);
      assert.match((await output(page, 'email'))!, /<table/, `${field}: nor the email`);
      assert.equal(await qrOnScreen(page), await output(page, 'link'), `${field}: the QR code is still there, and decodes to the link`);
      assert.deepEqual([await copyEnabled('link'), await copyEnabled('email'), await copyEnabled('script'), await copyEnabled('element')], [true, true, false, false], `${field}: only the outputs that wait on it are disabled`);
      await type(page, field, field === '#host' ? '/mme-kit/' : '');
      await page.waitForFunction(() => document.querySelector('#out-script')!.textContent!.startsWith('<script'));
    }
    await page.close();
  });

  it('says closed dates need opening hours, names the channels the QR logo is for, and logs no error while the owner types', async () => {
    const page = await open();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const set = (selector: string, value: string) =>
      page.$eval(selector, (input, v) => {
        (input as HTMLInputElement).value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    await set('#hours', '');
    await set('#closedOn', '2026-12-25');
    await page.waitForFunction(() => document.querySelector('#closedOn-problems')!.textContent!.includes('opening hours'));
    assert.equal(await page.$eval('#closedOn-problems', (l) => l.textContent), 'Warning: closed dates need opening hours: fill in the hours above, or the button ignores these dates');
    assert.equal(await page.$eval('#logo-label', (l) => l.textContent), 'Messenger icon in the QR code');
    await type(page, '#instagram', 'acme.shoes');
    await page.waitForFunction(() => document.querySelector('#logo-label')!.textContent === 'Messenger and Instagram icons in the QR codes');
    await type(page, '#page', '');
    await page.waitForFunction(() => document.querySelector('#logo-label')!.textContent === 'Instagram icon in the QR code');
    // Typing a Page name key by key, through names that are not valid yet.
    await type(page, '#page', 'Acme Shoes');
    await type(page, '#page', 'https://www.facebook.com/');
    await type(page, '#page', 'OriginalCoastClothing');
    await page.waitForFunction(() => document.querySelector('#out-link')!.textContent!.includes('OriginalCoastClothing'));
    assert.deepEqual(errors, [], 'no console error at any key press');
    await page.close();
  });

  it('hands over the email QR code snippet for the image the owner uploaded, and says what address it needs', async () => {
    const page = await open();
    assert.equal(await page.$eval('[data-output=emailQr]', (o) => (o as HTMLElement).hidden), true, 'no image yet: no snippet');
    await type(page, '#qrImage', 'qr/flyer.svg');
    await page.waitForFunction(() => document.querySelector('#qrImage-problems li'));
    assert.match((await page.$eval('#qrImage-problems', (l) => l.textContent))!, /https:\/\/ address of the PNG you uploaded/);
    assert.match((await output(page, 'link'))!, /^https:\/\/m\.me\//, 'the link does not wait on the image');
    await type(page, '#qrImage', 'https://shop.example/qr/flyer.png');
    await page.waitForFunction(() => document.querySelector('#out-emailQr')!.textContent!.includes('<img'));
    const html = (await output(page, 'emailQr'))!;
    assert.match(html, /<a href="https:\/\/m\.me\/OriginalCoastClothing\?ref=flyer&amp;text=Hi!%20I%20have%20a%20question"[^>]*><img src="https:\/\/shop\.example\/qr\/flyer\.png"/);
    assert.equal(await page.$eval('[data-output=emailQr]', (o) => (o as HTMLElement).hidden), false);
    await page.close();
  });

  it("gives the element's no-JavaScript link the website's ref, never the printed codes'", async () => {
    const page = await open();
    await type(page, '#ref', 'web-{path}');
    await type(page, '#staticRef', 'flyer');
    await page.waitForFunction(() => document.querySelector('#out-element')!.textContent!.includes('ref="web-{path}"') && document.querySelector('#out-link')!.textContent!.includes('ref=flyer'));
    const element = (await output(page, 'element'))!;
    const fallback = /<a href="([^"]+)"/.exec(element)![1];
    assert.equal(fallback, 'https://m.me/OriginalCoastClothing?ref=web&amp;text=Hi!%20I%20have%20a%20question', "the template's fixed part, as the element snippet hands it over");
    assert.doesNotMatch(element, /flyer/, "the printed codes' ref is nowhere in the element snippet");
    assert.match((await output(page, 'link'))!, /ref=flyer/, 'the shared link keeps its own ref');
    await page.close();
  });

  it('makes Instagram links beside Messenger ones: a two-channel button, a code each, both links and emails', async () => {
    const page = await open();
    await type(page, '#instagram', 'https://www.instagram.com/acme.shoes/');
    await page.waitForFunction(() => document.querySelector('#out-instagramLink')!.textContent!.includes('ig.me'));
    // Each channel's link is one output, one copy: never both labels in one paste.
    assert.equal(await output(page, 'link'), 'https://m.me/OriginalCoastClothing?ref=flyer&text=Hi!%20I%20have%20a%20question');
    assert.equal(await output(page, 'instagramLink'), 'https://ig.me/m/acme.shoes?ref=flyer');
    assert.equal(await page.$eval('#link-title', (h) => h.textContent), 'Messenger link');
    await page.click('button[data-copy=instagramLink]');
    await page.waitForFunction(() => document.querySelector('button[data-copy=instagramLink]')!.textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://ig.me/m/acme.shoes?ref=flyer');
    assert.match((await output(page, 'script'))!, /data-page="OriginalCoastClothing" data-instagram="acme\.shoes"/);
    assert.equal(await page.$eval('#instagram-hint', (p) => p.textContent), 'Instagram username: acme.shoes');
    await page.waitForFunction(() => document.querySelector('#inline-preview mme-chat-button')!.shadowRoot!.querySelector('button[aria-haspopup=menu]'));
    await page.waitForFunction(() => document.querySelectorAll('#qr-preview mme-qr-code').length === 2);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('#qr-preview mme-qr-code')].map((q) => (q as unknown as { updateComplete: Promise<unknown> }).updateComplete)));
    assert.equal(await qrOnScreen(page, 0), 'https://m.me/OriginalCoastClothing?ref=flyer&text=Hi!%20I%20have%20a%20question');
    assert.equal(await qrOnScreen(page, 1), 'https://ig.me/m/acme.shoes?ref=flyer');
    const email = (await output(page, 'email'))!;
    assert.match(email, /href="https:\/\/ig\.me\/m\/acme\.shoes\?ref=flyer"/);
    assert.match(email, /Message us on Instagram/);
    assert.match(email, /<\/table>\n<table role="presentation" border="0" cellpadding="0" cellspacing="0"><tr><td height="12" style="height:12px;line-height:12px;font-size:12px">&nbsp;<\/td><\/tr><\/table>\n/, 'a row of space between the two buttons');
    const preview = await page.$eval('#email-preview', (f) => f.getBoundingClientRect().height);
    assert.ok(preview >= 10 * 16, `the email preview is tall enough for both buttons (${preview} px)`);
    // Instagram alone: no Page, no message field (ig.me carries none), one code.
    await type(page, '#page', '');
    await page.waitForFunction(() => document.querySelector('#out-link')!.textContent === 'https://ig.me/m/acme.shoes?ref=flyer');
    assert.equal(await page.$eval('#text', (i) => (i as HTMLElement).offsetParent), null, 'the message field is hidden');
    await page.waitForFunction(() => document.querySelector('#inline-preview mme-chat-button')!.shadowRoot!.querySelector('a')?.getAttribute('href')?.startsWith('https://ig.me/m/acme.shoes'));
    assert.match((await output(page, 'element'))!, /^<mme-chat-button instagram="acme\.shoes" ref="web-\{path\}"[^>]*>\n  <a href="https:\/\/ig\.me\/m\/acme\.shoes\?ref=web">Message us on Instagram<\/a>/);
    await type(page, '#instagram', 'acme shoes');
    await page.waitForFunction(() => document.querySelector('#instagram-problems')!.textContent!.includes('username'));
    assert.equal(await page.$eval('#instagram', (i) => i.getAttribute('aria-invalid')), 'true');
    await page.close();
  });

  it('takes opening hours, previews open or away for a chosen moment and a visitor\'s language, and hands them over', async () => {
    const page = await open();
    await page.emulateTimezone('Europe/Berlin');
    await page.reload({ waitUntil: 'networkidle0' });
    assert.equal(await page.$eval('#timezone', (s) => (s as HTMLSelectElement).value), 'Europe/Berlin', "the owner's own zone is chosen");
    await type(page, '#hours', 'Mo-Fr 9-18');
    await page.waitForFunction(() => document.querySelector('#hours-problems')!.textContent!.includes('"9"'));
    assert.equal(await page.$eval('#hours', (i) => i.getAttribute('aria-invalid')), 'true');
    await type(page, '#hours', 'Mo-Fr 09:00-18:00; Sa 10:00-14:00');
    await page.$eval('#moment', (i) => {
      (i as HTMLInputElement).value = '2026-12-05T16:30';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#hours-status')!.textContent!.startsWith('Away'));
    assert.equal(await page.$eval('#hours-status', (p) => p.textContent), 'Away at that moment: the button says "We\'re away. We reply from Monday 9:00 AM.".');
    await page.$eval('#moment', (i) => {
      (i as HTMLInputElement).value = '2026-12-07T10:00';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#hours-status')!.textContent!.startsWith('Open'));
    await type(page, '#greetingName', 'Rosa');
    await page.select('#greetingOn', 'scroll:50');
    await page.select('#whenAway', 'hide');
    await page.waitForFunction(() => document.querySelector('#out-script')!.textContent!.includes('data-when-away'));
    const script = (await output(page, 'script'))!;
    assert.match(script, /data-greeting-name="Rosa" data-greeting-on="scroll:50" data-handoff="qr" data-hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00" data-timezone="Europe\/Berlin" data-when-away="hide"/);
    assert.doesNotMatch(script, /data-greeting-delay/, 'no delay for a scroll greeting');
    // The preview button keeps the hours, so it is previewed in Japanese without them.
    await type(page, '#hours', '');
    await page.select('#previewLang', 'ja');
    await page.waitForFunction(() => document.querySelector('#inline-preview mme-chat-button')!.shadowRoot!.querySelector('[part=label]')?.textContent === 'メッセージを送る');
    assert.match(await page.$eval('#site-preview', (f) => f.getAttribute('src')!), /lang=ja/);
    await page.close();
  });

  it('keeps the configuration in the URL, so a reload restores the form', async () => {
    const page = await open();
    // Opt-in links work in few regions since 2026: the choice waits behind a disclosure.
    assert.equal(await page.$eval('#kind-details', (d) => (d as HTMLDetailsElement).open), false);
    await page.click('#kind-details summary');
    await page.click('input[name=kind][value=optin]');
    await type(page, '#topic', 'black friday');
    await page.select('#cadence', 'weekly');
    await page.select('#variant', 'outline');
    await page.waitForFunction(() => location.search.includes('topic=black'));
    const link = await output(page, 'link');
    assert.equal(link, 'https://m.me/rn/OriginalCoastClothing?topic=black%20friday&cadence=weekly&ref=flyer');
    await page.reload({ waitUntil: 'networkidle0' });
    assert.equal(await page.$eval('#topic', (i) => (i as HTMLInputElement).value), 'black friday');
    assert.equal(await page.$eval('#cadence', (s) => (s as HTMLSelectElement).value), 'weekly');
    assert.equal(await page.$eval('#variant', (s) => (s as HTMLSelectElement).value), 'outline');
    assert.equal(await page.$eval('input[name=kind][value=optin]', (r) => (r as HTMLInputElement).checked), true);
    assert.equal(await page.$eval('#kind-details', (d) => (d as HTMLDetailsElement).open), true, 'a restored opt-in shows its choice');
    assert.match(await page.$eval('#topic-problems', (l) => l.textContent!), /Warning: topic makes an opt-in link, which Messenger delivers only in Australia/);
    assert.equal(await output(page, 'link'), link);
    await page.close();
  });

  for (const width of [375, 1280]) {
    it(`lays out at ${width}px without horizontal scrolling, passes axe, and is saved as a screenshot`, async () => {
      const page = await open(width);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scrolling');
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] } as object);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/configurator-${width}.png`, fullPage: true });
      await page.close();
    });
  }

  it('is usable with the keyboard alone: Tab reaches the fields and the copy buttons', async () => {
    const page = await open();
    const reached = new Set<string>();
    for (let i = 0; i < 70; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || (document.activeElement as HTMLElement)?.dataset?.copy || document.activeElement?.localName || ''));
    }
    for (const id of ['page', 'text', 'ref', 'staticRef', 'label', 'variant', 'accent', 'onAccent', 'greeting', 'host', 'link', 'script']) assert.ok(reached.has(id), `Tab reaches ${id}`);
    await page.close();
  });

  it("says in a shop owner's words what is wrong: a Page's display name, a negative delay, an unknown token, a bad hosting address", async () => {
    const page = await open();
    await type(page, '#page', "Rosa's Bakery");
    await page.waitForFunction(() => document.querySelector('#page-hint')!.textContent!.includes('username'));
    assert.match((await page.$eval('#page-hint', (p) => p.textContent))!, /looks like your Page's name/);
    assert.equal(await page.$eval('#inline-unavailable', (p) => (p as HTMLElement).hidden), false, 'the preview says why it is missing');
    await type(page, '#page', 'OriginalCoastClothing');
    await type(page, '#delay', '-2');
    await page.waitForFunction(() => document.querySelector('#delay-problems li'));
    assert.match((await page.$eval('#delay-problems', (l) => l.textContent))!, /0 or more/);
    assert.deepEqual(await page.$$eval('button[data-copy=script], button[data-copy=element], button[data-copy=link]', (buttons) => buttons.map((b) => (b as HTMLButtonElement).disabled)), [false, true, true], 'no snippet that renders nothing; the link does not carry the delay');
    await type(page, '#delay', '3');
    await type(page, '#ref', 'web-{pth}');
    await page.waitForFunction(() => document.querySelector('#ref-problems li'));
    assert.equal(await page.$$eval('#ref-problems li', (items) => items.length), 1, 'one message for an unknown token');
    assert.match((await page.$eval('#ref-problems', (l) => l.textContent))!, /unknown token \{pth\}/);
    await type(page, '#ref', 'web-{path}');
    await type(page, '#host', 'cdn.example.com/mme');
    await page.waitForFunction(() => document.querySelector('#host-problems li'));
    await type(page, '#host', 'https://cdn.example.com/mme/');
    await page.waitForFunction(() => document.querySelector('#out-script')!.textContent!.startsWith('<script src="https://cdn.example.com/mme/embed.js"'));
    await page.close();
  });

  it('hands the button and text colours to every output, and refuses text that would be hard to read', async () => {
    const page = await open();
    const setColour = (selector: string, value: string) =>
      page.$eval(selector, (input, v) => {
        (input as HTMLInputElement).value = v as string;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    await setColour('#accent', '#ffd54f');
    await page.waitForFunction(() => document.querySelector('#accent-problems li'));
    assert.match((await page.$eval('#accent-problems', (l) => l.textContent))!, /4\.5:1/);
    await setColour('#onAccent', '#1c1e21');
    await page.waitForFunction(() => !document.querySelector('#accent-problems li'));
    assert.match((await output(page, 'script'))!, /data-accent="#ffd54f" data-on-accent="#1c1e21"/);
    assert.match((await output(page, 'element'))!, /accent="#ffd54f" on-accent="#1c1e21"/);
    assert.match((await output(page, 'email'))!, /background-color:#FFD54F;color:#1C1E21/);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#inline-preview mme-chat-button')!.shadowRoot!.querySelector('a')!).color === 'rgb(28, 30, 33)');
    await page.close();
  });

  it('its example website, built to dist/demo and served as static files, shows the floating button with a per-page ref', async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${session.server.origin}/dist/demo/examples/website.html`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('mme-chat-button')?.shadowRoot?.querySelector('a'), { timeout: 10_000 });
    const href = await page.$eval('mme-chat-button', (b) => b.shadowRoot!.querySelector('a')!.getAttribute('href'));
    assert.equal(href, 'https://m.me/OriginalCoastClothing?ref=web-dist-demo-examples-website-html&text=Hi!%20I%20have%20a%20question');
    assert.equal(await page.$eval('mme-chat-button', (b) => b.getAttribute('position')), 'bottom-right');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
