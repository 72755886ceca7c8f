import { css } from 'lit';

export const styles = css`
  :host {
    --mme-accent: #0866ff;
    --mme-on-accent: #fff;
    --mme-radius: 999px;
    --mme-font: 600 1rem/1.25 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --mme-shadow: 0 4px 14px rgb(0 0 0 / 0.22);
    --mme-offset-x: 20px;
    --mme-offset-y: 20px;
    --mme-z-index: 2147483000;
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
  }
  /* A floating button takes no room in the page: the host leaves no box (an empty inline-block
     would still make a line that pushes the content), and its root is fixed to the viewport. */
  :host([position='bottom-right']),
  :host([position='bottom-left']) {
    display: contents;
  }
  /* An Instagram button: Instagram's colours, unless the page sets its own accent. */
  :host([instagram]:not([page])) {
    --mme-accent: #c13584;
  }
  .button.instagram {
    background-image: var(--mme-instagram-gradient, linear-gradient(45deg, #c13584, #833ab4 60%, #5851db));
  }
  :host([accent]) .button.instagram,
  :host([variant='outline']) .button.instagram {
    background-image: none;
  }
  :host([hidden]),
  :host([invalid]),
  :host([away][when-away='hide']) {
    display: none;
  }
  /* Everything sits on an internal root, reset to initial values, so a page's global CSS
     (resets, a { color: red !important }) cannot reach what is drawn. */
  .root {
    all: initial;
    display: inline-flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 12px;
    position: relative;
    font: var(--mme-font);
    direction: inherit;
    max-width: 100%;
  }
  :host([position='bottom-right']) .root,
  :host([position='bottom-left']) .root {
    position: fixed;
    z-index: var(--mme-z-index);
    inset-block-end: calc(var(--mme-offset-y) + env(safe-area-inset-bottom, 0px));
    inset-inline-end: calc(var(--mme-offset-x) + env(safe-area-inset-right, 0px));
    /* A long label wraps rather than push the button off a phone's screen (WCAG 1.4.10). */
    max-width: calc(100vw - 2 * var(--mme-offset-x) - env(safe-area-inset-left, 0px) - env(safe-area-inset-right, 0px));
  }
  :host([position='bottom-left']) .root {
    inset-inline-end: auto;
    inset-inline-start: calc(var(--mme-offset-x) + env(safe-area-inset-left, 0px));
    align-items: flex-start;
  }
  :host(:not([position='bottom-right']):not([position='bottom-left'])) .root {
    align-items: flex-start;
  }
  .button {
    all: initial;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.625em 1.25em;
    border: 2px solid var(--mme-accent);
    border-radius: var(--mme-radius);
    background: var(--mme-accent);
    color: var(--mme-on-accent);
    font: var(--mme-font);
    text-decoration: none;
    text-align: center;
    overflow-wrap: anywhere;
    max-width: 100%;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
    transition: transform 0.15s ease, box-shadow 0.15s ease, filter 0.15s ease;
  }
  .button:hover {
    filter: brightness(1.08);
  }
  .button:active {
    transform: scale(0.97);
  }
  .button:focus-visible {
    outline: 3px solid var(--mme-accent);
    outline-offset: 3px;
    box-shadow: 0 0 0 1px var(--mme-on-accent);
  }
  :host([position='bottom-right']) .button,
  :host([position='bottom-left']) .button {
    box-shadow: var(--mme-shadow);
  }
  .icon {
    width: 1.5em;
    height: 1.5em;
    flex: none;
  }
  .icon .bubble {
    fill: currentColor;
  }
  .icon .bolt {
    fill: var(--mme-accent);
  }
  :host([variant='outline']) .button {
    background: var(--mme-on-accent);
    color: var(--mme-accent);
  }
  :host([variant='outline']) .icon .bolt {
    fill: var(--mme-on-accent);
  }
  :host([variant='icon']) .button {
    width: 56px;
    height: 56px;
    padding: 0;
    border-radius: 50%;
  }
  :host([variant='icon']) .icon {
    width: 30px;
    height: 30px;
  }
  /* The launcher shows both channels' icons, a little smaller. */
  button.button {
    gap: 0.25em;
  }
  button .icon + .icon {
    margin-inline-end: 0.25em;
  }
  :host([variant='icon']) button .icon {
    width: 22px;
    height: 22px;
    margin: 0;
  }
  :host([size='small']) .button {
    font-size: 0.875rem;
    min-height: 36px;
    padding: 0.4em 0.9em;
  }
  :host([size='small'][variant='icon']) .button {
    width: 44px;
    height: 44px;
  }
  :host([size='large']) .button {
    font-size: 1.125rem;
    min-height: 52px;
    padding: 0.75em 1.5em;
  }
  :host([size='large'][variant='icon']) .button {
    width: 64px;
    height: 64px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }
`;
