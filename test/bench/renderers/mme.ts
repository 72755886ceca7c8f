import '../../../src/components/qr-code/qr-code.js';

export async function render(link: string, size: number, host: HTMLElement): Promise<void> {
  const element = document.createElement('mme-qr-code');
  element.setAttribute('value', link);
  element.setAttribute('size', String(size));
  host.append(element);
  await element.updateComplete;
}
