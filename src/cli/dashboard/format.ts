// Numbers and days as the owner reads them, in the page's language.
import type { ReportCounts } from '../../store/index.js';

const lang = () => document.documentElement.lang || navigator.language || 'en';

export const number = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(lang()).format(n));
/** Chats per click as a percentage: 0.5 → "50%". */
export const rate = (r: number | null) => (r === null ? '–' : new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(r));

/** A day for people: "Tue, 3 Dec 2026" in the page's language. */
export const day = (date: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }) =>
  new Intl.DateTimeFormat(lang(), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** How a figure moved against the period before: "+12%", "−3%", "new", or "same". */
export function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  if (before === 0) return now === 0 ? 'same' : 'new';
  const ratio = now / before - 1;
  if (Math.abs(ratio) < 0.0005) return 'same';
  return `${ratio > 0 ? '+' : '−'}${new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(ratio))}`;
}

/** The figures the totals show, in order, with their names. */
export const TOTALS: readonly { key: keyof ReportCounts; name: string; note: string }[] = [
  { key: 'clicks', name: 'Clicks', note: 'on your chat buttons' },
  { key: 'chats', name: 'Chats started', note: 'from a link, button or code' },
  { key: 'people', name: 'People', note: 'who started them' },
  { key: 'newPeople', name: 'New people', note: 'their first chat ever' },
  { key: 'rate', name: 'Chats per click', note: 'chats started ÷ clicks' },
];

/** Today in a time zone, as YYYY-MM-DD. */
export const today = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The date `days` days after `date`. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** How many days from `since` to `until`, both counted. */
export const daysBetween = (since: string, until: string): number => Math.round((Date.parse(`${until}T12:00:00Z`) - Date.parse(`${since}T12:00:00Z`)) / 86_400_000) + 1;
