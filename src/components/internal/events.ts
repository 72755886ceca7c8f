import type { ElementProblem } from './link-element.js';

/** What `mme-click` tells listeners about the link being opened. */
export interface ClickDetail {
  readonly href: string;
  readonly page: string;
  /** The expanded ref, '' when the link has none. */
  readonly ref: string;
  readonly kind: 'chat' | 'optin';
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

/** Fired when the greeting bubble appears. */
export class MmeGreetingShowEvent extends Event {
  constructor() {
    super('mme-greeting-show', { bubbles: true, composed: true });
  }
}

/** Fired when the person dismisses the greeting bubble. */
export class MmeGreetingDismissEvent extends Event {
  constructor() {
    super('mme-greeting-dismiss', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mme-click': MmeClickEvent;
    'mme-invalid': MmeInvalidEvent;
    'mme-greeting-show': MmeGreetingShowEvent;
    'mme-greeting-dismiss': MmeGreetingDismissEvent;
  }
}
