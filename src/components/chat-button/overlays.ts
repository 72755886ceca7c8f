import { html } from 'lit';

export { overlayStyles } from './overlays.styles.js';

/**
 * The parts of `<mme-chat-button>` that most page views never show: the greeting bubble and the
 * QR hand-off popover. The button loads this module the first time it shows either one, so a
 * page with a plain floating button never downloads it.
 */

/** The greeting's card: its text and a close button. */
export const greetingCard = (text: string, dismiss: () => void) =>
  html`<div class="bubble-card"><span class="greeting-text">${text}</span><button type="button" class="close" aria-label="Dismiss" @click=${dismiss}>×</button></div>`;

export interface PopoverOptions {
  readonly href: string;
  readonly page: string;
  readonly target: string;
  /** Whether `<mme-qr-code>` is defined; until then a same-sized placeholder holds its place. */
  readonly qrReady: boolean;
  /** Closes the popover; `restoreFocus` false when the person is leaving for Messenger. */
  readonly close: (restoreFocus?: boolean) => void;
}

/** The QR hand-off dialog: a code to scan with a phone, and a link to open Messenger here. */
export const popover = ({ href, page, target, qrReady, close }: PopoverOptions) =>
  html`<div part="popover" class="popover" role="dialog" aria-labelledby="popover-title" tabindex="-1">
    <div class="popover-head">
      <span id="popover-title">Scan with your phone</span
      ><button type="button" class="close" aria-label="Close" @click=${() => close()}>×</button>
    </div>
    ${qrReady
      ? html`<mme-qr-code value=${href} size="180" label=${`QR code: open Messenger on your phone to message ${page}`}></mme-qr-code>`
      : html`<div class="qr-placeholder"></div>`}
    <a href=${href} target=${target} rel="noopener noreferrer" @click=${() => close(false)}>Open Messenger on this computer</a>
  </div>`;
