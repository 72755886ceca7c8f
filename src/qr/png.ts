import { type Rgb, parseColor } from './color.js';
import { BOLT, BUBBLE, type Circle, GLYPH_CIRCLES, GLYPH_SQUARES, ICON_BLUE, ICON_VIEWBOX, INSTAGRAM_PINK, type Point, type Square, TAIL, TILE } from './logo.js';
import type { QrMatrix } from './matrix.js';
import { logoBox } from './svg.js';

function inPolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a rounded square. */
const inSquare = ([px, py]: Point, { x, y, side, r }: Square): boolean => {
  const dx = Math.max(x + r - px, 0, px - (x + side - r));
  const dy = Math.max(y + r - py, 0, py - (y + side - r));
  return px >= x && py >= y && px <= x + side && py <= y + side && dx * dx + dy * dy <= r * r;
};
/** Whether a point lies in a circle. */
const inCircle = ([px, py]: Point, { cx, cy, r }: Circle): boolean => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;

/** What the Messenger icon shows at a point of its 24-unit box: white (the bolt), its colour (the bubble), or null (background). */
function messengerAt(point: Point): 'white' | 'colour' | null {
  if (inPolygon(point, BOLT)) return 'white';
  return inCircle(point, BUBBLE) || inPolygon(point, TAIL) ? 'colour' : null;
}

/** What the Instagram icon shows at a point: white where an odd number of the glyph's shapes overlap, else the tile's colour. */
function instagramAt(point: Point): 'white' | 'colour' | null {
  if (!inSquare(point, TILE)) return null;
  const depth = GLYPH_SQUARES.filter((square) => inSquare(point, square)).length + GLYPH_CIRCLES.filter((circle) => inCircle(point, circle)).length;
  return depth % 2 ? 'white' : 'colour';
}

export interface PngOptions {
  /** Pixels per module, a whole number. */
  readonly scale: number;
  /** Quiet zone in modules. */
  readonly margin: number;
  readonly color: Rgb;
  readonly background: Rgb;
  /** zlib-deflates the image data. @default the platform's CompressionStream */
  readonly deflate?: (data: Uint8Array) => Promise<Uint8Array>;
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib-deflates with the platform's CompressionStream (browsers, Node ≥ 18, Deno, Workers). */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The logo's pixels (palette indexes) for one geometry, drawn once: every code of a batch with the
 * same version, scale and margin shares it, so the shapes are not tested again at each pixel.
 */
interface LogoRaster {
  /** The pixel columns and rows the logo's box covers: [x0, x1) × [y0, y1). */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** 1 + the palette index of each pixel of the box, row by row; 0 outside the box's shape. */
  readonly pixels: Uint8Array;
}
const logoRasters = new Map<string, LogoRaster>();
function logoRaster(kind: 'instagram' | 'messenger', box: { x: number; y: number; side: number }, scale: number): LogoRaster {
  const key = `${kind} ${box.x} ${box.y} ${box.side} ${scale}`;
  let raster = logoRasters.get(key);
  if (raster) return raster;
  const iconAt = kind === 'instagram' ? instagramAt : messengerAt;
  const [x0, x1, y0, y1] = [Math.floor(box.x * scale), Math.ceil((box.x + box.side) * scale), Math.floor(box.y * scale), Math.ceil((box.y + box.side) * scale)];
  const pixels = new Uint8Array((x1 - x0) * (y1 - y0));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      // Each pixel sampled at its centre, in module units.
      const mx = (px + 0.5) / scale;
      const my = (py + 0.5) / scale;
      if (mx < box.x || my < box.y || mx >= box.x + box.side || my >= box.y + box.side) continue;
      const shape = iconAt([((mx - box.x) / box.side) * ICON_VIEWBOX, ((my - box.y) / box.side) * ICON_VIEWBOX]);
      pixels[(py - y0) * (x1 - x0) + (px - x0)] = 1 + (shape === 'white' ? 3 : shape === 'colour' ? 2 : 0);
    }
  }
  raster = { x0, x1, y0, y1, pixels };
  // A few geometries at a time: a batch uses one or two.
  if (logoRasters.size >= 8) logoRasters.delete(logoRasters.keys().next().value!);
  logoRasters.set(key, raster);
  return raster;
}

/**
 * An opaque, palette PNG of the code: whole pixels per module, the quiet zone inside the image,
 * and the logo (when the matrix has one) drawn from the same shapes as the SVG.
 */
export async function encodePng(matrix: QrMatrix, options: PngOptions): Promise<Uint8Array> {
  const { scale, margin } = options;
  const side = (matrix.size + 2 * margin) * scale;
  const box = logoBox(matrix, margin);
  const instagram = matrix.logo === 'instagram';
  const logo = box ? logoRaster(instagram ? 'instagram' : 'messenger', box, scale) : undefined;
  const rows = new Uint8Array(side * (side + 1));
  const crossesLogo = (py: number) => !!box && (py + 0.5) / scale >= box.y && (py + 0.5) / scale < box.y + box.side;
  for (let py = 0; py < side; py++) {
    const row = py * (side + 1); // each row starts with filter type 0 (none)
    // Inside one module row, pixel rows repeat the one above, unless the logo is drawn there.
    if (py % scale && !crossesLogo(py) && !crossesLogo(py - 1)) {
      rows.copyWithin(row, row - side - 1, row);
      continue;
    }
    // A module is `scale` pixels wide: its pixels are one run, then the logo's pixels go over it.
    const my = Math.floor((py + 0.5) / scale) - margin;
    for (let mx = -margin; mx < matrix.size + margin; mx++) {
      const start = row + 1 + (mx + margin) * scale;
      rows.fill(matrix.dark(mx, my) ? 1 : 0, start, start + scale);
    }
    if (logo && py >= logo.y0 && py < logo.y1) {
      const width = logo.x1 - logo.x0;
      for (let px = logo.x0; px < logo.x1; px++) {
        const drawn = logo.pixels[(py - logo.y0) * width + (px - logo.x0)];
        // A function pattern in the logo's area is drawn over it (see keptOverLogo).
        if (drawn && !matrix.keptOverLogo(Math.floor((px + 0.5) / scale) - margin, my)) rows[row + 1 + px] = drawn - 1;
      }
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit palette indexes, no interlace
  const palette = [options.background, options.color, parseColor(instagram ? INSTAGRAM_PINK : ICON_BLUE), [255, 255, 255] as const].flat();
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', new Uint8Array(palette)),
    chunk('IDAT', await (options.deflate ?? deflate)(rows)),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
