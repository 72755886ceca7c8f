import { html } from 'lit';
import { MmeGreetingDismissEvent, MmeGreetingShowEvent } from '../internal/greeting-events.js';
import type { ResolvedLink } from '../internal/link-element.js';
import type { MmeChatButton } from './chat-button.js';

export { overlayStyles } from './overlays.styles.js';

/**
 * The parts of `<mme-chat-button>` that most page views never show, what they draw and how they
 * behave: the greeting bubble and the QR hand-off popover. The button loads this module the first
 * time it shows either one, so a page with a plain floating button never downloads it.
 */

/** Each button's listeners on the document while a greeting or popover shows; aborted to remove them. */
const listening = new WeakMap<MmeChatButton, AbortController>();

/** Listens on the document for Escape, and for clicks outside the button while its popover is open. */
function listen(host: MmeChatButton): void {
  if (listening.has(host)) return;
  const controller = new AbortController();
  listening.set(host, controller);
  const { signal } = controller;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (host.popoverOpen) closePopover(host);
    else dismissGreeting(host);
  }, { signal });
  document.addEventListener('click', (event) => {
    if (host.popoverOpen && !event.composedPath().includes(host)) closePopover(host, false);
  }, { signal });
}

/** Removes the button's document listeners (when it leaves the page, or nothing shows any more). */
export function release(host: MmeChatButton): void {
  listening.get(host)?.abort();
  listening.delete(host);
}

/**
 * Where a dismissal is remembered with `remember-dismiss`: per Page, for the browser session,
 * under the Page's bare name (its link's), so that a page that names it by its URL shares the
 * dismissal.
 */
const storageKey = (host: MmeChatButton) => `mme-greeting-dismissed:${host.link?.page}`;

/** Shows the greeting, unless it was dismissed (now or, with `remember-dismiss`, earlier in the session). */
export function showGreeting(host: MmeChatButton): void {
  try {
    if (host.rememberDismiss && sessionStorage.getItem(storageKey(host))) host.dismissed = true;
  } catch {}
  if (host.invalid || host.dismissed || !host.isConnected || host.greetingShown) return;
  host.greetingShown = true;
  listen(host);
  host.dispatchEvent(new MmeGreetingShowEvent());
}

/** Hides the greeting for this page view (and the browser session with `remember-dismiss`). */
export function dismissGreeting(host: MmeChatButton): void {
  if (!host.greetingShown) return;
  host.greetingShown = false;
  host.dismissed = true;
  try {
    if (host.rememberDismiss) sessionStorage.setItem(storageKey(host), '1');
  } catch {}
  if (!host.popoverOpen) release(host);
  host.dispatchEvent(new MmeGreetingDismissEvent());
}

/** Opens the QR hand-off popover and moves focus into it; the QR code's code loads now. */
export async function openPopover(host: MmeChatButton): Promise<void> {
  dismissGreeting(host);
  host.popoverOpen = true;
  // Added after this click has finished bubbling, so that it does not close the popover at once;
  // not at all if it was closed meanwhile.
  setTimeout(() => host.popoverOpen && listen(host));
  if (!host.qrReady) {
    // Should the code fail to download, the popover keeps its placeholder and its link to open Messenger here.
    host.qrReady = await import('../qr-code/qr-code.js').then(() => true, () => false);
  }
  await host.updateComplete;
  if (host.popoverOpen) host.renderRoot.querySelector<HTMLElement>('.popover')?.focus();
}

/** Closes the popover, returning focus to the button unless the person went elsewhere. */
export function closePopover(host: MmeChatButton, restoreFocus = true): void {
  if (!host.popoverOpen) return;
  host.popoverOpen = false;
  if (!host.greetingShown) release(host);
  if (restoreFocus) host.renderRoot.querySelector<HTMLElement>('.button')?.focus();
}

/** The greeting's card: its text and a close button. */
export const greetingCard = (host: MmeChatButton, text: string) =>
  html`<div class="bubble-card"><span class="greeting-text">${text}</span><button type="button" class="close" aria-label="Dismiss" @click=${() => dismissGreeting(host)}>×</button></div>`;

/**
 * The QR hand-off dialog: a code to scan with a phone, and a link to open Messenger here. It
 * closes when focus moves out of it, as a dialog that is not modal should.
 */
export const popover = (host: MmeChatButton, { href, page }: ResolvedLink) =>
  html`<div
    part="popover"
    class="popover"
    role="dialog"
    aria-labelledby="popover-title"
    tabindex="-1"
    @focusout=${(event: FocusEvent) => {
      // A press on the button itself is left to its click, which closes the popover.
      const to = event.relatedTarget as Element | null;
      if (to && !(event.currentTarget as HTMLElement).contains(to) && !to.matches(':active')) closePopover(host, false);
    }}
  >
    <div class="popover-head">
      <span id="popover-title">Scan with your phone</span
      ><button type="button" class="close" aria-label="Close" @click=${() => closePopover(host)}>×</button>
    </div>
    ${host.qrReady
      ? html`<mme-qr-code value=${href} size="180" label=${`QR code: open Messenger on your phone to message ${page}`}></mme-qr-code>`
      : html`<div class="qr-placeholder"></div>`}
    <a href=${href} target=${host.target} rel="noopener noreferrer" @click=${() => closePopover(host, false)}>Open Messenger on this computer</a>
  </div>`;
