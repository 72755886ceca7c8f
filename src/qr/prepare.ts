import type { Problem } from '../link/index.js';
import { parseLink } from '../link/index.js';
import { contrast, luminance, parseColor, type Rgb } from './color.js';
import { QrError, type QrProblemCode } from './errors.js';
import { type ErrorCorrection, type QrMatrix, qrMatrix } from './matrix.js';

/** Options shared by every QR output. */
export interface QrOptions {
  /** The highest error-correction level; steps down when the link does not fit. @default 'M' */
  readonly errorCorrection?: ErrorCorrection;
  /** Quiet zone around the code, in modules; below 4 (the QR spec's minimum) warns. @default 4 */
  readonly margin?: number;
  /** The Messenger icon in the centre; raises error correction to H when the link fits. @default false */
  readonly logo?: boolean;
  /** Module colour. @default '#000000' */
  readonly color?: string;
  /** Background colour; always opaque. @default '#ffffff' */
  readonly background?: string;
}

/** Everything needed to draw one code, and what to warn about. */
export interface PreparedQr {
  readonly matrix: QrMatrix;
  readonly margin: number;
  readonly color: Rgb;
  readonly background: Rgb;
  readonly warnings: Problem<QrProblemCode>[];
}

const warning = (code: QrProblemCode, field: string, message: string): Problem<QrProblemCode> => ({ code, field, severity: 'warning', message });

/** Checks a whole number in a range, or throws the option's `FIELD-invalid` error. */
export function wholeNumber(value: unknown, field: string, code: QrProblemCode, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new QrError(code, field, `${field} ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Warnings about colours that phones may fail to scan. */
export function colorWarnings(color: Rgb, background: Rgb): Problem<QrProblemCode>[] {
  const ratio = contrast(color, background);
  if (ratio < 3) return [warning('qr-low-contrast', 'color', `the code's colours have a contrast of ${ratio.toFixed(2)}:1; phones need at least 3:1 to scan it reliably`)];
  if (luminance(color) > luminance(background)) return [warning('qr-low-contrast', 'color', 'light modules on a dark background: many phone cameras cannot scan inverted codes')];
  return [];
}

/**
 * The link a phone camera opens: one written without a scheme (`m.me/…`, `//m.me/…`) gets
 * `https://`, since a camera reads a code without one as plain text. @example withScheme('m.me/x') // 'https://m.me/x'
 */
export const withScheme = (link: string): string => {
  const text = link.trim();
  return /^https?:\/\//i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`;
};

/**
 * Validates a link and QR options and encodes it (with a scheme: `withScheme`), for any output.
 * @throws {LinkError} when `link` is not a valid m.me link. @throws {QrError} for bad options.
 */
export function prepareQr(link: string, options: QrOptions = {}): PreparedQr {
  parseLink(link);
  return encodeQr(withScheme(link), options);
}

/**
 * Encodes a link the caller has already checked (an element's resolved link), with the QR
 * options validated. @throws {QrError} for bad options or a link no QR code can hold.
 */
export function encodeQr(link: string, options: QrOptions = {}): PreparedQr {
  const margin = wholeNumber(options.margin ?? 4, 'margin', 'margin-invalid', 0, 64);
  const color = parseColor(options.color ?? '#000000', 'color');
  const background = parseColor(options.background ?? '#ffffff', 'background');
  const matrix = qrMatrix(link, { errorCorrection: options.errorCorrection, logo: options.logo });
  const warnings = colorWarnings(color, background);
  if (margin < 4) warnings.push(warning('qr-margin-small', 'margin', `margin ${margin} is below the 4 modules of quiet zone the QR standard asks for; some phones will not scan it`));
  if (options.logo && !matrix.logoSize) warnings.push(warning('qr-logo-dropped', 'logo', 'the link is too long to leave room for a logo, so the code has none'));
  return { matrix, margin, color, background, warnings };
}
