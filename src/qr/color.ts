import { QrError } from './errors.js';

export type Rgb = readonly [number, number, number];

/**
 * Reads `#rgb`, `#rrggbb` and `rgb()`/`rgba()` (what getComputedStyle returns) into 0–255
 * channels; an alpha below 1 is not supported, since QR codes and email need opaque colours.
 * @throws {QrError} `color-invalid` for anything else.
 */
export function parseColor(value: string, field = 'color'): Rgb {
  const text = String(value).trim().toLowerCase();
  const hex = parseHexColor(text);
  if (hex) return hex;
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(text);
  if (rgb && (rgb[4] === undefined || parseFloat(rgb[4]) >= (rgb[4].endsWith('%') ? 100 : 1))) {
    return [rgb[1], rgb[2], rgb[3]].map((c) => Math.min(255, Math.round(Number(c)))) as unknown as Rgb;
  }
  throw new QrError('color-invalid', field, `${field} ${JSON.stringify(value)} must be an opaque colour such as #0866ff`);
}

/** Reads `#rgb` or `#rrggbb` (any case) into 0–255 channels; anything else gives null. */
export function parseHexColor(value: string): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value).trim())?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

export const toHex = (rgb: Rgb): string => '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
