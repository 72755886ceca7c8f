import { toHex } from './color.js';
import { type PreparedQr, type QrOptions, prepareQr, wholeNumber } from './prepare.js';
import { svgDocument } from './svg.js';

export interface QrPngOptions extends QrOptions {
  /** Pixels per module, a whole number from 1 to 100. @default 8 */
  readonly scale?: number;
}

export interface QrSvgOptions extends QrOptions {
  /** Width and height in pixels, a whole number from 16 to 4096; none lets the SVG scale to its container. */
  readonly size?: number;
  /** Accessible name, written as the SVG's <title>. */
  readonly title?: string;
}

/**
 * A QR code of an m.me link as a standalone SVG document.
 * @throws {LinkError} for a link that is not an m.me link. @throws {QrError} for bad options.
 * @example qrSvg('https://m.me/OriginalCoastClothing?ref=flyer', { size: 256 })
 */
export function qrSvg(link: string, options: QrSvgOptions = {}): string {
  const { matrix, margin, color, background } = prepareQr(link, options);
  // Every option that reaches the markup is a checked number or a parsed colour, never raw text.
  const size = options.size == null ? undefined : wholeNumber(options.size, 'size', 'size-invalid', 16, 4096);
  const title = options.title == null ? undefined : String(options.title);
  return svgDocument(matrix, { margin, color: toHex(color), background: toHex(background), size, title });
}

/**
 * A QR code of an m.me link as PNG bytes: opaque, whole pixels per module, quiet zone inside.
 * @throws {LinkError} for a link that is not an m.me link. @throws {QrError} for bad options.
 * @example await qrPng('https://m.me/OriginalCoastClothing', { scale: 8 }) // Uint8Array
 */
export async function qrPng(link: string, options: QrPngOptions = {}): Promise<Uint8Array> {
  const prepared = prepareQr(link, options);
  return pngBytes(prepared, wholeNumber(options.scale ?? 8, 'scale', 'scale-invalid', 1, 100));
}

/**
 * PNG bytes of a prepared code at `scale` pixels per module, in its colours. `deflate` replaces
 * the platform's CompressionStream (the CLI passes Node's zlib, with less overhead per file).
 */
export async function pngBytes(prepared: PreparedQr, scale: number, deflate?: (data: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  // Loaded here, not at the top, so that a page drawing SVG only never downloads the PNG encoder.
  const { encodePng } = await import('./png.js');
  return encodePng(prepared.matrix, { ...prepared, scale, deflate });
}
