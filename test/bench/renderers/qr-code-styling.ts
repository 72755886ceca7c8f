import QRCodeStyling from 'qr-code-styling';

export async function render(link: string, size: number, host: HTMLElement, long: boolean): Promise<void> {
  const code = new QRCodeStyling({ width: size, height: size, type: 'svg', data: link, qrOptions: { errorCorrectionLevel: long ? 'M' : 'Q' } });
  code.append(host);
  await (code as unknown as { _svgDrawingPromise?: Promise<unknown> })._svgDrawingPromise;
}
