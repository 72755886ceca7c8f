import { html, nothing } from 'lit';
import { MmeGreetingDismissEvent, MmeGreetingShowEvent } from '../internal/greeting-events.js';
import { APPS, fill } from '../../labels/index.js';
import { iconOf } from '../internal/icon.js';
import type { ResolvedLink } from '../internal/link-element.js';
import type { MmeChatButton } from './chat-button.js';

export { overlayStyles } from './overlays.styles.js';

/**
 * The parts of `<mme-chat-button>` that most page views never show, what they draw and how they
 * behave: the greeting bubble, the QR hand-off popover and the launcher's menu. The button loads
 * this module the first time it shows one, so a page with a plain floating button never downloads it.
 */

/** Each button's listeners on the document while a greeting, popover or menu shows; aborted to remove them. */
const listening = new WeakMap<MmeChatButton, AbortController>();

/** Listens on the document for Escape, and for clicks outside the button while its popover or menu is open. */
function listen(host: MmeChatButton): void {
  if (listening.has(host)) return;
  const controller = new AbortController();
  listening.set(host, controller);
  const { signal } = controller;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (host.menuOpen) closeMenu(host);
    else if (host.popoverOpen) closePopover(host);
    else dismissGreeting(host);
  }, { signal });
  document.addEventListener('click', (event) => {
    if (event.composedPath().includes(host)) return;
    closeMenu(host, false);
    closePopover(host, false);
  }, { signal });
}

/** Removes the document listeners once nothing shows any more. */
const settle = (host: MmeChatButton) => host.greetingShown || host.popoverOpen || host.menuOpen || release(host);

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

/**
 * Calls `show` once the visitor has scrolled as far as `on` says (`scroll:PERCENT`), or, for
 * `exit`, when a desktop pointer leaves through the top edge toward the browser's tabs and address
 * bar (a touch screen has no such move). Aborting the returned controller stops watching.
 */
export function watchForGreeting(host: MmeChatButton, on: string, show: () => void): AbortController {
  const listeners = new AbortController();
  const { signal } = listeners;
  if (on === 'exit') {
    document.addEventListener('mouseout', (event) => !event.relatedTarget && event.clientY <= 0 && show(), { signal });
    return listeners;
  }
  const share = Number(on.slice(7)) / 100;
  const scrolled = () => {
    const room = document.documentElement.scrollHeight - innerHeight;
    // A page with nothing to scroll has been read to its end.
    if (host.isConnected && (room <= 0 || scrollY / room >= share)) show();
  };
  addEventListener('scroll', scrolled, { signal, passive: true });
  scrolled();
  return listeners;
}

/** Hides the greeting for this page view (and the browser session with `remember-dismiss`). */
export function dismissGreeting(host: MmeChatButton): void {
  if (!host.greetingShown) return;
  host.greetingShown = false;
  host.dismissed = true;
  try {
    if (host.rememberDismiss) sessionStorage.setItem(storageKey(host), '1');
  } catch {}
  settle(host);
  host.dispatchEvent(new MmeGreetingDismissEvent());
}

/** The panels the button opens: the QR hand-off popover and the launcher's menu. */
type Panel = 'popoverOpen' | 'menuOpen';

/** Opens a panel, putting the greeting away; the document's listeners come after this click. */
function openPanel(host: MmeChatButton, panel: Panel): void {
  dismissGreeting(host);
  host[panel] = true;
  // Added after this click has finished bubbling, so that it does not close the panel at once;
  // not at all if it was closed meanwhile.
  setTimeout(() => host[panel] && listen(host));
}

/** Closes a panel, returning focus to the button unless the person went elsewhere. */
function closePanel(host: MmeChatButton, panel: Panel, restoreFocus: boolean): void {
  if (!host[panel]) return;
  host[panel] = false;
  settle(host);
  if (restoreFocus) host.renderRoot.querySelector<HTMLElement>('.button')?.focus();
}

/**
 * A panel's focusout: it closes once focus has moved out of it, leaving focus where it went. A
 * press on the button itself is left to its click, which closes the panel.
 */
const closeWhenFocusLeaves = (close: () => void) => (event: FocusEvent) => {
  const to = event.relatedTarget as Element | null;
  if (to && !(event.currentTarget as HTMLElement).contains(to) && !to.matches(':active')) close();
};

/** Opens the QR hand-off popover for `link` and moves focus into it; the QR code's code loads now. */
export async function openPopover(host: MmeChatButton, link: ResolvedLink): Promise<void> {
  host.popoverLink = link;
  openPanel(host, 'popoverOpen');
  if (!host.qrReady) {
    // Should the code fail to download, the popover keeps its placeholder and its link to open Messenger here.
    host.qrReady = await import('../qr-code/qr-code.js').then(() => true, () => false);
  }
  await host.updateComplete;
  if (host.popoverOpen) host.renderRoot.querySelector<HTMLElement>('.popover')?.focus();
}

/** Closes the popover, returning focus to the button unless the person went elsewhere. */
export const closePopover = (host: MmeChatButton, restoreFocus = true): void => closePanel(host, 'popoverOpen', restoreFocus);

const menuItems = (host: MmeChatButton) => [...host.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];

/** Opens the launcher's menu and focuses its first item (`last`: its last). */
export async function openMenu(host: MmeChatButton, last = false): Promise<void> {
  openPanel(host, 'menuOpen');
  await host.updateComplete;
  menuItems(host).at(last ? -1 : 0)?.focus();
}

/** Closes the launcher's menu, returning focus to the button unless the person went elsewhere. */
export const closeMenu = (host: MmeChatButton, restoreFocus = true): void => closePanel(host, 'menuOpen', restoreFocus);

/** The menu's keys (WAI-ARIA menu pattern): arrows move round the items, Home and End to the ends, Space activates. */
function onMenuKey(host: MmeChatButton, event: KeyboardEvent): void {
  const items = menuItems(host);
  const at = items.indexOf((host.renderRoot as ShadowRoot).activeElement as HTMLElement);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 }[event.key];
  if (to != null) items.at(to % items.length)?.focus();
  else if (event.key === ' ') items[at]?.click();
  else if (event.key === 'Tab') closeMenu(host, false);
  else return;
  if (event.key !== 'Tab') event.preventDefault();
}

/** The launcher's menu: one real link per channel, each with the same ref. */
export const menu = (host: MmeChatButton) =>
  html`<div
    part="menu"
    class="menu"
    role="menu"
    aria-label=${host.labelText}
    @keydown=${(event: KeyboardEvent) => onMenuKey(host, event)}
    @focusout=${closeWhenFocusLeaves(() => closeMenu(host, false))}
  >
    ${host.links.map(
      (link) =>
        html`<a
          role="menuitem"
          tabindex="-1"
          href=${link.href}
          target=${host.shownTarget}
          rel="noopener noreferrer"
          @click=${(event: MouseEvent) => {
            closeMenu(host, false);
            host.activate(event, link);
          }}
          >${iconOf(link)}${APPS[link.channel]}</a
        >`,
    )}
  </div>`;

/** A picture that fails to load leaves no broken-image icon beside the greeting. */
const hideBrokenPicture = (event: Event) => ((event.target as HTMLImageElement).hidden = true);

/** The greeting's card: who greets (a picture and a name), its text, and a close button. */
export const greetingCard = (host: MmeChatButton, text: string) => {
  // The picture is decoration beside the name and the text, so its alt is empty. Outside the
  // hours the away note speaks for the business, with no face.
  const name = host.away ? '' : host.greetingName;
  const avatar = host.away ? '' : host.shownAvatar;
  return html`<div class="bubble-card">${avatar ? html`<img class="avatar" src=${avatar} alt="" width="40" height="40" @error=${hideBrokenPicture} />` : nothing}<span class="greeting-text"
      >${name ? html`<strong class="greeting-name">${name}</strong>` : nothing}${text}</span
    ><button type="button" class="close" aria-label=${host.strings.dismiss} @click=${() => dismissGreeting(host)}>×</button></div>`;
};

/**
 * The QR hand-off dialog: a code to scan with a phone, and a link to open Messenger here. It
 * closes when focus moves out of it, as a dialog that is not modal should.
 */
export const popover = (host: MmeChatButton, link: ResolvedLink) => {
  const { href, page, channel } = link;
  return html`<div
    part="popover"
    class="popover"
    role="dialog"
    aria-labelledby="popover-title"
    tabindex="-1"
    @focusout=${closeWhenFocusLeaves(() => closePopover(host, false))}
  >
    <div class="popover-head">
      <span id="popover-title">${host.popoverTitle || host.strings.popoverTitle}</span
      ><button type="button" class="close" aria-label=${host.closeLabel || host.strings.close} @click=${() => closePopover(host)}>×</button>
    </div>
    ${host.qrReady
      ? html`<mme-qr-code value=${href} size="180" label=${fill(host.strings.qrLabel, { app: APPS[channel], name: page })}></mme-qr-code>`
      : html`<div class="qr-placeholder"></div>`}
    ${channel === 'instagram'
      ? // ig.me links do not open on Instagram's web site: the phone is the only way.
        nothing
      : html`<a href=${href} target=${host.shownTarget} rel="noopener noreferrer" @click=${() => {
          host.sendBeacon(link, 'open-here');
          closePopover(host, false);
        }}>${host.openHereLabel || host.strings.openHere}</a>`}
  </div>`;
};
