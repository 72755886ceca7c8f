import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ButtonHours } from '../../hours/index.js';
import { fill } from '../../labels/index.js';
import { defineElement } from '../internal/define.js';
import { MmeClickEvent } from '../internal/events.js';
import { iconOf, instagramIcon, messengerIcon } from '../internal/icon.js';
import { type AttributeProblemCode, type ElementProblem, LinkElement, type ResolvedLink, checkChoice } from '../internal/link-element.js';
import { styles } from './chat-button.styles.js';

/**
 * A module the button loads once per page, when first needed; `module` is set once it has loaded,
 * and a failed download is tried again next time.
 */
function lazily<M>(load: () => Promise<M>): { module?: M; load(): Promise<M> } {
  let loading: Promise<M> | undefined;
  const lazy: { module?: M; load(): Promise<M> } = {
    load: () =>
      (loading ??= load().then(
        (module) => (lazy.module = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
  return lazy;
}

/** The greeting, popover and menu: loaded the first time one is shown. */
const overlays = lazily(() => import('./overlays.js'));
/** The opening-hours code: loaded by the first button that has `hours`. */
const hours = lazily(() => import('../../hours/index.js'));

/** The values each choice attribute takes; the first is its default. */
const CHOICES = {
  variant: ['filled', 'outline', 'icon'],
  size: ['small', 'medium', 'large'],
  target: ['_blank', '_self'],
  position: ['inline', 'bottom-right', 'bottom-left'],
  handoff: ['', 'qr'],
  whenAway: ['message', 'hide'],
} as const;
/** The attribute of each choice, where it is not the property's name. */
const ATTRIBUTES: Partial<Record<keyof typeof CHOICES, string>> = { whenAway: 'when-away' };

/** Whether a URL, read against the page's, is an http(s) address: never `javascript:` or `data:`. */
const webAddress = (url: string): boolean => {
  try {
    return /^https?:$/.test(new URL(url.trim(), globalThis.document?.baseURI ?? 'https://localhost/').protocol);
  } catch {
    return false;
  }
};

/** The longest a timer may wait (setTimeout's limit, about 24.8 days); a later change is looked at again then. */
const LONGEST_WAIT = 2 ** 31 - 1;

type Choice<K extends keyof typeof CHOICES> = (typeof CHOICES)[K][number];

const GREETING_ON = /^(delay|exit|scroll:(100|\d{1,2}))$/;

/**
 * A "Message us" button that opens a Messenger (or Instagram) conversation with your business;
 * with both `page` and `instagram`, a launcher whose menu offers each.
 *
 * @tagname mme-chat-button
 * @summary A Messenger or Instagram chat button: a real link, optionally floating, with a greeting and a QR hand-off.
 * @fires mme-click - Before the link opens; cancel it to stay on the page. `detail = { href, page, ref, kind, channel }`.
 * @fires mme-greeting-show - The greeting bubble appeared.
 * @fires mme-greeting-dismiss - The person dismissed the greeting.
 * @fires mme-invalid - The attributes cannot make a valid link; `detail.problems` says why.
 * @slot - Not rendered: write a plain `<a href="https://m.me/…">` here as the no-JavaScript fallback; its text becomes the label.
 * @csspart base - The link.
 * @csspart icon - The Messenger icon.
 * @csspart label - The label text.
 * @csspart greeting - The greeting bubble.
 * @csspart popover - The QR hand-off popover.
 * @csspart menu - The launcher's menu of channels.
 * @cssproperty --mme-accent - Button colour. Default #0866FF (white text on it is 4.8:1); #C13584 for an Instagram button. The `accent` attribute sets it too.
 * @cssproperty --mme-instagram-gradient - An Instagram button's background (`none` for the flat accent). Default Instagram's magenta-to-blue gradient; the `accent` attribute replaces it.
 * @cssproperty --mme-on-accent - Text and icon colour on the accent.
 * @cssproperty --mme-radius - Corner radius.
 * @cssproperty --mme-font - Font shorthand.
 * @cssproperty --mme-shadow - Shadow of the floating button, greeting and popover.
 * @cssproperty --mme-offset-x - Distance of a floating button from the side.
 * @cssproperty --mme-offset-y - Distance of a floating button from the bottom.
 * @cssproperty --mme-z-index - Stacking order of a floating button.
 */
export class MmeChatButton extends LinkElement {
  static override styles = styles;

  /** Visible label. Default: the element's own text, else "Message us" ("Get updates on Messenger" for opt-in links), in the page's language. */
  @property() label?: string;
  /** `filled`, `outline` or `icon` (round; the label stays the accessible name). */
  @property({ reflect: true }) variant: Choice<'variant'> = 'filled';
  /** `small`, `medium` or `large`. */
  @property({ reflect: true }) size: Choice<'size'> = 'medium';
  /** `_blank` (a new tab) or `_self`. */
  @property() target: Choice<'target'> = '_blank';
  /** `inline`, or fixed at `bottom-right` / `bottom-left` of the viewport. */
  @property({ reflect: true }) position?: Choice<'position'>;
  /** The button's colour, any CSS colour (sets `--mme-accent`; the script tag's `data-accent`). */
  @property() accent?: string;
  /** The label's and icon's colour on the accent (sets `--mme-on-accent`). */
  @property({ attribute: 'on-accent' }) onAccent?: string;
  /** Text of a dismissible bubble shown after `greeting-delay` seconds. */
  @property() greeting?: string;
  /** Seconds before the greeting shows. */
  @property({ type: Number, attribute: 'greeting-delay' }) greetingDelay = 3;
  /** Remember a dismissed greeting for the browser session (sessionStorage); otherwise for this page view only. */
  @property({ type: Boolean, attribute: 'remember-dismiss' }) rememberDismiss = false;
  /** `qr`: on a desktop pointer, the click shows a QR code to scan with a phone. */
  @property() handoff?: Choice<'handoff'>;
  /**
   * A receiver's address (`https://chat.example/click`, `mme webhook`'s POST /click): each click
   * that sends a person toward a chat is reported there with `navigator.sendBeacon`, as
   * `{ ref, channel, kind, path, handoff }`. No cookie, no identifier; it never holds up the link.
   */
  @property() beacon?: string;
  /** Push `mme_click` onto `window[NAME]` (just `data-layer`: `window.dataLayer`). */
  @property({ attribute: 'data-layer' }) dataLayer?: string;
  /** The greeting's sender, shown above its text (`greeting-name`). */
  @property({ attribute: 'greeting-name' }) greetingName?: string;
  /** The sender's picture: an image URL your site chooses, requested only when the greeting shows. */
  @property({ attribute: 'greeting-avatar' }) greetingAvatar?: string;
  /** When the greeting shows: `delay` (after `greeting-delay` seconds), `scroll:PERCENT` (once the visitor has scrolled that far), or `exit` (a desktop pointer leaving for the browser's tabs). */
  @property({ attribute: 'greeting-on' }) greetingOn?: string;
  /** Opening hours, schema.org openingHours: `Mo-Fr 09:00-18:00; Sa 10:00-14:00`. */
  @property() hours?: string;
  /** The business's IANA time zone (`Europe/Berlin`); without it, the hours are read in the visitor's. */
  @property() timezone?: string;
  /** Dates the business is closed: `2026-12-24, 2026-12-25`. */
  @property({ attribute: 'closed-on' }) closedOn?: string;
  /** Outside the hours: `message` (the button stays; an away note replaces the greeting) or `hide`. */
  @property({ attribute: 'when-away' }) whenAway?: Choice<'whenAway'>;
  /** Set outside the opening hours. */
  @property({ type: Boolean, reflect: true }) away = false;
  /** The away note; `{time}` is the next opening. Default: "We're away. We reply from {time}.", in the page's language. */
  @property({ attribute: 'away-message' }) awayMessage?: string;
  /** The QR popover's title. Default: "Scan with your phone", in the page's language. */
  @property({ attribute: 'popover-title' }) popoverTitle?: string;
  /** The popover's link that opens Messenger here. Default: "Open Messenger on this computer", in the page's language. */
  @property({ attribute: 'open-here-label' }) openHereLabel?: string;
  /** The popover's close button. Default: "Close", in the page's language. */
  @property({ attribute: 'close-label' }) closeLabel?: string;

  /** The last reading of the hours, and the attributes it was read from. */
  private hoursRead?: ButtonHours & { key: string };
  private hoursTimer?: ReturnType<typeof setTimeout>;
  private greetingListeners?: AbortController;
  private greetingTurn = 0;

  // State the lazily loaded overlays (./overlays.ts) read and set.
  /** @internal */ @state() greetingShown = false;
  /** @internal */ @state() popoverOpen = false;
  /** @internal The link the popover shows: the button's, or the channel chosen in the menu. */
  popoverLink?: ResolvedLink;
  /** @internal */ @state() menuOpen = false;
  /** @internal */ @state() qrReady = false;
  /** @internal The greeting was dismissed: it does not come back in this page view. */
  dismissed = false;
  private greetingTimer?: ReturnType<typeof setTimeout>;
  private overlaysAdopted = false;

  /** Loads the greeting and popover code and adds its styles to this element's shadow root. */
  private async useOverlays(): Promise<typeof import('./overlays.js')> {
    const loaded = await overlays.load();
    if (!this.overlaysAdopted) {
      this.overlaysAdopted = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof MmeChatButton).elementStyles, loaded.overlayStyles]);
    }
    return loaded;
  }

  /**
   * An update after `hours` is set (the first, often) waits for the opening-hours code, as every
   * update waits for the page language's strings. A page in English with no hours waits for nothing.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.hours && !hours.module) await hours.load().catch(() => {});
    await super.scheduleUpdate();
  }

  protected override checkOwn(_link: ResolvedLink, problems: ElementProblem[]): void {
    for (const name of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
      const attribute = ATTRIBUTES[name] ?? name;
      checkChoice(problems, attribute, `${attribute}-invalid` as AttributeProblemCode, this[name], CHOICES[name], 'warning');
    }
    // A mistake in how the button looks or behaves is a warning: its default applies, and the
    // business's link stays on the page.
    if (!(this.greetingDelay >= 0)) {
      problems.push({ code: 'greeting-delay-invalid', field: 'greeting-delay', severity: 'warning', message: `greeting-delay "${this.greetingDelay}" must be a number of seconds, 0 or more` });
    }
    if (this.greetingOn != null && !GREETING_ON.test(this.greetingOn)) {
      problems.push({ code: 'greeting-on-invalid', field: 'greeting-on', severity: 'warning', message: `greeting-on "${this.greetingOn}" must be delay, exit, or scroll: and a percentage such as scroll:50` });
    }
    if (this.greetingAvatar && !webAddress(this.greetingAvatar)) {
      problems.push({ code: 'greeting-avatar-invalid', field: 'greeting-avatar', severity: 'warning', message: `greeting-avatar "${this.greetingAvatar}" must be an image's https:// address or a path on your site` });
    }
    this.checkHours(problems);
    for (const [field, value] of [['accent', this.accent], ['on-accent', this.onAccent]] as const) {
      // A server has no CSS engine to ask: there the browser checks the colour when it takes over.
      if (value && globalThis.CSS && !CSS.supports('color', value)) problems.push({ code: `${field}-invalid`, field, severity: 'warning', message: `${field} "${value}" is not a CSS colour such as #0866FF` });
    }
  }

  /**
   * Reads the hours at this moment: sets `away`, and looks again when they next open or close
   * (one timer, no polling). Hours, a zone or dates that cannot be read are a warning, and the
   * button shows as always open; hours without a zone are read in the visitor's, with a warning.
   */
  private checkHours(problems: ElementProblem[]): void {
    // Without its code (a failed download), the button shows as if open.
    const key = JSON.stringify([this.hours, this.timezone, this.closedOn]);
    if (!this.hours || !hours.module) {
      clearTimeout(this.hoursTimer);
      this.hoursRead = undefined;
    }
    // Read again when the hours changed, or once their next change has come (the timer's update);
    // an update for anything else (a greeting showing, a popover opening) keeps the last reading.
    else if (this.hoursRead?.key !== key || (this.hoursRead.changesAt ?? Infinity) <= Date.now()) {
      clearTimeout(this.hoursTimer);
      const read = hours.module.buttonHours({ hours: this.hours, timezone: this.timezone, closedOn: this.closedOn }, Date.now());
      this.hoursRead = { ...read, key };
      if (read.changesAt != null && this.isConnected) {
        // A little after the change, so the clock is surely past it.
        this.hoursTimer = setTimeout(() => this.requestUpdate(), Math.min(LONGEST_WAIT, read.changesAt - Date.now() + 1000));
      }
    }
    const read = this.hoursRead?.problems ?? [];
    // Hours, a zone or dates that cannot be read leave the button open, and say why.
    const unread = read.some((p) => p.severity === 'error');
    this.away = !unread && !!this.hoursRead?.away;
    problems.push(...read.map((p) => ({ ...p, severity: 'warning' as const })));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the hours are read again, and their timer set again.
    if (this.hasUpdated && this.hours) {
      this.hoursRead = undefined;
      this.requestUpdate();
    }
    this.scheduleGreeting();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.greetingTimer);
    clearTimeout(this.hoursTimer);
    this.greetingListeners?.abort();
    overlays.module?.release(this);
  }

  /** @internal What the bubble says: the away note outside the hours (when-away="message"), else the greeting. */
  get bubbleText(): string | undefined {
    if (!this.away) return this.greeting || undefined;
    if (this.whenAway === 'hide') return undefined;
    const opensAt = this.hoursRead?.opensAt;
    const time = opensAt == null || !hours.module ? '' : hours.module.visitorTime(opensAt, this.stringsLang);
    return fill(this.awayMessage || (time ? this.strings.away : this.strings.awayNoNext), { time });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Set on the host, through the CSSOM (which a strict style-src allows), so they win over the
    // defaults and the page's rules alike.
    // A value that is not a colour leaves the default (a custom property would take anything).
    const colour = (value?: string) => (value && CSS.supports('color', value) ? value : null);
    if (changed.has('accent')) this.style.setProperty('--mme-accent', colour(this.accent));
    if (changed.has('onAccent')) this.style.setProperty('--mme-on-accent', colour(this.onAccent));
    if (['greeting', 'greetingDelay', 'greetingOn', 'away'].some((name) => changed.has(name))) this.scheduleGreeting();
  }

  /**
   * Shows the greeting (or the away note) once: after its delay, once the visitor has scrolled
   * far enough, or when a desktop pointer leaves for the browser's tabs. Its code, and the check of
   * a remembered dismissal, load then.
   */
  private scheduleGreeting(): void {
    clearTimeout(this.greetingTimer);
    this.greetingListeners?.abort();
    const turn = ++this.greetingTurn;
    if (!this.bubbleText || this.greetingShown || this.dismissed || !this.isConnected) return;
    // The greeting is an extra: without its code, the button alone is shown.
    const show = () => {
      this.greetingListeners?.abort();
      if (!this.invalid) this.useOverlays().then((loaded) => loaded.showGreeting(this), () => {});
    };
    const on = this.greetingOn && GREETING_ON.test(this.greetingOn) ? this.greetingOn : 'delay';
    if (on === 'delay') this.greetingTimer = setTimeout(show, (this.greetingDelay >= 0 ? this.greetingDelay : 3) * 1000);
    // Scrolling and leaving are watched by the greeting's own code, loaded now for a page that asks for them.
    // Unless the attributes changed again while it loaded.
    else this.useOverlays().then((loaded) => turn === this.greetingTurn && (this.greetingListeners = loaded.watchForGreeting(this, on, show)), () => {});
  }

  /** Hides the greeting for this page view (and the session with `remember-dismiss`). */
  dismissGreeting(): void {
    overlays.module?.dismissGreeting(this);
  }

  /** Closes the QR popover, returning focus to the button unless the person clicked elsewhere. */
  closePopover(restoreFocus = true): void {
    overlays.module?.closePopover(this, restoreFocus);
  }

  /** @internal Where the links open: `target`, or its default where it is not one of its values. */
  get shownTarget(): Choice<'target'> {
    return this.target === '_self' ? '_self' : '_blank';
  }

  /** @internal The greeting's picture, where it is a web address. */
  get shownAvatar(): string {
    return this.greetingAvatar && webAddress(this.greetingAvatar) ? this.greetingAvatar : '';
  }

  /** @internal The label shown, and the menu's name. */
  get labelText(): string {
    // Its own text: the no-JavaScript link's words. A server renders it without its children.
    const own = (this.textContent ?? '').replace(/\s+/g, ' ').trim();
    return this.label || own || this.strings[this.links.length > 1 ? 'chat' : this.link?.kind ?? 'chat'];
  }

  /**
   * Whether the hand-off applies: `handoff="qr"` or an Instagram link (ig.me does not open on
   * Instagram's web site), and a click from a mouse, or (from a keyboard, or before any click) a
   * device that is not touch only. A phone cannot scan its own screen.
   */
  private handsOff(event?: MouseEvent, link = this.link): boolean {
    if (this.handoff !== 'qr' && link?.channel !== 'instagram') return false;
    const pointer = (event as PointerEvent | undefined)?.pointerType;
    return pointer ? pointer === 'mouse' : !globalThis.matchMedia?.('(pointer: coarse) and (not (any-pointer: fine))').matches;
  }

  private onClick(event: MouseEvent): void {
    if (this.popoverOpen) {
      // A second click on the button closes the popover it opened.
      event.preventDefault();
      this.closePopover();
    } else if (this.links.length > 1) {
      this.toggleMenu();
    } else {
      this.activate(event, this.link!);
    }
  }

  /** Opens or closes the launcher's menu; opening focuses its first (`last`: its last) channel. */
  private toggleMenu(open = !this.menuOpen, last = false): void {
    this.useOverlays().then((loaded) => (open ? loaded.openMenu(this, last) : loaded.closeMenu(this)), () => {});
  }

  private onKeydown(event: KeyboardEvent): void {
    // The menu button pattern: the arrow keys open the menu onto its first or last item.
    if (this.links.length < 2 || !/^Arrow(Down|Up)$/.test(event.key)) return;
    event.preventDefault();
    this.toggleMenu(true, event.key === 'ArrowUp');
  }

  /**
   * @internal What a click on a channel's link does: fires mme-click (and the data layer), then
   * lets the link open, or shows its QR code to scan on a desktop.
   */
  activate(event: MouseEvent, link: ResolvedLink): void {
    const click = new MmeClickEvent({ ...link });
    this.dispatchEvent(click);
    if (this.dataLayer != null) {
      const name = this.dataLayer || 'dataLayer';
      const target = globalThis as unknown as Record<string, unknown>;
      target[name] ??= [];
      const layer = target[name] as { push?: (entry: object) => void };
      layer.push?.({ event: 'mme_click', mme_page: link.page, mme_ref: link.ref, mme_kind: link.kind, mme_channel: link.channel });
    }
    if (click.defaultPrevented) {
      event.preventDefault();
      return;
    }
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0;
    const qr = !modified && this.handsOff(event, link);
    this.sendBeacon(link, qr ? 'qr' : 'link');
    if (qr) {
      event.preventDefault();
      // Without the popover's code the click does what the link does, rather than nothing.
      this.useOverlays().then((loaded) => loaded.openPopover(this, link), () => open(link.href, this.shownTarget, 'noopener,noreferrer'));
    }
  }

  /** @internal Reports a click to `beacon`: queued by the browser, so the link opens at once. */
  sendBeacon({ ref, channel, kind }: ResolvedLink, handoff: 'link' | 'qr' | 'open-here'): void {
    try {
      if (this.beacon) navigator.sendBeacon(this.beacon, JSON.stringify({ ref, channel, kind, path: location.pathname, handoff }));
    } catch {
      // A beacon address the browser refuses (not a URL, blocked by the page's CSP) costs the link nothing.
    }
  }

  protected override render() {
    const link = this.link;
    if (!link || (this.away && this.whenAway === 'hide')) return nothing;
    const launcher = this.links.length > 1;
    // Only where a click opens the popover does the button say it has one: not on touch screens.
    const handoff = !launcher && this.handsOff();
    const label = this.labelText;
    const words = html`<span part="label" class=${this.variant === 'icon' ? 'visually-hidden' : ''}>${label}</span>`;
    // A floating button sits outside the page's own landmarks: it is a labelled landmark of its
    // own, so screen readers list it and every part of the page belongs to one (axe's region).
    const floating = this.position === 'bottom-right' || this.position === 'bottom-left';
    return html`<div class="root" role=${ifDefined(floating ? 'complementary' : undefined)} aria-label=${ifDefined(floating ? label : undefined)}>
      ${this.greeting || this.away
        ? // The live region is there from the start, empty, so that screen readers announce the text.
          html`<div part="greeting" role="status" class=${this.greetingShown ? '' : 'visually-hidden'}>${this.greetingShown ? overlays.module?.greetingCard(this, this.bubbleText ?? '') : nothing}</div>`
        : nothing}${this.popoverOpen ? overlays.module?.popover(this, this.popoverLink ?? link) : nothing}${
        this.menuOpen ? overlays.module?.menu(this) : nothing
      }${launcher
        ? // With both channels, a menu button (WAI-ARIA's pattern) opens one real link per channel.
          html`<button
            part="base"
            class="button"
            type="button"
            aria-haspopup="menu"
            aria-expanded=${String(this.menuOpen)}
            @click=${this.onClick}
            @keydown=${this.onKeydown}
            >${messengerIcon}${instagramIcon}${words}</button
          >`
        : html`<a
            part="base"
            class="button ${link.kind}"
            href=${link.href}
            target=${this.shownTarget}
            rel="noopener noreferrer"
            aria-expanded=${ifDefined(handoff ? String(this.popoverOpen) : undefined)}
            aria-haspopup=${ifDefined(handoff ? 'dialog' : undefined)}
            @click=${this.onClick}
            >${iconOf(link)}${words}</a
          >`}
    </div>`;
  }
}

defineElement('mme-chat-button', MmeChatButton);

declare global {
  interface HTMLElementTagNameMap {
    'mme-chat-button': MmeChatButton;
  }
}
