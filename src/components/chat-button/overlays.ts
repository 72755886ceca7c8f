import { html } from '../internal/dom.js';

export { overlayStyles } from './overlays.styles.js';

/**
 * The parts of `<mme-chat-button>` that most page views never show: the greeting bubble and the
 * QR hand-off popover. The button loads this module the first time it shows either one, so a
 * page with a plain floating button never downloads it.
 */

/** The greeting's card: its text, as text, and a close button. */
export const greetingCard = (text: string, dismiss: () => void): HTMLElement =>
  html(
    'div',
    { class: 'bubble-card' },
    html('span', { class: 'greeting-text' }, text),
    html('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss', onclick: dismiss }, '×'),
  );

export interface PopoverOptions {
  readonly href: string;
  readonly page: string;
  readonly target: string;
  /** Closes the popover; `restoreFocus` false when the person is leaving for Messenger. */
  readonly close: (restoreFocus?: boolean) => void;
}

/**
 * The QR hand-off dialog: a code to scan with a phone, and a link to open Messenger here. Until
 * `<mme-qr-code>` is defined, a same-sized placeholder holds the code's place: see `showCode`.
 */
export const popover = ({ href, target, close }: PopoverOptions): HTMLElement =>
  html(
    'div',
    { part: 'popover', class: 'popover', role: 'dialog', 'aria-labelledby': 'popover-title', tabindex: '-1' },
    html(
      'div',
      { class: 'popover-head' },
      html('span', { id: 'popover-title' }, 'Scan with your phone'),
      html('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => close() }, '×'),
    ),
    html('div', { class: 'qr-placeholder' }),
    html('a', { href, target, rel: 'noopener noreferrer', onclick: () => close(false) }, 'Open Messenger on this computer'),
  );

/** Puts the QR code in the popover's placeholder, once `<mme-qr-code>` is defined. */
export function showCode(dialog: HTMLElement, { href, page }: PopoverOptions): void {
  dialog
    .querySelector('.qr-placeholder')
    ?.replaceWith(html('mme-qr-code', { value: href, size: 180, label: `QR code: open Messenger on your phone to message ${page}` }));
}
