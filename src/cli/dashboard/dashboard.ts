import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ReportGroup } from '../../store/index.js';
import { csvCell, rateCell } from '../csv.js';
import { CHANNELS, type Channel, type Views } from '../views.js';
import { CHANNEL_NAMES, dayChart, dayTable } from './chart.js';
import { styles } from './dashboard.styles.js';
import { TOTALS, addDays, change, day, daysBetween, number, rate, today } from './format.js';

type Row = ReportGroup & { label?: string };
type SortKey = 'name' | 'channel' | 'clicks' | 'chats' | 'people' | 'newPeople' | 'rate';
const PRESETS = [
  { id: '7', name: '7 days', days: 7 },
  { id: '30', name: '30 days', days: 30 },
  { id: '90', name: '90 days', days: 90 },
  { id: 'all', name: 'All time', days: 0 },
] as const;
type Preset = (typeof PRESETS)[number]['id'] | 'custom';

const SOURCE_NAMES: Record<string, string> = { SHORTLINK: 'Links and QR codes', ADS: 'Ads', CUSTOMER_CHAT_PLUGIN: 'Chat plugin', DISCOVER_TAB: 'Discover tab' };

/**
 * The owner's dashboard: what the store counted over a period, against the period before, per
 * day, per ref (or its label from links.csv), per channel and per source. Live, it asks the
 * receiver (`api`) for each period; given `views`, it shows those (the HTML report).
 */
export class MmeDashboard extends LitElement {
  static override styles = styles;

  /** The figures shown; set by the page for a static report, else fetched from `api`. */
  @property({ attribute: false }) views?: Views;
  /** Where the figures come from: `mme dashboard`'s JSON (relative to the page). Empty: a static report. */
  @property() api = '';

  @state() private preset: Preset = '30';
  @state() private from = '';
  @state() private to = '';
  @state() private problem = '';
  @state() private loading = false;
  @state() private sortKey: SortKey = 'chats';
  @state() private sortDown = true;
  private readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private asked = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.api && !this.views) void this.load();
  }

  /** The days of a preset, in the owner's time zone; none for all time. */
  private rangeOf(preset: Preset): { since?: string; until?: string } {
    if (preset === 'custom') return { since: this.from || undefined, until: this.to || undefined };
    const days = PRESETS.find((p) => p.id === preset)!.days;
    if (!days) return {};
    const until = today(this.timeZone);
    return { since: addDays(until, 1 - days), until };
  }

  private async load(preset: Preset = this.preset): Promise<void> {
    const range = this.rangeOf(preset);
    if (range.since && range.until && range.since > range.until) {
      this.problem = 'The first day comes after the last one: swap them.';
      return;
    }
    const turn = ++this.asked;
    const query = new URLSearchParams({ timezone: this.timeZone, ...range });
    this.loading = true;
    try {
      const response = await fetch(`${this.api}?${query}`, { headers: { accept: 'application/json' } });
      const body = await response.json();
      if (turn !== this.asked) return;
      if (!response.ok) throw new Error(body.error ?? `the receiver answered ${response.status}`);
      this.views = body as Views;
      this.preset = preset;
      this.problem = '';
    } catch (error) {
      if (turn === this.asked) this.problem = `The figures could not be read: ${(error as Error).message}`;
    } finally {
      if (turn === this.asked) this.loading = false;
    }
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDown = !this.sortDown;
    else {
      this.sortKey = key;
      this.sortDown = key !== 'name' && key !== 'channel';
    }
  }

  private sorted(rows: readonly Row[]): Row[] {
    const key = this.sortKey;
    const value = (row: Row): string | number => (key === 'name' ? (row.label || row.group || '').toLowerCase() : key === 'channel' ? row.channel ?? '' : row[key] ?? -1);
    const direction = this.sortDown ? -1 : 1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * direction || (b.chats ?? 0) - (a.chats ?? 0);
    });
  }

  /** What the owner sees, as a CSV: the period, then a row per ref as sorted, then the total. */
  private download(): void {
    const v = this.views;
    if (!v) return;
    const lines = [
      ['label', 'ref', 'channel', 'clicks', 'chats', 'people', 'newPeople', 'rate'],
      ...this.sorted(v.refs).map((r) => [r.label ?? '', r.group ?? '', r.channel ?? '', r.clicks, r.chats, r.people, r.newPeople, rateCell(r.rate)]),
      ['total', '', '', v.total.clicks, v.total.chats, v.total.people, v.total.newPeople, rateCell(v.total.rate)],
    ];
    const text = lines.map((line) => line.map((cell) => csvCell(cell === null ? '' : String(cell))).join(',')).join('\r\n') + '\r\n';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = `mme-${v.since ?? 'start'}-to-${v.until ?? today(v.timeZone)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  private periodName(v: Views): string {
    const preset = PRESETS.find((p) => p.id === this.preset);
    const span = v.since ? `${day(v.since)} – ${day(v.until ?? today(v.timeZone))}` : 'since the first conversation';
    return `${this.api && preset && preset.days ? `Last ${preset.name}: ` : this.api && preset ? 'All time, ' : ''}${span}`;
  }

  protected override render() {
    const v = this.views;
    return html`<header>
        <h1>Conversations from your links and codes</h1>
        ${v ? html`<p class="period">${this.periodName(v)} <span class="zone">(days in ${v.timeZone})</span></p>` : nothing}
      </header>
      ${this.api ? this.controls() : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${!v ? html`<p class="loading" role="status">Reading the figures…</p>` : v.empty ? this.emptyState() : this.figures(v)}`;
  }

  private controls() {
    return html`<nav aria-label="Period" class="controls">
      <div class="presets">
        ${PRESETS.map(
          (p) => html`<button type="button" aria-pressed=${String(this.preset === p.id)} ?disabled=${this.loading} @click=${() => this.load(p.id)}>${p.name}</button>`,
        )}
      </div>
      <form
        class="custom"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.load('custom');
        }}
      >
        <label>From <input type="date" name="from" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label>To <input type="date" name="to" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <button type="submit" aria-pressed=${String(this.preset === 'custom')} ?disabled=${this.loading}>Show these days</button>
      </form>
    </nav>`;
  }

  private emptyState() {
    return html`<section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Nothing counted yet</h2>
      <p>The figures appear here as people start conversations from your links, buttons and QR codes. To count them:</p>
      <ol>
        <li>Run the receiver where Meta can reach it over https: <code>mme webhook --verify-token A-WORD-YOU-CHOOSE</code>, with <code>MME_APP_SECRET</code> set to your app's secret.</li>
        <li>In your Meta app's dashboard, open Webhooks, choose Page, enter the receiver's https address and the same verify token, and subscribe to <code>messaging_referrals</code>, <code>messaging_postbacks</code> and <code>messages</code>.</li>
        <li>To count clicks too, give your buttons <code>beacon="https://YOUR-RECEIVER/click"</code> and start the receiver with <code>--allow-origin https://YOUR-SITE</code>.</li>
      </ol>
    </section>`;
  }

  private figures(v: Views) {
    const previous = v.previous;
    const shown = CHANNELS.filter((c) => v.days.some((d) => d.clicks[c] || d.chats[c]));
    const channels: readonly Channel[] = shown.length ? shown : ['messenger'];
    return html`<section aria-labelledby="totals-title">
        <h2 id="totals-title" class="visually-hidden">Totals</h2>
        <dl class="totals">
          ${TOTALS.map(({ key, name, note }) => {
            const now = v.total[key];
            const before = previous ? previous.total[key] : null;
            const moved = previous ? change(now, before) : '';
            return html`<div class="total">
              <dt>${name}</dt>
              <dd class="value">${key === 'rate' ? rate(now) : number(now)}</dd>
              <dd class="note">${note}</dd>
              ${previous ? html`<dd class="before">${moved} <span>vs ${key === 'rate' ? rate(before) : number(before)} the ${daysBefore(previous)} before</span></dd>` : nothing}
            </div>`;
          })}
        </dl>
      </section>
      <section aria-labelledby="days-title">
        <h2 id="days-title">Per day</h2>
        <ul class="legend" aria-label="Channels">
          ${channels.map((c) => html`<li><span class="swatch ${c}" aria-hidden="true"></span>${CHANNEL_NAMES[c]}</li>`)}
        </ul>
        <div class="charts">${dayChart(v.days, 'clicks', 'Clicks', channels)}${dayChart(v.days, 'chats', 'Chats started', channels)}</div>
        <details>
          <summary>Show the days as a table</summary>
          ${dayTable(v.days, channels)}
        </details>
      </section>
      <section aria-labelledby="refs-title">
        <div class="section-head">
          <h2 id="refs-title">Per link or code</h2>
          <button type="button" class="download" @click=${this.download}>Download CSV</button>
        </div>
        ${this.refTable(v.refs)}
      </section>
      <div class="pair">
        <section aria-labelledby="channels-title">
          <h2 id="channels-title">Per channel</h2>
          ${this.smallTable(v.channels, (g) => CHANNEL_NAMES[g.group as Channel] ?? g.group ?? '–', 'Channel')}
        </section>
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">Per source</h2>
          ${this.smallTable(v.sources, (g) => (g.group ? SOURCE_NAMES[g.group] ?? g.group : 'Not told'), 'Source')}
          <p class="hint">A click has no source: clicks count in the totals.</p>
        </section>
      </div>
      <footer>Counted by mme-kit, read ${new Date(v.at).toLocaleString(document.documentElement.lang || undefined)}. Nothing about visitors is kept: no address, no cookie.</footer>`;
  }

  private header(key: SortKey, name: string, numeric = true) {
    const sorted = this.sortKey === key;
    return html`<th scope="col" class=${numeric ? 'n' : ''} aria-sort=${sorted ? (this.sortDown ? 'descending' : 'ascending') : 'none'}>
      <button type="button" @click=${() => this.sortBy(key)}>${name}<span class="arrow" aria-hidden="true">${sorted ? (this.sortDown ? '▼' : '▲') : ''}</span></button>
    </th>`;
  }

  private refTable(rows: readonly Row[]) {
    const top = Math.max(1, ...rows.map((r) => r.chats ?? 0));
    const labelled = rows.some((r) => r.label);
    return html`<div class="scroll" tabindex="0" role="region" aria-label="Per link or code, as a table">
      <table class="refs">
        <thead>
          <tr>
            ${this.header('name', labelled ? 'Label (ref)' : 'Ref', false)}${this.header('channel', 'Channel', false)}${this.header('clicks', 'Clicks')}${this.header('chats', 'Chats started')}${this.header('people', 'People')}${this.header('newPeople', 'New people')}${this.header('rate', 'Chats per click')}
          </tr>
        </thead>
        <tbody>
          ${this.sorted(rows).map(
            (r) => html`<tr>
              <th scope="row">${r.label ? html`${r.label} <span class="ref">${r.group}</span>` : r.group ?? html`<span class="ref">no ref</span>`}</th>
              <td>${CHANNEL_NAMES[r.channel as Channel] ?? r.channel}</td>
              <td class="n">${number(r.clicks)}</td>
              <td class="n"><div class="bar-cell">${bar((r.chats ?? 0) / top)}<span>${number(r.chats)}</span></div></td>
              <td class="n">${number(r.people)}</td>
              <td class="n">${number(r.newPeople)}</td>
              <td class="n">${rate(r.rate)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private smallTable(rows: readonly ReportGroup[], name: (g: ReportGroup) => string, title: string) {
    const top = Math.max(1, ...rows.map((r) => r.chats ?? 0));
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${`Per ${title.toLowerCase()}, as a table`}><table>
      <thead>
        <tr><th scope="col">${title}</th><th scope="col" class="n">Clicks</th><th scope="col" class="n">Chats started</th><th scope="col" class="n">Chats per click</th></tr>
      </thead>
      <tbody>
        ${rows.map((g) => html`<tr><th scope="row">${name(g)}</th><td class="n">${number(g.clicks)}</td><td class="n"><div class="bar-cell">${bar((g.chats ?? 0) / top)}<span>${number(g.chats)}</span></div></td><td class="n">${rate(g.rate)}</td></tr>`)}
      </tbody>
    </table></div>`;
  }
}

/** A bar as wide as `share` of its cell: SVG, so that it takes no inline style. */
const bar = (share: number) => html`<svg class="bar" aria-hidden="true" viewBox="0 0 100 8" preserveAspectRatio="none"><rect width=${Math.max(share * 100, share ? 1 : 0)} height="8"></rect></svg>`;
/** The period before, in words: "30 days", or "day". */
const daysBefore = ({ since, until }: NonNullable<Views['previous']>) => {
  const days = daysBetween(since, until);
  return days === 1 ? 'day' : `${days} days`;
};

declare global {
  interface HTMLElementTagNameMap {
    'mme-dashboard': MmeDashboard;
  }
}
