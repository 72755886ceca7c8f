import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QrError, qrPng, qrSvg } from '../../src/email/index.js';
import { LinkError } from '../../src/link/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsqrDecode, renderSvg } from '../helpers/decode-node.js';

const LINK = 'https://m.me/OriginalCoastClothing?ref=flyer';

describe('qrSvg and qrPng: every option that reaches the markup is checked or escaped', () => {
  const hostile: { options: object; code: string }[] = [
    { options: { size: '1" onload="alert(1)' }, code: 'size-invalid' },
    { options: { size: 12.5 }, code: 'size-invalid' },
    { options: { color: 'red" onload="alert(1)' }, code: 'color-invalid' },
    { options: { background: 'url(javascript:alert(1))' }, code: 'color-invalid' },
    { options: { margin: '4" x="' }, code: 'margin-invalid' },
  ];
  for (const { options, code } of hostile) {
    it(`refuses ${JSON.stringify(options)} with ${code}`, () => {
      assert.throws(() => qrSvg(LINK, options as never), (error: QrError) => error instanceof QrError && error.code === code);
    });
  }

  it('writes the title as text, and a code of a link without a scheme as https://', () => {
    const svg = qrSvg('m.me/OriginalCoastClothing?ref=flyer', { title: '</title><script>alert(1)</script>', size: 256 });
    assert.doesNotMatch(svg, /<script>/);
    assert.match(svg, /<title>&lt;\/title&gt;&lt;script&gt;/);
    const file = join(mkdtempSync(join(tmpdir(), 'mme-qr-')), 'code.svg');
    writeFileSync(file, svg);
    assert.equal(jsqrDecode(renderSvg(file)), LINK);
  });

  it('refuses a link that is not an m.me link with a LinkError', async () => {
    assert.throws(() => qrSvg('javascript:alert(1)//m.me/x'), LinkError);
    await assert.rejects(qrPng('https://evil.example/'), LinkError);
  });
});
