import { defaultLabel } from '../labels/index.js';
import { type LinkOptions, linkKind, messengerLink } from '../link/index.js';
import { type Rgb, contrast, escapeMarkup, parseHexColor, toHex } from '../qr/index.js';
import { EmailError } from './errors.js';
import { type EmailSnippet, FONT, LAYOUT_TABLE, type Locale, locale, style, textOption, wrap } from './html.js';

export type EmailButtonOptions = LinkOptions &
  Locale & {
    /** Button text. @default 'Message us on Messenger' ('Get updates on Messenger' for opt-in links, 'Message us on Instagram' with `username`) */
    readonly label?: string;
    /** Button colour, `#rgb` or `#rrggbb`. @default '#0866FF' ('#C13584' with `username`) */
    readonly color?: string;
    /** Label colour; must reach 4.5:1 against `color`. @default '#FFFFFF' */
    readonly textColor?: string;
    /** `vml`: a rounded, fully clickable VML button for classic Outlook on Windows. @default none (hybrid) */
    readonly outlook?: 'vml';
  };

const PADDING_Y = 14;
const PADDING_X = 28;
const LINE = 20;

/** Reads a `#rgb` or `#rrggbb` option. @throws {EmailError} `color-invalid` for anything else. */
function hexColor(value: string, field: string): Rgb {
  const rgb = parseHexColor(value);
  if (!rgb) throw new EmailError('color-invalid', field, `${field} "${value}" must be a hex colour such as #0866FF`);
  return rgb;
}

/**
 * A bulletproof "Message us on Messenger" (or Instagram, with `username`) button for email: a role="presentation" table whose
 * cell carries the colour and padding (so classic Outlook draws the button) around one padded
 * inline-block link, every style inline, 48 px tall.
 * @throws {LinkError} for invalid link options. @throws {EmailError} for bad colours, contrast below 4.5:1, lang or dir.
 * @example emailButton({ page: 'OriginalCoastClothing', ref: 'newsletter' }).html
 */
export function emailButton(options: EmailButtonOptions): EmailSnippet {
  const href = messengerLink(options);
  const kind = linkKind(options);
  const attributes = locale(options);
  // Instagram's magenta, flat: email clients (Outlook above all) draw no gradients.
  const backgroundRgb = hexColor(options.color ?? (kind === 'instagram' ? '#C13584' : '#0866FF'), 'color');
  const foregroundRgb = hexColor(options.textColor ?? '#FFFFFF', 'textColor');
  const ratio = contrast(backgroundRgb, foregroundRgb);
  if (ratio < 4.5) {
    throw new EmailError('email-low-contrast', 'color', `the label's contrast with the button is ${ratio.toFixed(2)}:1; it needs 4.5:1 to be readable (white on #0866FF is 4.8:1)`);
  }
  // Written in full, upper-case hex: the form every email client reads.
  const background = toHex(backgroundRgb).toUpperCase();
  const foreground = toHex(foregroundRgb).toUpperCase();
  if (options.outlook !== undefined && options.outlook !== 'vml') throw new EmailError('outlook-invalid', 'outlook', `outlook "${options.outlook}" must be vml, or left out`);
  const label = textOption(options.label, defaultLabel(kind, 'email'), 'label');
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

