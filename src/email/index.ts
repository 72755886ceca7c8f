import { type LinkOptions, messengerLink, normalizePage } from '../link/index.js';
import { type Rgb, contrast, parseColor, toHex } from '../qr/color.js';
import { escapeMarkup } from '../qr/svg.js';
import { EmailError } from './errors.js';
import { FONT, LAYOUT_TABLE, style, wrap } from './html.js';

export { EmailError, type EmailErrorCode } from './errors.js';
export { qrPng, qrSvg, type QrOptions, type QrPngOptions, type QrSvgOptions } from '../qr/index.js';

/** What each email builder returns. */
export interface EmailSnippet {
  /** The HTML to paste into a newsletter. */
  readonly html: string;
  /** The plain-text part: the label, then the full link alone on its own line. */
  readonly text: string;
  /** The m.me link every part points to. */
  readonly href: string;
}

/** Language and direction of the snippet's text. */
interface Locale {
  /** The label's language, written as `lang` on the wrapper. @default 'en' */
  readonly lang?: string;
  /** `ltr` or `rtl`. @default 'ltr' */
  readonly dir?: 'ltr' | 'rtl';
}

export type EmailButtonOptions = LinkOptions &
  Locale & {
    /** Button text. @default 'Message us on Messenger' ('Get updates on Messenger' for opt-in links) */
    readonly label?: string;
    /** Button colour, `#rgb` or `#rrggbb`. @default '#0866FF' */
    readonly color?: string;
    /** Label colour; must reach 4.5:1 against `color`. @default '#FFFFFF' */
    readonly textColor?: string;
    /** `vml`: a rounded, fully clickable VML button for classic Outlook on Windows. @default none (hybrid) */
    readonly outlook?: 'vml';
  };

export type EmailQrOptions = LinkOptions &
  Locale & {
    /** Where the QR PNG is hosted: an absolute https URL, or `cid:…` for an attached image. Required. */
    readonly imageUrl: string;
    /** Alt text and the plain-text label. @default 'QR code: scan to message PAGE on Messenger' */
    readonly label?: string;
    /** Displayed width and height in pixels; serve a PNG twice as large. @default 164 */
    readonly size?: number;
  };

const PADDING_Y = 14;
const PADDING_X = 28;
const LINE = 20;

function locale(options: Locale): string {
  const lang = options.lang ?? 'en';
  const dir = options.dir ?? 'ltr';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw new EmailError('email-option-invalid', 'lang', `lang "${lang}" is not a language tag such as en or pt-BR`);
  if (dir !== 'ltr' && dir !== 'rtl') throw new EmailError('email-option-invalid', 'dir', `dir "${dir}" must be ltr or rtl`);
  return `lang="${lang}" dir="${dir}"`;
}

function color(value: string, field: string): Rgb {
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) throw new EmailError('email-color-invalid', field, `${field} "${value}" must be a hex colour such as #0866FF`);
  return parseColor(value);
}

const defaultLabel = (options: LinkOptions) => (options.topic != null ? 'Get updates on Messenger' : 'Message us on Messenger');

/**
 * A bulletproof "Message us on Messenger" button for email: a role="presentation" table whose
 * cell carries the colour and padding (so classic Outlook draws the button) around one padded
 * inline-block link, every style inline, 48 px tall.
 * @throws {LinkError} for invalid link options. @throws {EmailError} for bad colours, contrast below 4.5:1, lang or dir.
 * @example emailButton({ page: 'OriginalCoastClothing', ref: 'newsletter' }).html
 */
export function emailButton(options: EmailButtonOptions): EmailSnippet {
  const href = messengerLink(options);
  const attributes = locale(options);
  const backgroundRgb = color(options.color ?? '#0866FF', 'color');
  const foregroundRgb = color(options.textColor ?? '#FFFFFF', 'textColor');
  const ratio = contrast(backgroundRgb, foregroundRgb);
  if (ratio < 4.5) {
    throw new EmailError('email-low-contrast', 'color', `the label's contrast with the button is ${ratio.toFixed(2)}:1; it needs 4.5:1 to be readable (white on #0866FF is 4.8:1)`);
  }
  // Written in full, upper-case hex: the form every email client reads.
  const background = toHex(backgroundRgb).toUpperCase();
  const foreground = toHex(foregroundRgb).toUpperCase();
  if (options.outlook !== undefined && options.outlook !== 'vml') throw new EmailError('email-option-invalid', 'outlook', `outlook "${options.outlook}" must be vml, or left out`);
  const label = (options.label ?? defaultLabel(options)).trim();
  if (!label) throw new EmailError('email-option-invalid', 'label', 'label is empty: the button needs words');
  const vml = options.outlook === 'vml';
  const safeHref = escapeMarkup(href);
  const safeLabel = escapeMarkup(label);
  // VML needs a fixed box; the CSS box is given the same width so both look alike.
  const width = Math.ceil(label.length * 9.5) + 2 * PADDING_X;
  const height = LINE + 2 * PADDING_Y;
  const linkStyle = style({
    display: 'inline-block',
    'background-color': background,
    color: foreground,
    'font-family': FONT,
    'font-size': '16px',
    'font-weight': 'bold',
    'line-height': `${LINE}px`,
    'mso-line-height-rule': 'exactly',
    margin: 0,
    'text-decoration': 'none',
    'text-align': 'center',
    padding: vml ? `${PADDING_Y}px 0` : `${PADDING_Y}px ${PADDING_X}px`,
    ...(vml ? { width: `${width}px` } : {}),
    'mso-padding-alt': '0px',
    'border-radius': '6px',
    '-webkit-text-size-adjust': 'none',
  });
  const cellStyle = style({
    border: 'none',
    'border-radius': '6px',
    ...(vml ? {} : { 'mso-padding-alt': `${PADDING_Y}px ${PADDING_X}px` }),
    'background-color': background,
  });
  const anchor = `<a href="${safeHref}" target="_blank" style="${linkStyle}">${safeLabel}</a>`;
  const button = vml
    ? `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="urn:schemas-microsoft-com:office:word" href="${safeHref}" style="height:${height}px;v-text-anchor:middle;width:${width}px;" arcsize="13%" stroke="f" fillcolor="${background}"><w:anchorlock/><center style="color:${foreground};font-family:${FONT};font-size:16px;font-weight:bold;">${safeLabel}</center></v:roundrect><![endif]--><!--[if !mso]><!-->${anchor}<!--<![endif]-->`
    : anchor;
  const html =
    `<table ${LAYOUT_TABLE} ${attributes} style="border-collapse:separate;line-height:100%;">` +
    `<tr><td align="center" valign="middle" bgcolor="${background}" style="${cellStyle}">${button}</td></tr></table>`;
  return { html, text: `${wrap(label)}\n${href}\n`, href };
}

/**
 * A linked QR image for email, pointing at a PNG you host (or attach as `cid:`): never a data:
 * URI or SVG, which Gmail and Outlook drop. Make the PNG with `qrPng` or `mme qr`.
 * @throws {LinkError} for invalid link options. @throws {EmailError} `qr-image-url-invalid` and others.
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
    throw new EmailError('qr-image-url-invalid', 'imageUrl', `imageUrl "${imageUrl}" must be an absolute https:// URL of a PNG you host (or cid:NAME for an attachment); email clients drop data: URIs, SVG and relative paths`);
  }
  const size = options.size ?? 164;
  if (!Number.isInteger(size) || size < 64 || size > 600) throw new EmailError('email-option-invalid', 'size', `size ${size} must be a whole number of pixels from 64 to 600`);
  const label = (options.label ?? `QR code: scan to message ${normalizePage(options.page)} on Messenger`).trim();
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
