// Every code with a logo must scan: printed flyers cannot be taken back. Links of 20 to 300
// characters, each glyph, every whole scale from 4 to 16 pixels per module, each PNG decoded by
// zbarimg (what many phone apps are built on) and by jsqr. Covering the centre alignment pattern
// of version 7 and up with the logo made zbar miss 40 of these 390 codes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { qrPng } from '../../src/email/index.js';
import { qrMatrix } from '../../src/qr/index.js';
import { jsqrDecode, zbarDecode, zbarimg } from '../helpers/decode-node.js';

const GLYPHS = { messenger: 'https://m.me/OriginalCoastClothing?ref=', instagram: 'https://ig.me/m/originalcoastclothing?ref=' };

describe('QR codes with a logo, swept', () => {
  for (const [glyph, base] of Object.entries(GLYPHS)) {
    it(`decode with zbarimg and jsqr: ${glyph}, links of 20 to 300 characters, 4 to 16 pixels per module`, { skip: zbarimg ? false : 'zbarimg is not installed (zbar-tools)' }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mme-sweep-'));
      const failed: string[] = [];
      for (let length = 20; length <= 300; length += 20) {
        const link = base + 'r'.repeat(Math.max(1, length - base.length));
        for (let scale = 4; scale <= 16; scale++) {
          const png = await qrPng(link, { logo: true, scale });
          const file = join(dir, `${length}-${scale}.png`);
          writeFileSync(file, png);
          const [zbar, jsqr] = [zbarDecode(file), jsqrDecode(png)];
          if (zbar !== link || jsqr !== link) failed.push(`${link.length} characters at ${scale} px per module: zbarimg ${zbar === link ? 'read it' : 'did not'}, jsqr ${jsqr === link ? 'read it' : 'did not'}`);
        }
      }
      assert.deepEqual(failed, [], `${failed.length} of 195 ${glyph} codes do not scan`);
    });
  }

  it('keeps the function patterns in the logo area, and clears only the rest', () => {
    const matrix = qrMatrix(GLYPHS.messenger + 'r'.repeat(120), { logo: true });
    assert.ok(matrix.version >= 7, `version ${matrix.version} has a centre alignment pattern`);
    const centre = (matrix.size - 1) / 2;
    // The alignment pattern at the centre: dark ring, light ring, dark centre, all kept.
    assert.ok(matrix.keptOverLogo(centre, centre) && matrix.dark(centre, centre), 'its centre');
    assert.ok(matrix.keptOverLogo(centre + 1, centre) && !matrix.dark(centre + 1, centre), 'its light ring');
    assert.ok(matrix.keptOverLogo(centre + 2, centre) && matrix.dark(centre + 2, centre), 'its dark ring');
    assert.ok(!matrix.keptOverLogo(centre + 3, centre) && !matrix.dark(centre + 3, centre), 'a data module beside it is cleared for the logo');
  });
});
