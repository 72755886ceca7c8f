import { create } from 'qrcode/lib/core/qrcode.js';
import { QrError } from './errors.js';

/** QR error-correction levels, from least (L, 7 % of the code recoverable) to most (H, 30 %). */
export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export const LEVELS: readonly ErrorCorrection[] = ['L', 'M', 'Q', 'H'];

/**
 * Bytes a version-40 symbol holds in byte mode at each level: the capacity table of qrcode's
 * README ("QR Code capacity") and of ISO/IEC 18004 table 7. The kit decides "does not fit" from
 * this table before calling the encoder, so it never reads meaning into an encoder's error.
 */
export const BYTE_CAPACITY: Readonly<Record<ErrorCorrection, number>> = { L: 2953, M: 2331, Q: 1663, H: 1273 };

/** A QR symbol's modules, plus the centre area cleared for a logo. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly version: number;
  /** The level actually used: the one asked for, or lower when the data did not fit. */
  readonly errorCorrection: ErrorCorrection;
  /** Side of the cleared centre square, in modules; 0 without a logo. */
  readonly logoSize: number;
  /** The logo to draw there: Instagram's for an ig.me link, else Messenger's. */
  readonly logo: 'messenger' | 'instagram';
  /** Whether the module at column x, row y is dark (false inside the logo area, but for `keptOverLogo` modules). */
  dark(x: number, y: number): boolean;
  /**
   * Whether the module at column x, row y is in the logo's area but kept, and drawn over the
   * logo: a function pattern (the alignment pattern at the centre of version 7 and up). A decoder
   * such as zbar finds the grid by it; covered, the code does not scan at some sizes.
   */
  keptOverLogo(x: number, y: number): boolean;
}

export interface MatrixOptions {
  /** The highest level to use; steps down when the data does not fit. @default 'M' */
  readonly errorCorrection?: ErrorCorrection;
  /** Clear the centre for the Messenger (or, for an ig.me link, Instagram) icon, raising the level to H when the data fits. @default false */
  readonly logo?: boolean;
}

/**
 * Share of the symbol's side a logo may cover at each level: small enough that what it hides
 * stays well inside what the level can repair. At L there is no room for one.
 */
const LOGO_SHARE: Record<ErrorCorrection, number> = { L: 0, M: 0.16, Q: 0.2, H: 0.24 };

/**
 * Encodes `text` as UTF-8 in one byte segment (qrcode's "manual mode"), at the highest level
 * that fits: a logo asks for H first, then the level asked for and each one below it.
 * A link is mostly lower-case letters and punctuation, which only byte mode holds, so one byte
 * segment costs at most a few modules against qrcode's mixed segments, and makes the capacity
 * check exact.
 * @throws {QrError} `qr-too-long` when it fits at no level, `error-correction-invalid`.
 */
export function qrMatrix(text: string, options: MatrixOptions = {}): QrMatrix {
  const wanted = options.errorCorrection ?? 'M';
  if (!LEVELS.includes(wanted)) {
    throw new QrError('error-correction-invalid', 'error-correction', `error-correction "${wanted}" must be L, M, Q or H`);
  }
  const data = new TextEncoder().encode(text);
  const candidates = [...(options.logo && wanted !== 'H' ? ['H' as const] : []), ...LEVELS.slice(0, LEVELS.indexOf(wanted) + 1).reverse()];
  const level = candidates.find((candidate) => data.length <= BYTE_CAPACITY[candidate]);
  if (!level) {
    throw new QrError('qr-too-long', 'value', `the link is ${data.length} bytes, more than a QR code can hold (at most ${BYTE_CAPACITY.L.toLocaleString('en')} bytes, at error correction L)`);
  }
  const symbol = create([{ data, mode: 'byte' }], { errorCorrectionLevel: level });
  const { size, data: modules } = symbol.modules;
  // An odd-sized square centred on the symbol, so it sits on whole modules.
  let logoSize = options.logo ? Math.floor(size * LOGO_SHARE[level]) : 0;
  if (logoSize && logoSize % 2 === 0) logoSize--;
  const low = (size - logoSize) / 2;
  const inBox = (x: number, y: number) => logoSize > 0 && x >= low && x < low + logoSize && y >= low && y < low + logoSize;
  const reserved = (x: number, y: number) => symbol.modules.isReserved(y, x);
  const inLogo = (x: number, y: number) => inBox(x, y) && !reserved(x, y);
  return {
    size,
    version: symbol.version,
    errorCorrection: level,
    logoSize,
    logo: /^(?:https?:\/\/)?(?:www\.)?ig\.me\//i.test(text) ? 'instagram' : 'messenger',
    dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] === 1 && !inLogo(x, y),
    keptOverLogo: (x, y) => inBox(x, y) && reserved(x, y),
  };
}
