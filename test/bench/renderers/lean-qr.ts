import { generate } from 'lean-qr';
import { toSvg } from 'lean-qr/extras/svg';

export async function render(link: string, size: number, host: HTMLElement): Promise<void> {
  const svg = toSvg(generate(link), document, { width: size, height: size });
  host.append(svg as unknown as Node);
}
