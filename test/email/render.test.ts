import { expect, fixture, html } from '@open-wc/testing';
import { emailButton, emailQr, qrPng } from '../../src/email/index.js';
import { decodePng } from '../helpers/decode.js';

const PAGE = 'OriginalCoastClothing';
const button = emailButton({ page: PAGE, ref: 'newsletter', label: 'Message us on Messenger' });
const vml = emailButton({ page: PAGE, ref: 'newsletter', outlook: 'vml' });

/** An email body at a given width, as a webmail client's reading pane would hold it. */
async function inbox(width: number, snippet: string): Promise<HTMLElement> {
  const pane = await fixture<HTMLElement>(html`<div style="width:${width}px;font:16px serif;overflow:auto"></div>`);
  pane.innerHTML = snippet;
  return pane;
}

describe('email snippets rendered in Chromium', () => {
  for (const width of [320, 375, 600]) {
    for (const [name, snippet] of Object.entries({ hybrid: button, vml })) {
      it(`${name} button at ${width}px: no horizontal overflow, at least 44px tall, axe clean`, async () => {
        const pane = await inbox(width, snippet.html);
        const link = pane.querySelector('a')!;
        const box = link.getBoundingClientRect();
        expect(pane.scrollWidth, 'no horizontal overflow').to.be.at.most(pane.clientWidth);
        expect(box.height).to.be.at.least(44);
        expect(box.width).to.be.at.most(width);
        expect(getComputedStyle(link).color).to.equal('rgb(255, 255, 255)');
        await expect(pane).to.be.accessible();
      });
    }

    it(`QR image at ${width}px, images on: the image shows and scans`, async () => {
      const png = await qrPng(button.href, { scale: 8 });
      const url = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
      const snippet = emailQr({ page: PAGE, ref: 'newsletter', imageUrl: 'https://cdn.example.com/qr.png' }).html.replace('https://cdn.example.com/qr.png', url);
      const pane = await inbox(width, snippet);
      const image = pane.querySelector('img')!;
      await image.decode();
      expect(image.getBoundingClientRect().width).to.equal(164);
      expect(pane.scrollWidth).to.be.at.most(pane.clientWidth);
      expect(await decodePng(png)).to.equal(button.href);
      await expect(pane).to.be.accessible();
    });

    it(`QR image at ${width}px, images off: the alt text stands in, styled, without overflow`, async () => {
      const snippet = emailQr({ page: PAGE, imageUrl: 'https://cdn.example.com/qr.png' }).html.replace('https://cdn.example.com/qr.png', '/missing-image.png');
      const pane = await inbox(width, snippet);
      const image = pane.querySelector('img')!;
      await new Promise((resolve) => (image.complete ? resolve(null) : image.addEventListener('error', resolve, { once: true })));
      expect(image.alt).to.equal(`QR code: scan to message ${PAGE} on Messenger`);
      expect(getComputedStyle(image).fontFamily).to.contain('Arial');
      expect(pane.scrollWidth).to.be.at.most(pane.clientWidth);
      await expect(pane).to.be.accessible();
    });
  }
});
