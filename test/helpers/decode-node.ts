import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Decodes the QR code in a PNG file or bytes with jsqr; null when it finds none. */
export function jsqrDecode(png: string | Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(typeof png === 'string' ? readFileSync(png) : png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** zbarimg from Debian's zbar-tools, when npm test found or installed it. */
export const zbarimg = process.env.MME_ZBARIMG || '';

/** Decodes a PNG file with zbarimg; null when it finds no code. */
export function zbarDecode(file: string): string | null {
  try {
    return execFileSync(zbarimg, ['-q', '--raw', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().replace(/\n$/, '');
  } catch {
    return null;
  }
}

/** Renders an SVG file in headless Chromium, at its own size, to a PNG file; returns its path. */
export function renderSvg(svgFile: string): string {
  const svg = readFileSync(svgFile, 'utf8');
  const width = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 400);
  const dir = mkdtempSync(join(tmpdir(), 'mme-svg-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, `<!doctype html><style>body{margin:0;background:#fff}</style><img src="file://${svgFile}" width="${width}" height="${width}">`);
  const out = join(dir, 'shot.png');
  execFileSync(chromiumPath, [
    '--headless', ...chromiumArgs,
    '--allow-file-access-from-files', `--window-size=${width + 40},${width + 40}`, `--screenshot=${out}`, `file://${page}`,
  ], { stdio: 'ignore', timeout: 60_000 });
  return out;
}
