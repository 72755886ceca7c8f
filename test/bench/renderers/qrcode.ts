import { create } from 'qrcode/lib/core/qrcode.js';

/**
 * The floor: qrcode's encoder, called exactly as mme-kit calls it (its core, one UTF-8 byte
 * segment), and one run-length SVG path, with no component around it. With the same encoder
 * under both, the gap to `<mme-qr-code>` is the element's own cost.
 */
export async function render(link: string, size: number, host: HTMLElement): Promise<void> {
  const { modules } = create([{ data: new TextEncoder().encode(link), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = n + 8;
  let d = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.data[y * n + x]) continue;
      const start = x;
      while (x + 1 < n && modules.data[y * n + x + 1]) x++;
      d += `M${start + 4} ${y + 4}h${x - start + 1}v1h${start - x - 1}z`;
    }
  }
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('shape-rendering', 'crispEdges');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', d);
  svg.append(path);
  host.append(svg);
}
