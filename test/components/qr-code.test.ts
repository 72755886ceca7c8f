import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/components/qr-code/qr-code.js';
import type { MmeQrCode } from '../../src/components/qr-code/qr-code.js';
import { chatLink } from '../../src/link/index.js';
import { QrError, qrMatrix } from '../../src/qr/index.js';
import { decodeOnScreen, decodePng } from '../helpers/decode.js';
import { captureConsole } from '../helpers/console.js';
import { expectInvalid } from '../helpers/invalid.js';
import { expectSecondCopyKeepsFirst } from '../helpers/second-copy.js';

const PAGE = 'OriginalCoastClothing';
const LONG_REF = 'r'.repeat(2083);

async function render(template: ReturnType<typeof html>): Promise<MmeQrCode> {
  const element = await fixture<MmeQrCode>(template);
  await element.updateComplete;
  return element;
}

const codeOf = (element: MmeQrCode) => element.shadowRoot!.querySelector('svg');

/** Rasterises SVG markup in Chromium (an <img>) and decodes it. */
async function decodeSvgMarkup(markup: string): Promise<string | null> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  return decodePng(await canvas.convertToBlob());
}

describe('<mme-qr-code>', () => {
  it('draws one path for the dark modules, labelled for screen readers, and it scans', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="summer_coupon"></mme-qr-code>`);
    const svg = codeOf(element)!;
    expect(svg.querySelectorAll('path'), 'one path for all modules').to.have.length(1);
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(`QR code: message ${PAGE} on Messenger`);
    expect(await decodeOnScreen(svg)).to.equal(`https://m.me/${PAGE}?ref=summer_coupon`);
    await expect(element).to.be.accessible();
  });

  it('stays dark on light, and scans, in forced colours with a dark scheme', async () => {
    await executeServerCommand('mme-media', [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      const element = await render(html`<mme-qr-code page=${PAGE} ref="contrast" caption="Scan me"></mme-qr-code>`);
      await nextFrame();
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
      expect(await decodeOnScreen(codeOf(element)!, { darkOnLight: true })).to.equal(`https://m.me/${PAGE}?ref=contrast`);
    } finally {
      await executeServerCommand('mme-media', []);
    }
  });

  it('snaps to whole device pixels per module and keeps a 4-module quiet zone by default', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} size="200"></mme-qr-code>`);
    const svg = codeOf(element)!;
    const matrix = qrMatrix(`https://m.me/${PAGE}`);
    const modules = matrix.size + 8;
    expect(svg.getAttribute('viewBox')).to.equal(`0 0 ${modules} ${modules}`);
    const width = Number(svg.getAttribute('width'));
    expect(width * devicePixelRatio % modules, 'whole device pixels per module').to.equal(0);
    expect(width).to.be.at.most(200).and.above(200 - modules);
    const d = svg.querySelector('path')!.getAttribute('d')!;
    const xs = [...d.matchAll(/M(\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...xs.map(([x]) => x)), 'first dark column').to.equal(4);
    expect(Math.min(...xs.map(([, y]) => y)), 'first dark row').to.equal(4);
  });

  it('takes margin, and warns when it is below the standard 4', async () => {
    const console = captureConsole();
    try {
      const element = await render(html`<mme-qr-code page=${PAGE} margin="2"></mme-qr-code>`);
      const d = codeOf(element)!.querySelector('path')!.getAttribute('d')!;
      expect(d.startsWith('M2 2')).to.equal(true);
      expect(element.problems.map((p) => p.code)).to.include('qr-margin-small');
      expect(console.warnings.join()).to.contain('qr-margin-small');
    } finally {
      console.restore();
    }
  });

  for (const level of ['L', 'M', 'Q', 'H']) {
    it(`scans at error correction ${level}`, async () => {
      const element = await render(html`<mme-qr-code page=${PAGE} ref="level_${level}" error-correction=${level}></mme-qr-code>`);
      expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=level_${level}`);
    });
  }

  it('renders a 2,083-character ref, stepping down from H with no error, and it scans', async () => {
    const console = captureConsole();
    try {
      const invalid = (el: Element) => el.addEventListener('mme-invalid', () => expect.fail('no mme-invalid expected'));
      const element = document.createElement('mme-qr-code');
      invalid(element);
      Object.assign(element, { page: PAGE, ref: LONG_REF, size: 640, errorCorrection: 'H' });
      document.body.append(element);
      await element.updateComplete;
      expect(element.invalid).to.equal(false);
      expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=${LONG_REF}`);
      expect(console.errors).to.deep.equal([]);
      element.remove();
    } finally {
      console.restore();
    }
  });

  it('draws the Messenger logo over a cleared centre, at H when it fits, and still scans', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="flyer" logo size="300"></mme-qr-code>`);
    const svg = codeOf(element)!;
    expect(svg.querySelector('g'), 'logo group').to.exist;
    expect(qrMatrix(`https://m.me/${PAGE}?ref=flyer`, { logo: true }).errorCorrection).to.equal('H');
    expect(await decodeOnScreen(svg)).to.equal(`https://m.me/${PAGE}?ref=flyer`);
    expect(await decodePng(await element.toPNG())).to.equal(`https://m.me/${PAGE}?ref=flyer`);
  });

  it('keeps a logo on a long link at a lower level, and it scans', async () => {
    const ref = 'x'.repeat(1500);
    const element = await render(html`<mme-qr-code page=${PAGE} ref=${ref} logo size="640"></mme-qr-code>`);
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=${ref}`);
  });

  it('takes its colours from CSS color and --mme-qr-background, and scans', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} style="color:#1d3a8a;--mme-qr-background:#fff8e1"></mme-qr-code>`);
    const svg = codeOf(element)!;
    expect(getComputedStyle(svg.querySelector('path')!).fill).to.equal('rgb(29, 58, 138)');
    expect(getComputedStyle(svg.querySelector('rect')!).fill).to.equal('rgb(255, 248, 225)');
    expect(await decodeOnScreen(svg)).to.equal(`https://m.me/${PAGE}`);
    await nextFrame();
    expect(element.problems).to.deep.equal([]);
    expect(element.toSVG()).to.contain('fill="#1d3a8a"').and.contain('fill="#fff8e1"');
  });

  it('warns qr-low-contrast below 3:1 and for light modules on a dark background', async () => {
    const console = captureConsole();
    try {
      const pale = await render(html`<mme-qr-code page=${PAGE} style="color:#bbbbbb"></mme-qr-code>`);
      const inverted = await render(html`<mme-qr-code page=${PAGE} style="color:#fff;--mme-qr-background:#000"></mme-qr-code>`);
      // The colour check runs in the frame after rendering.
      await nextFrame();
      expect(pale.problems.map((p) => p.code)).to.deep.equal(['qr-low-contrast']);
      expect(inverted.problems.map((p) => p.code)).to.deep.equal(['qr-low-contrast']);
      expect(inverted.invalid, 'a warning still renders').to.equal(false);
      expect(console.warnings.filter((w) => w.includes('qr-low-contrast'))).to.have.length(2);
    } finally {
      console.restore();
    }
  });

  it('shows a caption and download buttons, accessibly', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} caption="Scan to chat with us" download></mme-qr-code>`);
    const root = element.shadowRoot!;
    expect(root.querySelector('[part=caption]')!.textContent).to.equal('Scan to chat with us');
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-label')])).to.deep.equal([['PNG', 'Download PNG'], ['SVG', 'Download SVG']]);
    await expect(element).to.be.accessible();
  });

  it('toSVG() and toPNG({ scale }) give files that scan', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="print" label="Chat with us"></mme-qr-code>`);
    const markup = element.toSVG();
    expect(markup).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).to.contain('<title>Chat with us</title>');
    expect(await decodeSvgMarkup(markup)).to.equal(`https://m.me/${PAGE}?ref=print`);
    const png = await element.toPNG({ scale: 5 });
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.equal((qrMatrix(`https://m.me/${PAGE}?ref=print`).size + 8) * 5);
    expect(await decodePng(png)).to.equal(`https://m.me/${PAGE}?ref=print`);
  });

  it('takes any m.me link as value', async () => {
    const value = 'https://m.me/rn/OriginalCoastClothing?topic=weekly%20deals&cadence=weekly';
    const element = await render(html`<mme-qr-code value=${value}></mme-qr-code>`);
    expect(codeOf(element)!.getAttribute('aria-label')).to.equal(`QR code: get updates from ${PAGE} on Messenger`);
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(value);
  });

  it('encodes a link written without a scheme as https://, which phone cameras open as a link', async () => {
    for (const value of [`m.me/${PAGE}?ref=noscheme`, `//m.me/${PAGE}?ref=noscheme`, `www.m.me/${PAGE}?ref=noscheme`]) {
      const element = await render(html`<mme-qr-code value=${value}></mme-qr-code>`);
      const expected = `https://${value.replace(/^\/\//, '')}`;
      expect(await decodeOnScreen(codeOf(element)!), value).to.equal(expected);
      expect(element.toSVG(), 'the exported file too').to.contain(`<svg`);
      expect(await decodePng(await element.toPNG()), `${value} as PNG`).to.equal(expected);
      element.remove();
    }
  });

  it('shows a link placed inside under the code, where keyboards, screen readers and phones reach it', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="table_4"><a href="https://m.me/${PAGE}?ref=table_4">Message us on Messenger</a></mme-qr-code>`);
    const link = element.querySelector('a')!;
    const box = link.getBoundingClientRect();
    expect(box.width * box.height, 'the link is drawn').to.be.above(0);
    expect(box.top, 'under the code').to.be.at.least(codeOf(element)!.getBoundingClientRect().bottom);
    link.focus();
    expect(document.activeElement, 'the link takes focus').to.equal(link);
    expect(await decodeOnScreen(codeOf(element)!), 'the code above it scans').to.equal(`https://m.me/${PAGE}?ref=table_4`);
    await expect(element).to.be.accessible();
  });

  it('re-renders when an attribute changes', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="one"></mme-qr-code>`);
    element.setAttribute('ref', 'two');
    await element.updateComplete;
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=two`);
    element.setAttribute('text', 'Hi there');
    await element.updateComplete;
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=two&text=Hi%20there`);
  });

  it('redraws in place: caption, logo and download buttons come and go in order, and the code scans', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="shop" caption="Scan me" download></mme-qr-code>`);
    const parts = () => [...element.shadowRoot!.querySelector('figure')!.children].filter((child) => child.localName !== 'slot').map((child) => child.getAttribute('part'));
    expect(parts()).to.deep.equal(['code', 'caption', 'downloads']);
    element.removeAttribute('caption');
    element.setAttribute('logo', '');
    await element.updateComplete;
    expect(parts()).to.deep.equal(['code', 'downloads']);
    expect(codeOf(element)!.querySelectorAll('g'), 'the logo').to.have.length(1);
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=shop`);
    element.setAttribute('caption', 'Scan again');
    element.removeAttribute('logo');
    await element.updateComplete;
    expect(parts(), 'the caption back above the buttons').to.deep.equal(['code', 'caption', 'downloads']);
    expect(element.shadowRoot!.querySelector('figcaption')!.textContent).to.equal('Scan again');
    expect(codeOf(element)!.querySelector('g'), 'no logo').to.equal(null);
    element.removeAttribute('download');
    await element.updateComplete;
    expect(parts()).to.deep.equal(['code', 'caption']);
    const console = captureConsole();
    try {
      element.setAttribute('margin', '-1');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('figure'), 'no code while invalid').to.equal(null);
      element.setAttribute('margin', '4');
      element.setAttribute('download', '');
      await element.updateComplete;
    } finally {
      console.restore();
    }
    expect(element.shadowRoot!.querySelectorAll('figure, svg'), 'one figure, one code').to.have.length(2);
    expect(parts()).to.deep.equal(['code', 'caption', 'downloads']);
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=shop`);
  });

  it('reuses its encoding when only the caption, size or label changes, and redraws for a new link', async () => {
    const element = await render(html`<mme-qr-code page=${PAGE} ref="${LONG_REF.slice(0, 1500)}"></mme-qr-code>`);
    const path = codeOf(element)!.querySelector('path')!;
    const redraws: MutationRecord[] = [];
    const observer = new MutationObserver((records) => redraws.push(...records));
    observer.observe(path, { attributeFilter: ['d'] });
    element.setAttribute('caption', 'Scan me');
    element.setAttribute('size', '240');
    element.setAttribute('label', 'Chat with us');
    await element.updateComplete;
    expect(observer.takeRecords().length + redraws.length, 'the path is not drawn again').to.equal(0);
    element.setAttribute('ref', 'short');
    await element.updateComplete;
    expect(observer.takeRecords().length + redraws.length, 'a new link draws a new path').to.equal(1);
    observer.disconnect();
    expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=short`);
  });

  const bad: { name: string; attributes: Record<string, string>; code: string }[] = [
    { name: 'a javascript: page', attributes: { page: 'javascript:alert(1)' }, code: 'page-invalid' },
    { name: 'no page', attributes: {}, code: 'page-missing' },
    { name: 'a ref over 2,083 characters', attributes: { page: PAGE, ref: 'a'.repeat(2084) }, code: 'ref-too-long' },
    { name: 'a topic with punctuation', attributes: { page: PAGE, topic: 'deals!' }, code: 'topic-invalid' },
    { name: 'a link no QR code can hold', attributes: { page: PAGE, text: 'x'.repeat(3000) }, code: 'qr-too-long' },
    { name: 'a value that is not an m.me link', attributes: { value: 'https://evil.example/' }, code: 'not-messenger-link' },
    { name: 'a javascript: value', attributes: { value: 'javascript:alert(1)' }, code: 'not-messenger-link' },
    { name: 'an unknown error-correction', attributes: { page: PAGE, 'error-correction': 'X' }, code: 'error-correction-invalid' },
    { name: 'a negative margin', attributes: { page: PAGE, margin: '-1' }, code: 'margin-invalid' },
    { name: 'a size of zero', attributes: { page: PAGE, size: '0' }, code: 'size-invalid' },
    { name: 'an unknown ref token', attributes: { page: PAGE, ref: 'web-{nope}' }, code: 'ref-template-invalid' },
  ];
  for (const { name, attributes, code } of bad) {
    it(`shows no code for ${name} (${code}), with one console.error and mme-invalid`, async () => {
      const element = (await expectInvalid('mme-qr-code', attributes, code)) as MmeQrCode;
      expect(() => element.toSVG()).to.throw(QrError, new RegExp(`no valid code: ${code}: `)).with.property('code', 'qr-invalid');
      element.remove();
    });
  }

  it('says the code is not ready when exported before its first render', async () => {
    const element = document.createElement('mme-qr-code');
    element.setAttribute('page', PAGE);
    expect(() => element.toSVG()).to.throw(QrError, /not rendered yet/).with.property('code', 'qr-not-ready');
    let rejected: unknown;
    await element.toPNG().catch((error: unknown) => (rejected = error));
    expect((rejected as QrError).code).to.equal('qr-not-ready');
  });

  it('shows markup in caption and label as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.__pwned=1">';
    const element = await render(html`<mme-qr-code page=${PAGE} caption=${attack} label=${attack}></mme-qr-code>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(element.shadowRoot!.querySelector('figcaption')!.textContent).to.equal(attack);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(element.toSVG()).to.contain('&lt;img');
  });

  it('scans for arbitrary refs and texts (property, 50 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), async (ref, text) => {
        // The ref attribute is a template: a literal brace is written twice.
        const template = ref.replace(/[{}]/g, '$&$&');
        const element = await render(html`<mme-qr-code page=${PAGE} ref=${template} text=${text} size="400"></mme-qr-code>`);
        const href = chatLink({ page: PAGE, ref, text });
        expect(await decodeOnScreen(codeOf(element)!)).to.equal(href);
        element.remove();
      }),
      // A lone brace in a ref, which this property once found, is always among the cases.
      { numRuns: 50, examples: [['{ ', ''], ['}}x{', 'a{b}']] },
    );
  });

  it('keeps the first definition, without an error, when a second copy of the kit loads', () =>
    expectSecondCopyKeepsFirst('mme-qr-code', async () => {
      const element = await render(html`<mme-qr-code page=${PAGE} ref="again"></mme-qr-code>`);
      expect(await decodeOnScreen(codeOf(element)!)).to.equal(`https://m.me/${PAGE}?ref=again`);
    }));
});
