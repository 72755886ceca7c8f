/**
 * The Messenger and Instagram icons, drawn from simple shapes on a 24-unit square so the same geometry can be
 * written as SVG and rasterised into PNG pixels without a canvas: a speech bubble (a circle and
 * a tail) in Messenger blue, and a white lightning bolt.
 */
export type Point = readonly [number, number];

export const ICON_BLUE = '#0866FF';
export const ICON_VIEWBOX = 24;
/** The bubble's circle, the tail under it, and the bolt, in the 24-unit box. */
export const BUBBLE = { cx: 12, cy: 11.6, r: 10.4 };
export const TAIL: readonly Point[] = [[4.6, 17], [4.2, 22.6], [10, 20.6]];
export const BOLT: readonly Point[] = [[5.6, 14.6], [10.6, 8.9], [13.3, 11.5], [18.4, 8.6], [13.4, 14.3], [10.8, 11.7]];

const pathOf = (points: readonly Point[]) => `M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`;

/** SVG path data of the bubble (circle and tail) and of the bolt, in the 24-unit box. */
export const ICON_PATHS = {
  bubble: `M${+(BUBBLE.cx - BUBBLE.r).toFixed(2)} ${BUBBLE.cy}a${BUBBLE.r} ${BUBBLE.r} 0 1 0 ${2 * BUBBLE.r} 0a${BUBBLE.r} ${BUBBLE.r} 0 1 0 ${-2 * BUBBLE.r} 0Z${pathOf(TAIL)}`,
  bolt: pathOf(BOLT),
};

/** Instagram's pink, behind its white glyph. */
export const INSTAGRAM_PINK = '#D62976';
/**
 * Instagram's glyph on the same 24-unit box, from shapes nested inside each other: a pink tile
 * (a rounded square), and inside it, white where an odd number of these shapes overlap: the
 * camera's frame (two rounded squares), its lens (two circles) and its flash (a dot).
 */
export const TILE = { x: 0, y: 0, side: 24, r: 6.5 };
export const GLYPH_SQUARES = [{ x: 3.6, y: 3.6, side: 16.8, r: 5 }, { x: 5.4, y: 5.4, side: 13.2, r: 3.4 }] as const;
export const GLYPH_CIRCLES = [{ cx: 12, cy: 12, r: 4.3 }, { cx: 12, cy: 12, r: 2.6 }, { cx: 16.1, cy: 7.9, r: 1.1 }] as const;

export type Square = { readonly x: number; readonly y: number; readonly side: number; readonly r: number };
export type Circle = { readonly cx: number; readonly cy: number; readonly r: number };

const squarePath = ({ x, y, side, r }: Square) => {
  const edge = +(side - 2 * r).toFixed(2);
  return `M${x + r} ${y}h${edge}a${r} ${r} 0 0 1 ${r} ${r}v${edge}a${r} ${r} 0 0 1 ${-r} ${r}h${-edge}a${r} ${r} 0 0 1 ${-r} ${-r}v${-edge}a${r} ${r} 0 0 1 ${r} ${-r}Z`;
};
const circlePath = ({ cx, cy, r }: Circle) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;

/** SVG path data of the tile and of the glyph (drawn with `fill-rule="evenodd"`), in the 24-unit box. */
export const INSTAGRAM_PATHS = {
  tile: squarePath(TILE),
  glyph: [...GLYPH_SQUARES.map(squarePath), ...GLYPH_CIRCLES.map(circlePath)].join(''),
};
