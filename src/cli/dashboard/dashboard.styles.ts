import { css } from 'lit';

export const styles = css`
  :host {
    --ink: #1c1e21;
    --muted: #595d63;
    --paper: #fff;
    --card: #f4f5f7;
    --line: #d5d8dc;
    --accent: #0866ff;
    --on-accent: #fff;
    --messenger: #0866ff;
    --instagram: #c13584;
    --whatsapp: #1a7f4b;
    display: block;
    max-width: 1100px;
    margin: 0 auto;
    padding: 16px;
    color: var(--ink);
    background: var(--paper);
    font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    overflow-wrap: break-word;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --ink: #e4e6eb;
      --muted: #b0b3b8;
      --paper: #18191a;
      --card: #242526;
      --line: #3e4042;
      --accent: #4d94ff;
      --on-accent: #000;
      --messenger: #4d94ff;
      --instagram: #e86fb0;
      --whatsapp: #3fbf7f;
    }
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 4px;
  }
  h2 {
    font-size: 1.15rem;
    margin: 28px 0 8px;
  }
  .period {
    margin: 0;
    color: var(--muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The controls: 44 px targets in the page's colours. */
  button,
  input {
    font: inherit;
    min-height: 44px;
    border: 1px solid var(--line);
    border-radius: 8px;
    background: var(--paper);
    color: var(--ink);
  }
  button {
    padding: 6px 14px;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
  }
  button:disabled {
    cursor: progress;
  }
  :focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 12px 24px;
    align-items: end;
    margin: 16px 0;
  }
  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: end;
  }
  .custom label {
    display: grid;
    font-size: 0.85rem;
    color: var(--muted);
  }
  input {
    padding: 4px 8px;
    color-scheme: light dark;
  }
  .problem {
    padding: 8px 12px;
    border-inline-start: 4px solid #c62828;
    background: var(--card);
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(150px, 100%), 1fr));
    gap: 12px;
    margin: 16px 0 0;
  }
  .total {
    padding: 12px 14px;
    border: 1px solid var(--line);
    border-radius: 12px;
    background: var(--card);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .value {
    font-size: 1.9rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .note,
  .before span,
  .zone,
  .hint,
  footer,
  .ref {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .before {
    margin-top: 4px;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    padding: 0;
    margin: 0 0 8px;
    list-style: none;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    margin-inline-end: 6px;
    border-radius: 3px;
    vertical-align: -1px;
  }
  .swatch.messenger {
    background: var(--messenger);
  }
  .swatch.instagram {
    background: var(--instagram);
  }
  .swatch.whatsapp {
    background: var(--whatsapp);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(260px, 100%), 1fr));
    gap: 16px;
  }
  .chart {
    margin: 0;
    min-width: 0;
  }
  .chart figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  .plot {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 6px;
    align-items: start;
  }
  .plot svg {
    width: 100%;
    height: 140px;
    display: block;
  }
  .scale {
    font-size: 0.75rem;
    color: var(--muted);
    font-variant-numeric: tabular-nums;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.75rem;
    color: var(--muted);
    padding-inline-start: 24px;
  }
  rect.messenger {
    fill: var(--messenger);
  }
  rect.instagram {
    fill: var(--instagram);
  }
  rect.whatsapp {
    fill: var(--whatsapp);
  }
  .axis {
    stroke: var(--line);
    vector-effect: non-scaling-stroke;
  }
  details {
    margin-top: 8px;
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: end;
    gap: 8px;
  }
  .section-head h2 {
    margin-bottom: 0;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--line);
    text-align: start;
    vertical-align: middle;
  }
  th[scope='row'] {
    font-weight: 500;
  }
  .n {
    text-align: end;
  }
  thead th {
    font-size: 0.85rem;
    color: var(--muted);
    white-space: nowrap;
  }
  thead th button {
    min-height: 32px;
    padding: 2px 4px;
    border: 0;
    background: none;
    color: inherit;
    font-weight: 600;
  }
  .arrow {
    display: inline-block;
    width: 1em;
  }
  .bar-cell {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    min-width: 120px;
  }
  .bar {
    flex: 1;
    height: 8px;
    max-width: 140px;
  }
  .bar rect {
    fill: var(--accent);
  }
  @media (max-width: 560px) {
    .bar {
      display: none;
    }
    .bar-cell {
      min-width: 0;
    }
    th,
    td {
      padding: 6px 4px;
    }
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(280px, 100%), 1fr));
    gap: 0 24px;
  }
  .empty {
    margin-top: 24px;
    padding: 16px 20px;
    border: 1px solid var(--line);
    border-radius: 12px;
    background: var(--card);
  }
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  footer {
    margin-top: 32px;
  }
  @media (forced-colors: active) {
    .total,
    .empty {
      border-color: CanvasText;
    }
    button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .plot svg,
    .bar,
    .swatch {
      forced-color-adjust: none;
    }
    rect.messenger,
    .bar rect {
      fill: CanvasText;
    }
    rect.instagram {
      fill: Highlight;
    }
    rect.whatsapp {
      fill: LinkText;
    }
    .swatch.messenger {
      background: CanvasText;
    }
    .swatch.instagram {
      background: Highlight;
    }
    .swatch.whatsapp {
      background: LinkText;
    }
    .axis {
      stroke: CanvasText;
    }
  }
  @media print {
    :host {
      max-width: none;
      padding: 0;
      color: #000;
      background: #fff;
    }
    .controls,
    .download,
    summary {
      display: none;
    }
    details > .scroll {
      display: block;
    }
    section,
    .total,
    tr {
      break-inside: avoid;
    }
  }
`;
