import { type LinkOptions, messengerLink, parseLink } from '../link/index.js';
import { escapeMarkup } from '../qr/index.js';
import { EmailError } from './errors.js';
import { type EmailSnippet, FONT, LAYOUT_TABLE, type Locale, locale, style, textOption, wrap } from './html.js';

export type EmailQrOptions = LinkOptions &
  Locale & {
    /** Where the QR PNG is hosted: an absolute https URL, or `cid:…` for an attached image. Required. */
    readonly imageUrl: string;
    /** Alt text and the plain-text label. @default 'QR code: scan to message PAGE on Messenger' (or 'USERNAME on Instagram') */
    readonly label?: string;
    /** Displayed width and height in pixels; serve a PNG twice as large. @default 164 */
    readonly size?: number;
  };

/**
 * A linked QR image for email, pointing at a PNG you host (or attach as `cid:`): never a data:
 * URI or SVG, which Gmail and Outlook drop. Make the PNG with `qrPng` or `mme qr`.
 * @throws {LinkError} for invalid link options. @throws {EmailError} `image-url-invalid`, `size-invalid`, `label-invalid`, `lang-invalid`, `dir-invalid`.
 */
export function emailQr(options: EmailQrOptions): EmailSnippet {
  const href = messengerLink(options);
  const attributes = locale(options);
  const imageUrl = String(options.imageUrl ?? '').trim();
  let valid = /^cid:[^\s"'<>]+$/i.test(imageUrl);
  if (!valid) {
    try {
      const url = new URL(imageUrl);
      valid = url.protocol === 'https:' && !/\.svg$/i.test(url.pathname) && url.href === imageUrl;
    } catch {}
  }
  if (!valid) {
    throw new EmailError('image-url-invalid', 'imageUrl', `imageUrl "${imageUrl}" must be an absolute https:// URL of a PNG you host (or cid:NAME for an attachment); email clients drop data: URIs, SVG and relative paths`);
  }
  const size = options.size ?? 164;
  if (!Number.isInteger(size) || size < 64 || size > 600) throw new EmailError('size-invalid', 'size', `size ${size} must be a whole number of pixels from 64 to 600`);
  const parsed = parseLink(href);
  const label = textOption(options.label, parsed.kind === 'instagram' ? `QR code: scan to message ${parsed.username} on Instagram` : `QR code: scan to message ${parsed.page} on Messenger`, 'label');
  const imageStyle = style({
    display: 'block',
    border: 0,
    'text-decoration': 'none',
    width: `${size}px`,
    'font-family': FONT,
    'font-size': '14px',
    'line-height': '20px',
    color: '#1C1E21',
  });
  const html =
    `<table ${LAYOUT_TABLE} ${attributes} style="border-collapse:collapse;">` +
    `<tr><td align="center" style="padding:0;"><a href="${escapeMarkup(href)}" target="_blank" style="text-decoration:none;">` +
    `<img src="${escapeMarkup(imageUrl)}" width="${size}" height="${size}" alt="${escapeMarkup(label)}" style="${imageStyle}"></a></td></tr></table>`;
  return { html, text: `${wrap(label)}\n${href}\n`, href };
}
