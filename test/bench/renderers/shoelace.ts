import '@shoelace-style/shoelace/dist/components/qr-code/qr-code.js';

export async function render(link: string, size: number, host: HTMLElement, long: boolean): Promise<void> {
  const element = document.createElement('sl-qr-code') as HTMLElement & { value: string; size: number; errorCorrection: string; updateComplete: Promise<unknown> };
  element.value = link;
  element.size = size;
  // At its default level (H) Shoelace draws nothing for a long link; M is the fair comparison.
  if (long) element.errorCorrection = 'M';
  host.append(element);
  await element.updateComplete;
}
