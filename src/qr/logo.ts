/**
 * The Messenger icon, drawn from simple shapes on a 24-unit square so the same geometry can be
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
