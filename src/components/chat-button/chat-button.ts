import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defaultLabel } from '../../labels/index.js';
import { defineElement } from '../internal/define.js';
import { MmeClickEvent, MmeGreetingDismissEvent, MmeGreetingShowEvent } from '../internal/events.js';
import { messengerIcon } from '../internal/icon.js';
import { type ElementProblem, LinkElement, type ResolvedLink, checkChoice } from '../internal/link-element.js';
import { styles } from './chat-button.styles.js';

type Overlays = typeof import('./overlays.js');
let overlays: Overlays | undefined;
let overlaysLoading: Promise<Overlays> | undefined;

/** Loads the greeting and popover templates once per page, the first time one is shown; a failed download is tried again next time. */
const loadOverlays = () =>
  (overlaysLoading ??= import('./overlays.js').then(
    (module) => (overlays = module),
    (error: unknown) => {
      overlaysLoading = undefined;
      throw error;
    },
  ));

/** The values each choice attribute takes; the first is its default. */
const CHOICES = {
  variant: ['filled', 'outline', 'icon'],
  size: ['small', 'medium', 'large'],
  target: ['_blank', '_self'],
  position: ['inline', 'bottom-right', 'bottom-left'],
  handoff: ['', 'qr'],
} as const;

type Choice<K extends keyof typeof CHOICES> = (typeof CHOICES)[K][number];

/**
 * A "Message us" button that opens a Messenger conversation with your Page.
 *
 * @tagname mme-chat-button
 * @summary A Messenger chat button: a real link, optionally floating, with a greeting and a QR hand-off.
 * @fires mme-click - Before the link opens; cancel it to stay on the page. `detail = { href, page, ref, kind }`.
 * @fires mme-greeting-show - The greeting bubble appeared.
 * @fires mme-greeting-dismiss - The person dismissed the greeting.
 * @fires mme-invalid - The attributes cannot make a valid link; `detail.problems` says why.
 * @slot - Not rendered: write a plain `<a href="https://m.me/…">` here as the no-JavaScript fallback; its text becomes the label.
 * @csspart base - The link.
 * @csspart icon - The Messenger icon.
 * @csspart label - The label text.
 * @csspart greeting - The greeting bubble.
 * @csspart popover - The QR hand-off popover.
 * @cssproperty --mme-accent - Button colour. Default #0866FF (white text on it is 4.8:1).
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

  /** Visible label. Default: the element's own text, else "Message us" ("Get updates on Messenger" for opt-in links). */
  @property() label?: string;
  /** `filled`, `outline` or `icon` (round; the label stays the accessible name). */
  @property({ reflect: true }) variant: Choice<'variant'> = 'filled';
  /** `small`, `medium` or `large`. */
  @property({ reflect: true }) size: Choice<'size'> = 'medium';
  /** `_blank` (a new tab) or `_self`. */
  @property() target: Choice<'target'> = '_blank';
  /** `inline`, or fixed at `bottom-right` / `bottom-left` of the viewport. */
  @property({ reflect: true }) position?: Choice<'position'>;
  /** Text of a dismissible bubble shown after `greeting-delay` seconds. */
  @property() greeting?: string;
  /** Seconds before the greeting shows. */
  @property({ type: Number, attribute: 'greeting-delay' }) greetingDelay = 3;
  /** Remember a dismissed greeting for the browser session (sessionStorage); otherwise for this page view only. */
  @property({ type: Boolean, attribute: 'remember-dismiss' }) rememberDismiss = false;
  /** `qr`: on a desktop pointer, the click shows a QR code to scan with a phone. */
  @property() handoff?: Choice<'handoff'>;
  /** Push `mme_click` onto `window[NAME]` (just `data-layer`: `window.dataLayer`). */
  @property({ attribute: 'data-layer' }) dataLayer?: string;

  @state() private greetingShown = false;
  @state() private popoverOpen = false;
  @state() private qrReady = false;
  private greetingTimer?: ReturnType<typeof setTimeout>;
  private dismissed = false;
  private overlaysAdopted = false;

  /** Loads the greeting and popover code and adds its styles to this element's shadow root. */
  private async useOverlays(): Promise<Overlays> {
    const loaded = await loadOverlays();
    if (!this.overlaysAdopted) {
      this.overlaysAdopted = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof MmeChatButton).elementStyles, loaded.overlayStyles]);
    }
    return loaded;
  }

  protected override checkOwn(_link: ResolvedLink, problems: ElementProblem[]): void {
    for (const name of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) checkChoice(problems, name, `${name}-invalid`, this[name], CHOICES[name]);
    if (!(this.greetingDelay >= 0)) {
      problems.push({ code: 'greeting-delay-invalid', field: 'greeting-delay', severity: 'error', message: `greeting-delay "${this.greetingDelay}" must be a number of seconds, 0 or more` });
    }
  }

  private get storageKey(): string {
    return `mme-greeting-dismissed:${this.link?.page ?? this.page}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleGreeting();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.greetingTimer);
    document.removeEventListener('keydown', this.onDocumentKey);
    document.removeEventListener('click', this.onDocumentClick);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('greeting') || changed.has('greetingDelay')) this.scheduleGreeting();
  }

  private scheduleGreeting(): void {
    clearTimeout(this.greetingTimer);
    if (!this.greeting || this.greetingShown || !this.isConnected) return;
    try {
      if (this.rememberDismiss && sessionStorage.getItem(this.storageKey)) this.dismissed = true;
    } catch {}
    if (this.dismissed) return;
    this.greetingTimer = setTimeout(async () => {
      if (this.invalid || this.dismissed) return;
      try {
        await this.useOverlays();
      } catch {
        return; // The greeting is an extra: without its code, the button alone is shown.
      }
      if (this.invalid || this.dismissed || !this.isConnected) return;
      this.greetingShown = true;
      document.addEventListener('keydown', this.onDocumentKey);
      this.dispatchEvent(new MmeGreetingShowEvent());
    }, Math.max(0, this.greetingDelay) * 1000);
  }

  /** Hides the greeting for this page view (and the session with `remember-dismiss`). */
  dismissGreeting(): void {
    if (!this.greetingShown) return;
    this.greetingShown = false;
    this.dismissed = true;
    try {
      if (this.rememberDismiss) sessionStorage.setItem(this.storageKey, '1');
    } catch {}
    this.dispatchEvent(new MmeGreetingDismissEvent());
  }

  private onDocumentKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (this.popoverOpen) this.closePopover();
    else this.dismissGreeting();
  };

  private onDocumentClick = (event: MouseEvent): void => {
    if (this.popoverOpen && !event.composedPath().includes(this)) this.closePopover(false);
  };

  private get labelText(): string {
    const own = [...this.childNodes].map((node) => node.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
    return this.label || own || defaultLabel(this.topic != null ? 'optin' : 'chat');
  }

  /** Whether a click should hand off to a QR code: a desktop mouse, not touch. */
  private wantsHandoff(event: MouseEvent): boolean {
    if (this.handoff !== 'qr') return false;
    const pointer = (event as PointerEvent).pointerType;
    if (pointer) return pointer === 'mouse';
    return matchMedia('(hover: hover) and (pointer: fine)').matches;
  }

  private onClick(event: MouseEvent): void {
    const link = this.link!;
    const click = new MmeClickEvent({ href: link.href, page: link.page, ref: link.ref, kind: link.kind });
    this.dispatchEvent(click);
    if (this.dataLayer != null) {
      const name = this.dataLayer || 'dataLayer';
      const target = globalThis as unknown as Record<string, unknown>;
      target[name] ??= [];
      const layer = target[name] as { push?: (entry: object) => void };
      layer.push?.({ event: 'mme_click', mme_page: link.page, mme_ref: link.ref, mme_kind: link.kind });
    }
    if (click.defaultPrevented) {
      event.preventDefault();
      return;
    }
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0;
    if (!modified && this.wantsHandoff(event)) {
      event.preventDefault();
      void this.openPopover(link.href);
    }
  }

  private async openPopover(href: string): Promise<void> {
    this.dismissGreeting();
    // The QR code's code is loaded only now, when a person first needs it. Should it fail to
    // download, the popover keeps its placeholder and its link to open Messenger here.
    const qrCode = this.qrReady ? undefined : import('../qr-code/qr-code.js').then(() => true, () => false);
    try {
      await this.useOverlays();
    } catch {
      // Without the popover's code the click does what the link does, rather than nothing.
      open(href, this.target, 'noopener,noreferrer');
      return;
    }
    this.popoverOpen = true;
    document.addEventListener('keydown', this.onDocumentKey);
    setTimeout(() => document.addEventListener('click', this.onDocumentClick));
    if (qrCode) this.qrReady = await qrCode;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.popover')?.focus();
  }

  /** Closes the QR popover, returning focus to the button unless the person clicked elsewhere. */
  closePopover(restoreFocus = true): void {
    if (!this.popoverOpen) return;
    this.popoverOpen = false;
    document.removeEventListener('click', this.onDocumentClick);
    if (restoreFocus) this.renderRoot.querySelector<HTMLElement>('.button')?.focus();
  }

  private renderGreeting() {
    if (!this.greeting) return nothing;
    // The live region is there from the start, empty, so that screen readers announce the text.
    return html`<div part="greeting" role="status" class=${this.greetingShown ? '' : 'visually-hidden'}>${
      this.greetingShown && overlays ? overlays.greetingCard(this.greeting, () => this.dismissGreeting()) : nothing
    }</div>`;
  }

  private renderPopover(link: ResolvedLink) {
    if (!this.popoverOpen || !overlays) return nothing;
    return overlays.popover({ href: link.href, page: link.page, target: this.target, qrReady: this.qrReady, close: (restoreFocus) => this.closePopover(restoreFocus) });
  }

  protected override render() {
    const link = this.link;
    if (!link) return nothing;
    const handoff = this.handoff === 'qr';
    return html`<div class="root">
      ${this.renderGreeting()}${this.renderPopover(link)}<a
        part="base"
        class="button"
        href=${link.href}
        target=${this.target}
        rel="noopener noreferrer"
        aria-expanded=${ifDefined(handoff ? String(this.popoverOpen) : undefined)}
        aria-haspopup=${ifDefined(handoff ? 'dialog' : undefined)}
        @click=${this.onClick}
        >${messengerIcon}<span part="label" class=${this.variant === 'icon' ? 'visually-hidden' : ''}>${this.labelText}</span></a
      >
    </div>`;
  }
}

defineElement('mme-chat-button', MmeChatButton);

declare global {
  interface HTMLElementTagNameMap {
    'mme-chat-button': MmeChatButton;
  }
}
