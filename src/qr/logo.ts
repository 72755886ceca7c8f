/**
 * The Messenger icon, drawn from simple shapes on a 24-unit square so the same geometry can be
 * written as SVG and rasterised into PNG pixels without a canvas: a speech bubble (a circle and
 * a tail) in Messenger blue, and a white lightning bolt.
 */
type Point = readonly [number, number];

export const ICON_BLUE = '#0866FF';
export const ICON_VIEWBOX = 24;
const BUBBLE = { cx: 12, cy: 11.6, r: 10.4 };
const TAIL: readonly Point[] = [[4.6, 17], [4.2, 22.6], [10, 20.6]];
const BOLT: readonly Point[] = [[5.6, 14.6], [10.6, 8.9], [13.3, 11.5], [18.4, 8.6], [13.4, 14.3], [10.8, 11.7]];

const pathOf = (points: readonly Point[]) => `M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`;

/** SVG path data of the bubble (circle and tail) and of the bolt, in the 24-unit box. */
export const ICON_PATHS = {
  bubble: `M${BUBBLE.cx - BUBBLE.r} ${BUBBLE.cy}a${BUBBLE.r} ${BUBBLE.r} 0 1 0 ${2 * BUBBLE.r} 0a${BUBBLE.r} ${BUBBLE.r} 0 1 0 ${-2 * BUBBLE.r} 0Z${pathOf(TAIL)}`,
  bolt: pathOf(BOLT),
};

function inPolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** What the icon shows at a point of its 24-unit box: 'bolt', 'bubble', or null (background). */
export function iconAt(point: Point): 'bolt' | 'bubble' | null {
  if (inPolygon(point, BOLT)) return 'bolt';
  const [x, y] = point;
  const inCircle = (x - BUBBLE.cx) ** 2 + (y - BUBBLE.cy) ** 2 <= BUBBLE.r ** 2;
  return inCircle || inPolygon(point, TAIL) ? 'bubble' : null;
}
