// The daily chart as SVG templates: a stacked bar per day and channel, no chart library. The
// figures are the store's, drawn as they are; a table of the same numbers sits under it.
import { html, nothing, svg } from 'lit';
import type { Channel, DayPoint } from '../views.js';
import { day, number } from './format.js';

export const CHANNEL_NAMES: Record<Channel, string> = { messenger: 'Messenger', instagram: 'Instagram', whatsapp: 'WhatsApp' };

const HEIGHT = 120;
const STEP = 10;

const sum = (values: Record<Channel, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/**
 * One stacked bar chart of `field` per day: an image with a name that says what it shows, a
 * `<title>` per day for a pointer, and the scale and the first and last day in text beside it.
 */
export function dayChart(days: readonly DayPoint[], field: 'clicks' | 'chats', title: string, channels: readonly Channel[]) {
  const top = Math.max(1, ...days.map((d) => sum(d[field])));
  const total = days.reduce((n, d) => n + sum(d[field]), 0);
  const busiest = days.reduce<DayPoint | undefined>((best, d) => (!best || sum(d[field]) > sum(best[field]) ? d : best), undefined);
  const name = `${title} per day, ${days.length ? `${day(days[0].date)} to ${day(days.at(-1)!.date)}` : ''}: ${number(total)} in all${busiest && sum(busiest[field]) ? `, most on ${day(busiest.date)} (${number(sum(busiest[field]))})` : ''}`;
  const width = Math.max(days.length, 1) * STEP;
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <div class="plot">
      <span class="scale" aria-hidden="true">${number(top)}</span>
      <svg role="img" aria-label=${name} viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none">
        ${svg`<line class="axis" x1="0" x2=${width} y1=${HEIGHT - 0.5} y2=${HEIGHT - 0.5}></line>`}
        ${days.map((d, i) => {
          let y = HEIGHT;
          const parts = channels.map((channel) => {
            const h = (d[field][channel] / top) * (HEIGHT - 4);
            y -= h;
            return h ? svg`<rect class=${channel} x=${i * STEP + 1.5} y=${y} width=${STEP - 3} height=${h}></rect>` : nothing;
          });
          return svg`<g><title>${day(d.date)}: ${number(sum(d[field]))} ${title.toLowerCase()}${channels.length > 1 ? ` (${channels.map((c) => `${CHANNEL_NAMES[c]} ${number(d[field][c])}`).join(', ')})` : ''}</title>${parts}</g>`;
        })}
      </svg>
    </div>
    ${days.length ? html`<div class="ends" aria-hidden="true"><span>${day(days[0].date, { day: 'numeric', month: 'short' })}</span><span>${day(days.at(-1)!.date, { day: 'numeric', month: 'short' })}</span></div>` : nothing}
  </figure>`;
}

/** The chart's numbers as a table: a row per day, a column per channel and figure. */
export const dayTable = (days: readonly DayPoint[], channels: readonly Channel[]) =>
  html`<div class="scroll" tabindex="0" role="region" aria-label="Clicks and chats per day, as a table">
    <table>
      <thead>
        <tr>
          <th scope="col">Day</th>
          ${channels.map((c) => html`<th scope="col" class="n">${CHANNEL_NAMES[c]} clicks</th><th scope="col" class="n">${CHANNEL_NAMES[c]} chats</th>`)}
        </tr>
      </thead>
      <tbody>
        ${days.map((d) => html`<tr><th scope="row">${day(d.date)}</th>${channels.map((c) => html`<td class="n">${number(d.clicks[c])}</td><td class="n">${number(d.chats[c])}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
