import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    color: #000;
    --mme-qr-background: #fff;
    vertical-align: top;
  }
  :host([hidden]),
  :host([invalid]) {
    display: none;
  }
  .base {
    all: initial;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    font: var(--mme-font, 0.875rem/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: inherit;
  }
  svg {
    display: block;
    /* A code must stay dark on light to scan: forced colours would paint it in the page's system
       colours (white modules on a white background with a dark scheme). */
    forced-color-adjust: none;
  }
  .background {
    fill: var(--mme-qr-background, #fff);
  }
  .modules {
    fill: currentColor;
  }
  .caption {
    max-width: 100%;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .downloads {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  button {
    font: inherit;
    color: var(--mme-accent, #0866ff);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--mme-radius, 6px);
    padding: 0.35em 0.9em;
    min-height: 32px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--mme-accent, #0866ff);
    outline-offset: 2px;
  }
`;
