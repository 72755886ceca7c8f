import { executeServerCommand } from '@web/test-runner-commands';
import jsQR from 'jsqr';

/**
 * Decodes a QR code in PNG bytes with jsqr; null when it finds none. `darkOnLight` reads only a
 * code drawn dark on light, as every phone camera can; by default inverted codes are read too.
 */
export async function decodePng(png: Blob | Uint8Array, { darkOnLight = false } = {}): Promise<string | null> {
  const blob = png instanceof Blob ? png : new Blob([png as BlobPart], { type: 'image/png' });
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return jsQR(data, width, height, { inversionAttempts: darkOnLight ? 'dontInvert' : 'attemptBoth' })?.data ?? null;
}

/** Takes a real screenshot of an element (plus a margin of page around it) as PNG bytes. */
export async function screenshot(element: Element, margin = 8): Promise<Uint8Array> {
  const box = element.getBoundingClientRect();
  const clip = {
    x: Math.max(0, box.x - margin + scrollX),
    y: Math.max(0, box.y - margin + scrollY),
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
  const base64 = (await executeServerCommand('mme-screenshot', clip)) as string;
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Screenshots an element as Chromium drew it and decodes the QR code in it. */
export async function decodeOnScreen(element: Element, options: { darkOnLight?: boolean } = {}): Promise<string | null> {
  return decodePng(await screenshot(element), options);
}
