import { parseDocument } from 'htmlparser2';
import { HtmlValidate } from 'html-validate';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EmailError, emailButton, emailQr } from '../../src/email/index.js';
import { LinkError } from '../../src/link/index.js';
import { findings } from './caniemail-findings.js';

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };

const PAGE = 'OriginalCoastClothing';
// ref and text together give a link with an & to escape.
const button = emailButton({ page: PAGE, ref: 'newsletter_2026', text: 'Hi! A question' });
const vml = emailButton({ page: PAGE, ref: 'newsletter_2026', outlook: 'vml', label: 'Chat with us' });
const qr = emailQr({ page: PAGE, ref: 'newsletter_2026', imageUrl: 'https://cdn.example.com/qr/newsletter.png' });
const instagramButton = emailButton({ username: '@coast.clothing', ref: 'newsletter_2026', outlook: 'vml' });
const instagramQr = emailQr({ username: 'coast.clothing', ref: 'newsletter_2026', imageUrl: 'https://cdn.example.com/qr/instagram.png' });
// Every rule below holds for the Instagram snippets as for the Messenger ones.
const snippets = { hybrid: button, vml, qr, 'Instagram button': instagramButton, 'Instagram QR image': instagramQr };

function elements(html: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.type === 'tag') found.push(node);
    node.children?.forEach(walk);
  };
  walk(parseDocument(html) as unknown as Node);
  return found;
}
const styles = (node: Node) =>
  Object.fromEntries((node.attribs?.style ?? '').split(';').filter(Boolean).map((rule) => rule.split(/:(.*)/s).slice(0, 2).map((s) => s.trim())));
/** The markup outside Outlook-only comments, as every other client sees it. */
const nonMso = (html: string) => html.replace(/<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/g, '');

const ALLOWED_TAGS = new Set(['table', 'tr', 'td', 'a', 'img', 'span', 'br']);
const ALLOWED_STYLES = new Set([
  'display', 'background-color', 'color', 'font-family', 'font-size', 'font-weight', 'line-height', 'mso-line-height-rule', 'margin',
  'text-decoration', 'text-align', 'padding', 'width', 'mso-padding-alt', 'border', 'border-radius', 'border-collapse', '-webkit-text-size-adjust',
]);

describe('email snippets (research/email-html.md §7)', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: only table, tr, td, a, img, span and br, with no class, id or event attributes`, () => {
      for (const node of elements(nonMso(snippet.html))) {
        assert.ok(ALLOWED_TAGS.has(node.name!), `<${node.name}> is not allowed in email`);
        for (const attribute of Object.keys(node.attribs ?? {})) assert.ok(!/^(on|class$|id$)/.test(attribute), `${attribute} on <${node.name}>`);
      }
      assert.doesNotMatch(snippet.html, /<(style|script|svg|form|button|input)\b/i);
    });

    it(`${name}: every style is inline and from the allowlist`, () => {
      for (const node of elements(nonMso(snippet.html))) {
        for (const property of Object.keys(styles(node))) assert.ok(ALLOWED_STYLES.has(property), `${property} on <${node.name}>`);
        assert.doesNotMatch(node.attribs?.style ?? '', /var\(|position|flex|grid|float|background-image/);
      }
    });

    it(`${name}: every table is role="presentation" with border, cellpadding and cellspacing 0`, () => {
      const tables = elements(snippet.html).filter((n) => n.name === 'table');
      assert.ok(tables.length > 0);
      for (const table of tables) {
        assert.equal(table.attribs!.role, 'presentation');
        assert.equal(table.attribs!.border, '0');
        assert.equal(table.attribs!.cellpadding, '0');
        assert.equal(table.attribs!.cellspacing, '0');
      }
    });

    it(`${name}: lang and dir on the wrapper`, () => {
      const [wrapper] = elements(snippet.html);
      assert.equal(wrapper.attribs!.lang, 'en');
      assert.equal(wrapper.attribs!.dir, 'ltr');
    });

    it(`${name}: every href, in HTML and in Outlook comments, is the same escaped https://m.me (or ig.me) link`, () => {
      const hrefs = [...snippet.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(hrefs.length >= 1);
      for (const href of hrefs) assert.equal(href, snippet.href.replace(/&/g, '&amp;'));
      assert.match(snippet.href, /^https:\/\/(m\.me\/OriginalCoastClothing|ig\.me\/m\/coast\.clothing)\?ref=newsletter_2026/);
    });

    it(`${name}: never shows the full URL as link text, and the text part has it alone on a line`, () => {
      for (const a of elements(nonMso(snippet.html)).filter((n) => n.name === 'a')) {
        const text = (a.children ?? []).filter((c) => c.type === 'text').map((c) => c.data).join('');
        assert.doesNotMatch(text, /https?:|m\.me\//);
      }
      const lines = snippet.text.trimEnd().split('\n');
      assert.equal(lines.at(-1), snippet.href);
      for (const line of lines.slice(0, -1)) assert.ok(line.length <= 78, `line over 78: ${line}`);
      assert.doesNotMatch(snippet.text, /<|>/);
    });

    it(`${name}: html-validate finds nothing (recommended rules, tuned for email)`, async () => {
      const validator = new HtmlValidate({
        extends: ['html-validate:recommended'],
        rules: { 'no-inline-style': 'off', 'no-conditional-comment': 'off', 'prefer-native-element': 'off', 'prefer-tbody': 'off', 'no-deprecated-attr': 'off' },
      });
      const report = await validator.validateString(snippet.html);
      assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), []);
    });
  }

  it('hybrid button: the cell paints and pads it; the link is inline-block with mso-padding-alt 0; 48 px tall, 16 px bold', () => {
    const td = elements(button.html).find((n) => n.name === 'td')!;
    const a = elements(button.html).find((n) => n.name === 'a')!;
    const cell = styles(td);
    const link = styles(a);
    assert.equal(td.attribs!.bgcolor, cell['background-color']);
    assert.equal(link['background-color'], cell['background-color']);
    assert.equal(cell['mso-padding-alt'], link.padding);
    assert.equal(link.display, 'inline-block');
    assert.equal(link['mso-padding-alt'], '0px');
    assert.equal(link['font-size'], '16px');
    assert.equal(link['mso-line-height-rule'], 'exactly');
    const [top, , bottom = top] = link.padding.split(' ').map(parseFloat);
    assert.ok(top + bottom + parseFloat(link['line-height']) >= 44, 'at least 44 px tall');
  });

  it('VML button: same box as the CSS one, no cell mso-padding-alt, the link hidden from Outlook, balanced comments', () => {
    const box = /style="height:(\d+)px;v-text-anchor:middle;width:(\d+)px;"/.exec(vml.html)!;
    const a = elements(vml.html.replace(/<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/, '')).find((n) => n.name === 'a')!;
    const link = styles(a);
    const [py, px] = link.padding.split(' ').map(parseFloat);
    assert.equal(Number(box[1]), 2 * py + parseFloat(link['line-height']), 'heights match');
    assert.equal(Number(box[2]), parseFloat(link.width) + 2 * px, 'widths match');
    const td = elements(vml.html).find((n) => n.name === 'td')!;
    assert.equal(styles(td)['mso-padding-alt'], undefined);
    assert.match(vml.html, /<!--\[if !mso\]><!-->.*<a .*<\/a><!--<!\[endif\]-->/s);
    assert.equal((vml.html.match(/<!--\[if/g) ?? []).length, (vml.html.match(/<!\[endif\]-->/g) ?? []).length);
    assert.match(vml.html, /<v:roundrect [^>]*href="https:\/\/m\.me\//);
  });

  it('QR image: linked, with alt, width/height attributes, inline width, display:block and border 0', () => {
    const img = elements(qr.html).find((n) => n.name === 'img')!;
    const style = styles(img);
    assert.equal(img.attribs!.src, 'https://cdn.example.com/qr/newsletter.png');
    assert.equal(img.attribs!.alt, `QR code: scan to message ${PAGE} on Messenger`);
    assert.equal(img.attribs!.width, '164');
    assert.equal(img.attribs!.height, '164');
    assert.equal(style.width, '164px');
    assert.equal(style.display, 'block');
    assert.equal(style.border, '0');
    assert.ok(style['font-family'] && style.color, 'styled alt text');
  });

  const badImages = ['data:image/png;base64,iVBORw0KGgo=', 'http://cdn.example.com/qr.png', '/qr.png', 'qr.png', 'https://cdn.example.com/qr.svg', 'javascript:alert(1)', '', 'https://cdn.example.com/a b.png', 'cid:'];
  for (const imageUrl of badImages) {
    it(`QR image: rejects imageUrl ${JSON.stringify(imageUrl)} with image-url-invalid`, () => {
      assert.throws(() => emailQr({ page: PAGE, imageUrl }), (error: EmailError) => error instanceof EmailError && error.code === 'image-url-invalid' && error.field === 'imageUrl');
    });
  }

  it('Instagram: the button and QR image link to ig.me, say Instagram, in its magenta, flat (no gradient in email)', () => {
    assert.equal(instagramButton.href, 'https://ig.me/m/coast.clothing?ref=newsletter_2026');
    assert.match(instagramButton.html, />Message us on Instagram</);
    assert.match(instagramButton.html, /background-color:#C13584/);
    assert.match(instagramButton.html, /fillcolor="#C13584"/);
    assert.match(instagramButton.text, /^Message us on Instagram\nhttps:\/\/ig\.me\/m\/coast\.clothing\?ref=newsletter_2026\n$/);
    assert.equal(elements(instagramQr.html).find((n) => n.name === 'img')!.attribs!.alt, 'QR code: scan to message coast.clothing on Instagram');
    assert.throws(() => emailButton({ username: 'coast', text: 'Hi' } as never), (error: LinkError) => error instanceof LinkError && error.code === 'text-on-instagram');
  });

  it('QR image: accepts an explicit cid: attachment', () => {
    assert.match(emailQr({ page: PAGE, imageUrl: 'cid:messenger-qr' }).html, /src="cid:messenger-qr"/);
  });

  const lowContrast: { color?: string; textColor?: string }[] = [{ color: '#0084FF' }, { color: '#ffff00' }, { textColor: '#99bbff' }];
  for (const colors of lowContrast) {
    it(`rejects colours below 4.5:1 with email-low-contrast: ${JSON.stringify(colors)}`, () => {
      assert.throws(() => emailButton({ page: PAGE, ...colors }), (error: EmailError) => error.code === 'email-low-contrast' && /4\.5:1/.test(error.message));
    });
  }

  it('accepts dark text on a light button that reaches 4.5:1', () => {
    assert.match(emailButton({ page: PAGE, color: '#FFD54F', textColor: '#1C1E21' }).html, /color:#1C1E21/);
  });

  const badOptions: { options: object; code: string }[] = [
    { options: { color: 'blue' }, code: 'color-invalid' },
    { options: { color: 'red;position:fixed' }, code: 'color-invalid' },
    { options: { lang: 'en"><script>' }, code: 'lang-invalid' },
    { options: { dir: 'up' }, code: 'dir-invalid' },
    { options: { outlook: 'word' }, code: 'outlook-invalid' },
    { options: { label: '   ' }, code: 'label-invalid' },
    // Values of the wrong type get the option's code, never a TypeError.
    { options: { label: 5 }, code: 'label-invalid' },
    { options: { label: { text: 'x' } }, code: 'label-invalid' },
    { options: { color: 255 }, code: 'color-invalid' },
    { options: { lang: 7 }, code: 'lang-invalid' },
  ];
  for (const { options, code } of badOptions) {
    it(`rejects ${JSON.stringify(options)} with ${code}`, () => {
      assert.throws(() => emailButton({ page: PAGE, ...options } as never), (error: EmailError) => error.code === code);
    });
  }

  it('rejects an emailQr label that is not text with label-invalid', () => {
    assert.throws(() => emailQr({ page: PAGE, imageUrl: 'https://a.example/q.png', label: 3 } as never), (error: EmailError) => error.code === 'label-invalid');
  });

  it('rejects options that are not an object with a LinkError, never a TypeError', () => {
    assert.throws(() => emailButton(null as never), (error: LinkError) => error instanceof LinkError && error.code === 'options-invalid');
    assert.throws(() => emailQr(undefined as never), (error: LinkError) => error instanceof LinkError && error.code === 'options-invalid');
  });

  it('rejects an invalid link with LinkError, never a broken href', () => {
    assert.throws(() => emailButton({ page: 'javascript:alert(1)' }), LinkError);
    assert.throws(() => emailQr({ page: PAGE, ref: 'x'.repeat(2084), imageUrl: 'https://a.example/q.png' }), LinkError);
  });

  it('escapes markup in the label everywhere it appears', () => {
    const attack = '<img src=x onerror=alert(1)> & "quotes"';
    const html = emailButton({ page: PAGE, label: attack, outlook: 'vml' }).html;
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot;/);
    assert.match(emailQr({ page: PAGE, imageUrl: 'https://a.example/q.png', label: attack }).html, /alt="&lt;img/);
  });

  it('wraps a long label in the text part at 78 characters, keeping the URL whole', () => {
    const label = 'Questions about your order, sizes or returns? Send us a message on Messenger and a person from our team replies within minutes.';
    const { text, href } = emailButton({ page: PAGE, label, ref: 'r'.repeat(120) });
    const lines = text.trimEnd().split('\n');
    assert.ok(lines.length >= 3);
    for (const line of lines.slice(0, -1)) assert.ok(line.length <= 78);
    assert.equal(lines.at(-1), href);
  });

  it('caniemail finds nothing beyond the approved baseline (test/email/caniemail-baseline.json)', () => {
    const baseline = new Set(JSON.parse(readFileSync('test/email/caniemail-baseline.json', 'utf8')) as string[]);
    const html = Object.values(snippets).map((s) => s.html).join('');
    assert.deepEqual(findings(html).filter((line) => !baseline.has(line)), []);
  });
});
