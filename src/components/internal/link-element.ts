import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { checkedHref } from '../../link/build.js';
import { type Cadence, type LinkKind, LinkError, type LinkOptions, type LinkProblemCode, type PageContext, type Problem, checkLink, expandRefDetailed, linkKind, pageContext } from '../../link/index.js';
import { EN, type Strings, language, loadStrings } from '../../labels/index.js';
import { QrError, type QrProblemCode } from '../../qr/index.js';
import { MmeInvalidEvent } from './events.js';

/** Codes of the elements' own attribute problems, beside the link's and the QR code's. */
export type AttributeProblemCode =
  | 'variant-invalid'
  | 'size-invalid'
  | 'target-invalid'
  | 'position-invalid'
  | 'handoff-invalid'
  | 'greeting-delay-invalid'
  | 'accent-invalid'
  | 'on-accent-invalid'
  | 'hours-invalid'
  | 'timezone-invalid'
  | 'timezone-missing'
  | 'closed-on-invalid'
  | 'when-away-invalid'
  | 'greeting-on-invalid'
  | 'greeting-avatar-invalid';

/** Every code an element can report in `problems` and `mme-invalid`. */
export type ElementProblemCode = LinkProblemCode | QrProblemCode | AttributeProblemCode;

/** A problem with an element's attributes. */
export type ElementProblem = Problem<ElementProblemCode>;

/** A link ready to render. */
export interface ResolvedLink {
  readonly href: string;
  /** The account: the Page's bare name, or the Instagram username for an Instagram link. */
  readonly page: string;
  readonly ref: string;
  readonly kind: LinkKind;
  /** Where the conversation opens. */
  readonly channel: 'messenger' | 'instagram';
}

/** The app a kind of link opens. */
export const channelOf = (kind: LinkKind): ResolvedLink['channel'] => (kind == 'instagram' ? 'instagram' : 'messenger');

/** A link ready to render, from options `checkLink` found no error in. */
function resolvedLink(options: LinkOptions, ref: string): ResolvedLink {
  const kind = linkKind(options);
  const href = checkedHref(options, kind);
  // The bare name is the link's last path segment; no need to normalise it again.
  return { href, page: new URL(href).pathname.split('/').pop()!, ref, kind, channel: channelOf(kind) };
}

/**
 * The problems a kit error stands for. Anything else is a bug in the kit, not a mistake in the
 * attributes: it is thrown on, so that it surfaces as the error it is.
 */
function problemsOf(error: unknown): readonly ElementProblem[] {
  if (error instanceof LinkError) return error.problems;
  if (error instanceof QrError) return [{ code: error.code, field: error.field, severity: 'error', message: error.message }];
  throw error;
}

/**
 * Checks that an attribute holds one of `allowed` (`''` allowed means it may be empty). A
 * presentation attribute's mistake is a `warning`: its default applies, and the link stays.
 */
export function checkChoice(problems: ElementProblem[], field: string, code: AttributeProblemCode, value: unknown, allowed: readonly string[], severity: 'error' | 'warning' = 'error'): void {
  if (value == null || allowed.includes(String(value))) return;
  problems.push({ code, field, severity, message: `${field} "${value}" must be ${allowed.filter(Boolean).join(', ')}` });
}

/**
 * What both elements share: the link attributes (`page`, `instagram`, `ref`, `text`, `topic`,
 * `cadence`), building the links on every change, and reporting invalid attributes once per change.
 */
export class LinkElement extends LitElement {
  /** The Page's username, numeric ID, or facebook.com / m.me URL. */
  @property() page?: string;
  /** The Instagram username (`name`, `@name` or an instagram.com URL): alone, an ig.me link; with `page`, both channels. */
  @property() instagram?: string;
  /** Sent to your webhook; a template such as `web-{path}` expands for the current page. */
  @property() ref?: string;
  /** The same as `ref`, for frameworks that keep `ref` for themselves (Vue, Preact, Solid, React's JSX); `ref` wins when both are given. */
  @property({ attribute: 'link-ref' }) linkRef?: string;
  /** Message prefilled in the person's composer (chat links only). */
  @property() text?: string;
  /** Makes an m.me/rn recurring-notification opt-in link for this topic. */
  @property() topic?: string;
  /** `daily`, `weekly` or `monthly`, for opt-in links. */
  @property() cadence?: Cadence;
  /** Set when the attributes cannot make a valid link; nothing is rendered then. */
  @property({ type: Boolean, reflect: true }) invalid = false;
  /**
   * The page a `ref` template expands for. Default: the current page (`location`, `document`).
   * Server rendering sets it before the first update (`renderChatButton(attributes, context)`);
   * a plain field, not a reactive property, since only that first update reads it.
   */
  context?: Partial<PageContext>;

  /** @internal The built-in strings in the page's language (the nearest `lang`); English until another has loaded. */
  strings: Strings = EN;
  /** @internal The language those strings are in. */
  stringsLang = 'en';
  private loadingStrings?: Promise<unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    // The nearest lang: the element's own or an ancestor's, else the document's.
    const lang = language(this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en');
    if (lang === this.stringsLang) return;
    this.loadingStrings = loadStrings(lang).then(
      (strings) => {
        this.strings = strings;
        this.stringsLang = lang;
        // An element moved to a part of the page in another language says so at once.
        this.requestUpdate();
      },
      // A failed download leaves English.
      () => {},
    );
  }

  /** Every update waits for the strings of the page's language: none for English, which is built in. */
  protected override async scheduleUpdate(): Promise<void> {
    await this.loadingStrings;
    super.scheduleUpdate();
  }

  /** Every problem found at the last update, errors and warnings. */
  problems: readonly ElementProblem[] = [];
  /** @internal Every channel's link, Messenger first; empty when invalid. */
  links: readonly ResolvedLink[] = [];
  /** @internal The link being shown (the first channel's), or null when invalid (the lazily loaded greeting reads it). */
  get link(): ResolvedLink | null {
    return this.links[0] ?? null;
  }
  private reported = '';
  private warned = new Set<string>();
  private erred = '[]';

  /**
   * Builds the links from the link attributes: one per channel, Messenger (`page`) first, then
   * Instagram (`instagram`). Subclasses may build them another way.
   */
  protected resolveLinks(problems: ElementProblem[]): ResolvedLink[] {
    // On a server (no location), the page comes from `context`, which server rendering passes.
    const expanded = expandRefDetailed(this.ref ?? this.linkRef ?? '', this.context ?? (globalThis.location ? pageContext() : {}));
    problems.push(...expanded.problems);
    const { ref } = expanded;
    const { page, instagram, text, topic, cadence } = this;
    // With both channels, the text, topic and cadence belong to the Messenger link: ig.me has none.
    const channels = [
      page || !instagram ? { page: page ?? '', ref, text, topic, cadence } : null,
      instagram ? (page ? { username: instagram, ref } : { username: instagram, ref, text, topic, cadence }) : null,
    ].filter((options) => options != null) as LinkOptions[];
    for (const options of channels) problems.push(...checkLink(options));
    return problems.some((p) => p.severity === 'error') ? [] : channels.map((options) => resolvedLink(options, ref));
  }

  /** Extra checks of a subclass's own attributes, run after the link is built. */
  protected checkOwn(_link: ResolvedLink, _problems: ElementProblem[]): void {}

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const problems: ElementProblem[] = [];
    let links: ResolvedLink[] = [];
    try {
      links = this.resolveLinks(problems);
      if (links[0]) this.checkOwn(links[0], problems);
    } catch (error) {
      problems.push(...problemsOf(error));
    }
    this.links = problems.some((p) => p.severity === 'error') ? [] : links;
    this.problems = problems;
    this.invalid = !this.link;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.report();
  }

  /**
   * Logs each new warning once, and, when the errors changed, one console.error and an
   * mme-invalid event. Subclasses call it again when they add problems after rendering.
   */
  protected report(): void {
    const key = JSON.stringify(this.problems);
    if (key === this.reported) return;
    this.reported = key;
    const tag = this.localName;
    const warnings = this.problems.filter((p) => p.severity === 'warning').map((p) => `<${tag}> ${p.code}: ${p.message}`);
    // A warning's value is not used: the default applies, and the link stays.
    for (const warning of warnings) if (!this.warned.has(warning)) console.warn(warning);
    this.warned = new Set(warnings);
    const errors = this.problems.filter((p) => p.severity === 'error');
    const errorKey = JSON.stringify(errors);
    if (errorKey === this.erred) return;
    this.erred = errorKey;
    if (errors.length) {
      console.error(`<${tag}> shows no link: ${errors.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
      this.dispatchEvent(new MmeInvalidEvent(this.problems));
    }
  }
}
