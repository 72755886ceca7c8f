import type { LinkKind } from '../../link/index.js';
import type { ElementProblem } from './link-element.js';

/** What `mme-click` tells listeners about the link being opened. */
export interface ClickDetail {
  readonly href: string;
  /** The account: the Page's bare name, or the Instagram username. */
  readonly page: string;
  /** The expanded ref, '' when the link has none. */
  readonly ref: string;
  readonly kind: LinkKind;
  /** Where the conversation opens. */
  readonly channel: 'messenger' | 'instagram';
}

/** Fired before the link opens; cancel it to keep the person on the page. */
export class MmeClickEvent extends CustomEvent<ClickDetail> {
  constructor(detail: ClickDetail) {
    super('mme-click', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

/** Fired when the element's attributes cannot make a valid link; `detail.problems` says why. */
export class MmeInvalidEvent extends CustomEvent<{ readonly problems: readonly ElementProblem[] }> {
  constructor(problems: readonly ElementProblem[]) {
    super('mme-invalid', { bubbles: true, composed: true, detail: { problems } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mme-click': MmeClickEvent;
    'mme-invalid': MmeInvalidEvent;
  }
}
