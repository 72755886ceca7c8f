export { emailButton, type EmailButtonOptions } from './button.js';
export { EmailError, type EmailErrorCode } from './errors.js';
export type { EmailSnippet, Locale } from './html.js';
export { emailQr, type EmailQrOptions } from './qr-image.js';
export { QrError, type QrProblemCode, qrPng, qrSvg, type QrOptions, type QrPngOptions, type QrSvgOptions } from '../qr/index.js';
