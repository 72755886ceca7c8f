// The greeting's events, in a module of their own: only the lazily loaded greeting fires them,
// so a page whose button shows no greeting never downloads them.

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
    'mme-greeting-show': MmeGreetingShowEvent;
    'mme-greeting-dismiss': MmeGreetingDismissEvent;
  }
}
