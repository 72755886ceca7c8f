import { create } from 'qrcode/lib/core/qrcode.js';
import { QrError } from './errors.js';

/** QR error-correction levels, from least (L, 7 % of the code recoverable) to most (H, 30 %). */
export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export const LEVELS: readonly ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

/** A QR symbol's modules, plus the centre area cleared for a logo. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly version: number;
  /** The level actually used: the one asked for, or lower when the data did not fit. */
  readonly errorCorrection: ErrorCorrection;
  /** Side of the cleared centre square, in modules; 0 without a logo. */
  readonly logoSize: number;
  /** Whether the module at column x, row y is dark (false inside the logo area). */
  dark(x: number, y: number): boolean;
}

export interface MatrixOptions {
  /** The highest level to use; steps down when the data does not fit. @default 'M' */
  readonly errorCorrection?: ErrorCorrection;
  /** Clear the centre for the Messenger icon, raising the level to H when the data fits. @default false */
  readonly logo?: boolean;
}

/**
 * Share of the symbol's side a logo may cover at each level: small enough that what it hides
 * stays well inside what the level can repair. At L there is no room for one.
 */
const LOGO_SHARE: Record<ErrorCorrection, number> = { L: 0, M: 0.16, Q: 0.2, H: 0.24 };

/**
 * Encodes `text` (UTF-8, qrcode's optimal segments) at the highest level that fits.
 * @throws {QrError} `qr-too-long` when it fits at no level, `qr-error-correction-invalid`.
 */
export function qrMatrix(text: string, options: MatrixOptions = {}): QrMatrix {
  const wanted = options.errorCorrection ?? 'M';
  if (!LEVELS.includes(wanted)) {
    throw new QrError('qr-error-correction-invalid', 'error-correction', `error-correction "${wanted}" must be L, M, Q or H`);
  }
  const downFrom = LEVELS.slice(0, LEVELS.indexOf(wanted) + 1).reverse();
  for (const level of options.logo ? ['H' as const, ...downFrom] : downFrom) {
    let symbol;
    try {
      symbol = create(text, { errorCorrectionLevel: level });
    } catch (error) {
      if (/too big/i.test(String((error as Error).message))) continue;
      throw error;
    }
    const { size, data } = symbol.modules;
    // An odd-sized square centred on the symbol, so it sits on whole modules.
    let logoSize = options.logo ? Math.floor(size * LOGO_SHARE[level]) : 0;
    if (logoSize && logoSize % 2 === 0) logoSize--;
    const low = (size - logoSize) / 2;
    const inLogo = (x: number, y: number) => logoSize > 0 && x >= low && x < low + logoSize && y >= low && y < low + logoSize;
    return {
      size,
      version: symbol.version,
      errorCorrection: level,
      logoSize,
      dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && data[y * size + x] === 1 && !inLogo(x, y),
    };
  }
  const bytes = new TextEncoder().encode(text).length;
  throw new QrError('qr-too-long', 'value', `the link is ${bytes} bytes, more than a QR code can hold (at most 2,953 bytes, at error correction L)`);
}
