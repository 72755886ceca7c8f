import { css } from 'lit';

/** Styles of the greeting bubble and the QR popover, adopted when either is first shown. */
export const overlayStyles = css`
  button:focus-visible,
  .popover a:focus-visible,
  .menu a:focus-visible {
    outline: 3px solid var(--mme-accent);
    outline-offset: 3px;
    box-shadow: 0 0 0 1px var(--mme-on-accent);
  }
  .bubble-card {
    all: initial;
    box-sizing: border-box;
    display: flex;
    align-items: flex-start;
    gap: 8px;
    max-width: min(300px, calc(100vw - 2 * var(--mme-offset-x)));
    padding: 12px 8px 12px 16px;
    border-radius: 16px;
    background: #fff;
    color: #1c1e21;
    box-shadow: var(--mme-shadow);
    font: 400 0.9375rem/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    animation: mme-rise 0.2s ease-out;
  }
  .greeting-text {
    flex: 1;
  }
  .greeting-name {
    display: block;
    font-weight: 600;
  }
  .avatar {
    flex: none;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    object-fit: cover;
  }
  .close {
    all: initial;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    flex: none;
    border-radius: 50%;
    color: #4b4f56;
    font: 400 1.25rem/1 system-ui, sans-serif;
    cursor: pointer;
  }
  .close:hover {
    background: #f0f2f5;
  }
  .popover {
    all: initial;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    width: 260px;
    padding: 16px;
    border-radius: 16px;
    background: #fff;
    color: #1c1e21;
    box-shadow: var(--mme-shadow);
    font: 400 0.9375rem/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    text-align: center;
    animation: mme-rise 0.2s ease-out;
  }
  .menu {
    all: initial;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    min-width: 200px;
    padding: 6px;
    border-radius: 16px;
    background: #fff;
    box-shadow: var(--mme-shadow);
    font: 600 1rem/1.25 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    animation: mme-rise 0.2s ease-out;
  }
  .menu a {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 44px;
    padding: 0 12px;
    border-radius: 10px;
    color: #1c1e21;
    text-decoration: none;
    cursor: pointer;
  }
  .menu a:hover,
  .menu a:focus {
    background: #f0f2f5;
  }
  .menu .icon {
    color: #1c1e21;
  }
  .menu .bolt {
    fill: #fff;
  }
  :host(:not([position='bottom-right']):not([position='bottom-left'])) .popover,
  :host(:not([position='bottom-right']):not([position='bottom-left'])) .menu {
    position: absolute;
    inset-block-start: calc(100% + 8px);
    inset-inline-start: 0;
    z-index: var(--mme-z-index);
  }
  .popover-head {
    display: flex;
    align-self: stretch;
    align-items: center;
    justify-content: space-between;
    font-weight: 600;
  }
  .popover a {
    color: #0a55d6;
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
  .qr-placeholder {
    width: 180px;
    height: 180px;
  }
  .popover:focus {
    outline: none;
  }
  @keyframes mme-rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bubble-card,
    .popover,
    .menu {
      animation: none;
    }
  }
  /* Forced colours drop shadows and backgrounds: each surface keeps an edge, and the menu's app
     icons keep their own colours rather than turning grey on black. */
  @media (forced-colors: active) {
    .bubble-card,
    .popover,
    .menu {
      border: 1px solid CanvasText;
    }
    .menu .icon {
      forced-color-adjust: none;
    }
  }
`;
