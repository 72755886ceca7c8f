import { correction, generate, mode } from 'lean-qr';
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
 * Segment modes the encoder may mix. Leaving out Shift-JIS keeps lean-qr from building its
 * 8,000-entry kanji table on the first code; links are ASCII, so it would never be chosen.
 */
const MODES = [mode.numeric, mode.alphaNumeric, mode.ascii, mode.utf8];
/** lean-qr's error code for data that does not fit at the requested level. */
const TOO_MUCH_DATA = 4;

/**
 * Encodes `text` (optimal numeric, alphanumeric and byte segments; UTF-8 beyond ASCII) at the
 * highest level that fits.
 * @throws {QrError} `qr-too-long` when it fits at no level, `qr-error-correction-invalid`.
 */
export function qrMatrix(text: string, options: MatrixOptions = {}): QrMatrix {
  const wanted = options.errorCorrection ?? 'M';
  if (!LEVELS.includes(wanted)) {
    throw new QrError('qr-error-correction-invalid', 'error-correction', `error-correction "${wanted}" must be L, M, Q or H`);
  }
  const downFrom = LEVELS.slice(0, LEVELS.indexOf(wanted) + 1).reverse();
  // A logo asks for H first; at H already, each level is still tried once.
  for (const level of options.logo && wanted !== 'H' ? ['H' as const, ...downFrom] : downFrom) {
    let symbol;
    try {
      symbol = generate(text, { modes: MODES, minCorrectionLevel: correction[level], maxCorrectionLevel: correction[level] });
    } catch (error) {
      if ((error as { code?: number }).code === TOO_MUCH_DATA) continue;
      throw error;
    }
    const size = symbol.size;
    // An odd-sized square centred on the symbol, so it sits on whole modules.
    let logoSize = options.logo ? Math.floor(size * LOGO_SHARE[level]) : 0;
    if (logoSize && logoSize % 2 === 0) logoSize--;
    const low = (size - logoSize) / 2;
    const inLogo = (x: number, y: number) => logoSize > 0 && x >= low && x < low + logoSize && y >= low && y < low + logoSize;
    return {
      size,
      version: (size - 17) / 4,
      errorCorrection: level,
      logoSize,
      dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && symbol.get(x, y) && !inLogo(x, y),
    };
  }
  const bytes = new TextEncoder().encode(text).length;
  throw new QrError('qr-too-long', 'value', `the link is ${bytes} bytes, more than a QR code can hold (at most 2,953 bytes, at error correction L)`);
}
