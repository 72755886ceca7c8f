/**
 * Stands in for the `dijkstrajs` package in the browser builds (dist/cdn, see vite.config.ts).
 * qrcode calls it only to search for the optimal mix of segments when it is given a string; the
 * kit always hands it one byte segment (matrix.ts), so that search never runs, and its 1.2 KB
 * stays out of what a page downloads for a QR code. Should it ever be reached, it says so.
 */
export function find_path(): never {
  throw new Error('mme-kit: qrcode was given text to segment; the kit encodes one byte segment (src/qr/matrix.ts)');
}
