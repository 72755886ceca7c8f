import { adoptStyles, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { defineElement } from '../internal/define.js';
import { html, setAttributes } from '../internal/dom.js';
import { MmeClickEvent, MmeGreetingDismissEvent, MmeGreetingShowEvent } from '../internal/events.js';
import { messengerIcon } from '../internal/icon.js';
import { LinkElement, type Problem, type ResolvedLink } from '../internal/link-element.js';
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

const VALUES: Record<string, readonly string[]> = {
  variant: ['filled', 'outline', 'icon'],
  size: ['small', 'medium', 'large'],
  target: ['_blank', '_self'],
  position: ['inline', 'bottom-right', 'bottom-left'],
  handoff: ['', 'qr'],
};

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
  static override properties: PropertyDeclarations = {
    label: {},
    variant: { reflect: true },
    size: { reflect: true },
    target: {},
    position: { reflect: true },
    greeting: {},
    greetingDelay: { type: Number, attribute: 'greeting-delay' },
    rememberDismiss: { type: Boolean, attribute: 'remember-dismiss' },
    handoff: {},
    dataLayer: { attribute: 'data-layer' },
    greetingShown: { state: true, attribute: false },
    popoverOpen: { state: true, attribute: false },
    qrReady: { state: true, attribute: false },
  };

  /** Visible label. Default: the element's own text, else "Message us" ("Get updates on Messenger" for opt-in links). */
  label?: string;
  /** `filled`, `outline` or `icon` (round; the label stays the accessible name). */
  variant = 'filled';
  /** `small`, `medium` or `large`. */
  size = 'medium';
  /** `_blank` (a new tab) or `_self`. */
  target = '_blank';
  /** `inline`, or fixed at `bottom-right` / `bottom-left` of the viewport. */
  position?: string;
  /** Text of a dismissible bubble shown after `greeting-delay` seconds. */
  greeting?: string;
  /** Seconds before the greeting shows. */
  greetingDelay = 3;
  /** Remember a dismissed greeting for the browser session (sessionStorage); otherwise for this page view only. */
  rememberDismiss = false;
  /** `qr`: on a desktop pointer, the click shows a QR code to scan with a phone. */
  handoff?: string;
  /** Push `mme_click` onto `window[NAME]` (just `data-layer`: `window.dataLayer`). */
  dataLayer?: string;

  private greetingShown = false;
  private popoverOpen = false;
  private qrReady = false;
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

  protected override checkOwn(_link: ResolvedLink, problems: Problem[]): void {
    for (const [name, allowed] of Object.entries(VALUES)) {
      const value = this[name as keyof this];
      if (value != null && !allowed.includes(String(value))) {
        problems.push({ code: `${name}-invalid`, field: name, severity: 'error', message: `${name} "${value}" must be ${allowed.filter(Boolean).join(', ')}` });
      }
    }
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
    return this.label || own || (this.topic != null ? 'Get updates on Messenger' : 'Message us');
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

  private drawn?: { root: HTMLElement; anchor: HTMLAnchorElement; label: HTMLSpanElement };
  private greetingNode?: HTMLElement;
  private greetingText = '';
  private dialog?: HTMLElement;
  private dialogKey = '';

  /** Draws the button: its nodes are made once, then each update sets their attributes and text. */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const link = this.link;
    if (!link) {
      this.drawn?.root.remove();
      return;
    }
    if (!this.drawn) {
      const label = html('span', { part: 'label' });
      const anchor = html('a', { part: 'base', class: 'button', rel: 'noopener noreferrer', onclick: (event) => this.onClick(event as MouseEvent) }, messengerIcon(), label);
      this.drawn = { root: html('div', { class: 'root' }, anchor), anchor, label };
    }
    const { root, anchor, label } = this.drawn;
    if (!root.isConnected) this.renderRoot.append(root);
    const handoff = this.handoff === 'qr';
    setAttributes(anchor, {
      href: link.href,
      target: this.target,
      'aria-expanded': handoff && String(this.popoverOpen),
      'aria-haspopup': handoff && 'dialog',
    });
    label.className = this.variant === 'icon' ? 'visually-hidden' : '';
    label.textContent = this.labelText;
    this.drawGreeting(root);
    this.drawPopover(link, anchor);
  }

  private drawGreeting(root: HTMLElement): void {
    if (!this.greeting) {
      this.greetingNode?.remove();
      return;
    }
    // The live region is there from the start, empty, so that screen readers announce the text.
    this.greetingNode ??= html('div', { part: 'greeting', role: 'status' });
    if (!this.greetingNode.isConnected) root.prepend(this.greetingNode);
    this.greetingNode.className = this.greetingShown ? '' : 'visually-hidden';
    const text = this.greetingShown && overlays ? this.greeting : '';
    if (text === this.greetingText) return;
    this.greetingText = text;
    this.greetingNode.replaceChildren(...(text && overlays ? [overlays.greetingCard(text, () => this.dismissGreeting())] : []));
  }

  /** The popover sits before the link; it is made anew when it opens or its link changes. */
  private drawPopover(link: ResolvedLink, anchor: HTMLAnchorElement): void {
    const options = { href: link.href, page: link.page, target: this.target, close: (restoreFocus?: boolean) => this.closePopover(restoreFocus) };
    const key = this.popoverOpen && overlays ? `${options.href} ${options.target}` : '';
    if (key !== this.dialogKey) {
      this.dialogKey = key;
      this.dialog?.remove();
      this.dialog = key && overlays ? overlays.popover(options) : undefined;
      if (this.dialog) anchor.before(this.dialog);
    }
    if (this.dialog && this.qrReady) overlays?.showCode(this.dialog, options);
  }
}

defineElement('mme-chat-button', MmeChatButton);

declare global {
  interface HTMLElementTagNameMap {
    'mme-chat-button': MmeChatButton;
  }
}
