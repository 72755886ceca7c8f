// qrcode's encoder core, imported directly: its browser entry drags in canvas and SVG renderers
// the kit does not use (about 1.5 KB gzip more).
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): {
    modules: { size: number; data: Uint8Array };
    version: number;
  };
}
