import { LitElement, css, html } from 'lit';

/**
 * The embed page's LitElement floor: the least a Lit floating button can be, a styled link in a
 * shadow root with a fixed position, and none of mme-kit's link checks, ref templates or options.
 */
class MinimalButton extends LitElement {
  static override properties = { href: {} };
  declare href: string;
  static override styles = css`
    a {
      position: fixed;
      inset-block-end: 20px;
      inset-inline-end: 20px;
      padding: 12px 20px;
      border-radius: 999px;
      background: #0866ff;
      color: #fff;
      font: 600 1rem/1.25 system-ui, sans-serif;
      text-decoration: none;
    }
  `;
  override render() {
    return html`<a part="base" href=${this.href} target="_blank" rel="noopener noreferrer">Message us</a>`;
  }
}
/** Defines the element and adds one floating button to the page. */
export function start(): void {
  customElements.define('minimal-button', MinimalButton);
  const button = new MinimalButton();
  button.href = 'https://m.me/OriginalCoastClothing';
  document.body.append(button);
}
