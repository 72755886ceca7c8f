// Bundled once per renderer as the page's only script: renders the case named in the query and
// records when it started, how long the render call took, and the frame after it showed.
const params = new URLSearchParams(location.search);
const kase = params.get('case') ?? 'short';
const base = 'https://m.me/OriginalCoastClothing?ref=';
const timing = window as unknown as Record<string, number>;

export interface Renderer {
  render(link: string, size: number, host: HTMLElement, long: boolean): Promise<void>;
}

async function run(RENDERER: Renderer): Promise<void> {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  if (kase === 'hundred') {
    for (let i = 0; i < 100; i++) await RENDERER.render(`${base}summer_coupon_${String(i).padStart(3, '0')}`, 128, host, false);
  } else if (kase === 'long') await RENDERER.render(base + 'r'.repeat(2083), 800, host, true);
  else await RENDERER.render(`${base}summer_coupon`, 256, host, false);
  timing.__render = performance.now() - start;
  requestAnimationFrame(() => (timing.__done = performance.now()));
}
export function start(renderer: Renderer): void {
  run(renderer).catch((error) => ((window as unknown as { __error: string }).__error = String(error)));
}
