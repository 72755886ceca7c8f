// The element class is used, not only imported: package.json's sideEffects names the published
// files, so a bundler drops a bare import of a source file.
import { MmeQrCode } from '../../../src/components/qr-code/qr-code.js';

export async function render(link: string, size: number, host: HTMLElement): Promise<void> {
  const element = new MmeQrCode();
  element.setAttribute('value', link);
  element.setAttribute('size', String(size));
  host.append(element);
  await element.updateComplete;
}
