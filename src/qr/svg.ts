import { ICON_BLUE, ICON_PATHS, ICON_VIEWBOX, INSTAGRAM_PATHS, INSTAGRAM_PINK } from './logo.js';
import { escapeMarkup } from './markup.js';
import type { QrMatrix } from './matrix.js';

/** Path data of every dark module, as one run-length path: one subpath per horizontal run. */
export function modulesPath(matrix: QrMatrix, margin: number): string {
  let d = '';
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (!matrix.dark(x, y)) continue;
      const start = x;
      while (matrix.dark(x + 1, y)) x++;
      d += `M${start + margin} ${y + margin}h${x - start + 1}v1h${start - x - 1}z`;
    }
  }
  return d;
}

/**
 * The modules drawn over the logo (its function patterns, see `keptOverLogo`), as two paths in
 * the SVG's module units: the dark ones, and the light ones, which cover the logo with the
 * background. Empty where the logo covers none.
 */
export function overLogoPaths(matrix: QrMatrix, margin: number): { dark: string; light: string } {
  let dark = '';
  let light = '';
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (!matrix.keptOverLogo(x, y)) continue;
      const square = `M${x + margin} ${y + margin}h1v1h-1z`;
      if (matrix.dark(x, y)) dark += square;
      else light += square;
    }
  }
  return { dark, light };
}

/** Where the logo goes: its box in the SVG's module units, with half a module of padding. */
export function logoBox(matrix: QrMatrix, margin: number): { x: number; y: number; side: number } | null {
  if (!matrix.logoSize) return null;
  const side = matrix.logoSize - 1;
  const start = margin + (matrix.size - matrix.logoSize) / 2 + 0.5;
  return { x: start, y: start, side };
}

/** The logo's shapes as SVG markup, in the icon's 24-unit box: Messenger's, or Instagram's for an ig.me link. */
export const logoMarkup = (matrix: QrMatrix): string =>
  matrix.logo === 'instagram'
    ? `<path d="${INSTAGRAM_PATHS.tile}" fill="${INSTAGRAM_PINK}"/><path d="${INSTAGRAM_PATHS.glyph}" fill="#fff" fill-rule="evenodd"/>`
    : `<path d="${ICON_PATHS.bubble}" fill="${ICON_BLUE}"/><path d="${ICON_PATHS.bolt}" fill="#fff"/>`;

/** The transform that maps the icon's 24-unit box onto the logo box. */
export const logoTransform = (box: { x: number; y: number; side: number }) =>
  `translate(${box.x} ${box.y}) scale(${box.side / ICON_VIEWBOX})`;

export interface SvgOptions {
  /** Quiet zone in modules. */
  readonly margin: number;
  /** Module colour. */
  readonly color: string;
  /** Background colour. */
  readonly background: string;
  /** Width and height attributes in pixels; none makes it scale to its container. */
  readonly size?: number;
  /** Accessible name, written as <title>. */
  readonly title?: string;
}

/** The modules kept over the logo, as markup in concrete colours. */
function overLogo(matrix: QrMatrix, margin: number, color: string, background: string): string {
  const { dark, light } = overLogoPaths(matrix, margin);
  return (light ? `<path d="${light}" fill="${escapeMarkup(background)}"/>` : '') + (dark ? `<path d="${dark}" fill="${escapeMarkup(color)}"/>` : '');
}

/** A standalone SVG document of the code, with concrete colours. */
export function svgDocument(matrix: QrMatrix, options: SvgOptions): string {
  const { margin, color, background, size, title } = options;
  const side = matrix.size + 2 * margin;
  const box = logoBox(matrix, margin);
  const dimensions = size ? ` width="${size}" height="${size}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"${dimensions} shape-rendering="crispEdges"${title ? ' role="img"' : ''}>` +
    (title ? `<title>${escapeMarkup(title)}</title>` : '') +
    `<rect width="${side}" height="${side}" fill="${escapeMarkup(background)}"/>` +
    `<path d="${modulesPath(matrix, margin)}" fill="${escapeMarkup(color)}"/>` +
    (box ? `<g transform="${logoTransform(box)}" shape-rendering="geometricPrecision">${logoMarkup(matrix)}</g>${overLogo(matrix, margin, color, background)}` : '') +
    '</svg>'
  );
}
