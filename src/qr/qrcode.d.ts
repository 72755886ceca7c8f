// qrcode's encoder core, imported directly: its browser entry also brings canvas and SVG
// renderers the kit does not use (about 1.5 KB gzip more). The types are the part of
// `QRCode.create` (documented in qrcode's README, "create") that the kit calls.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    segments: readonly { readonly data: string | Uint8Array; readonly mode: 'byte' }[],
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): {
    // isReserved(row, col) is BitMatrix's (lib/core/bit-matrix.js): true for function patterns.
    modules: { size: number; data: Uint8Array; isReserved(row: number, col: number): boolean };
    version: number;
  };
}
