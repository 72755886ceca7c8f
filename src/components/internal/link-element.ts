import { type PropertyDeclarations, type PropertyValues, ReactiveElement } from '@lit/reactive-element';
import { type LinkProblem, checkLink, expandRefDetailed, messengerLink, pageContext } from '../../link/index.js';
import { MmeInvalidEvent } from './events.js';

/** A problem with an element's attributes: a link problem, or one of the element's own. */
export interface Problem {
  readonly code: string;
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** A link ready to render. */
export interface ResolvedLink {
  readonly href: string;
  readonly page: string;
  readonly ref: string;
  readonly kind: 'chat' | 'optin';
}

const errorProblems = (error: unknown): readonly Problem[] =>
  (error as { problems?: readonly LinkProblem[] }).problems ?? [
    { code: (error as { code?: string }).code ?? 'invalid', field: (error as { field?: string }).field ?? 'value', severity: 'error', message: String((error as Error).message) },
  ];

/**
 * What both elements share: the link attributes (`page`, `ref`, `text`, `topic`, `cadence`),
 * building the link on every change, and reporting invalid attributes once per change.
 */
export class LinkElement extends ReactiveElement {
  // Reactive properties are declared in `static properties` rather than with decorators: the
  // decorator helpers cost a page with a floating button about 0.4 KB of its 10 KB (SPEC §8).
  // Each property's doc comment stays on its field below. `useDefineForClassFields: false` in
  // tsconfig.json keeps the fields from shadowing the accessors Lit makes.
  static override properties: PropertyDeclarations = {
    page: {},
    ref: {},
    text: {},
    topic: {},
    cadence: {},
    invalid: { type: Boolean, reflect: true },
  };

  /** The Page's username, numeric ID, or facebook.com / m.me URL. */
  page?: string;
  /** Sent to your webhook; a template such as `web-{path}` expands for the current page. */
  ref?: string;
  /** Message prefilled in the person's composer (chat links only). */
  text?: string;
  /** Makes an m.me/rn recurring-notification opt-in link for this topic. */
  topic?: string;
  /** `daily`, `weekly` or `monthly`, for opt-in links. */
  cadence?: string;
  /** Set when the attributes cannot make a valid link; nothing is rendered then. */
  invalid = false;

  /** Every problem found at the last update, errors and warnings. */
  problems: readonly Problem[] = [];
  /** The link being shown, or null when invalid. */
  protected link: ResolvedLink | null = null;
  private reported = '';
  private warned = new Set<string>();
  private erred = '[]';

  /** Builds the link from the link attributes; subclasses may build it another way. */
  protected resolveLink(problems: Problem[]): ResolvedLink | null {
    let ref = this.ref ?? '';
    try {
      const expanded = expandRefDetailed(ref, pageContext());
      ref = expanded.ref;
      problems.push(...expanded.problems);
    } catch (error) {
      problems.push(...errorProblems(error));
      return null;
    }
    const options = { page: this.page ?? '', ref, text: this.text, topic: this.topic ?? undefined, cadence: this.cadence };
    problems.push(...checkLink(options));
    if (problems.some((p) => p.severity === 'error')) return null;
    const href = messengerLink(options as Parameters<typeof messengerLink>[0]);
    // The bare page name is the link's last path segment; no need to normalise and check it again.
    return { href, page: new URL(href).pathname.split('/').pop()!, ref, kind: this.topic != null ? 'optin' : 'chat' };
  }

  /** Extra checks of a subclass's own attributes, run after the link is built. */
  protected checkOwn(_link: ResolvedLink, _problems: Problem[]): void {}

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const problems: Problem[] = [];
    let link: ResolvedLink | null = null;
    try {
      link = this.resolveLink(problems);
      if (link) this.checkOwn(link, problems);
    } catch (error) {
      problems.push(...errorProblems(error));
    }
    this.link = problems.some((p) => p.severity === 'error') ? null : link;
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
