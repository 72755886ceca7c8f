// The kit's built-in words, shared by the elements, email snippets and the configurator: no DOM,
// no dependencies, so that every output says the same thing. English is built in; each other
// language is a module of its own, loaded only by a page in that language.

/** Every built-in string of the elements; `{time}`, `{app}`, `{name}` and `{format}` are filled in. */
export interface Strings {
  /** The label of a chat link's button. */
  readonly chat: string;
  /** The label of an opt-in link's button. */
  readonly optin: string;
  /** The label of an Instagram button. */
  readonly instagram: string;
  /** The QR hand-off popover's title. */
  readonly popoverTitle: string;
  /** The popover's link that opens Messenger on the computer. */
  readonly openHere: string;
  /** The popover's close button. */
  readonly close: string;
  /** The greeting's dismiss button. */
  readonly dismiss: string;
  /** The note shown outside opening hours; `{time}` is the next opening, in the visitor's words and time. */
  readonly away: string;
  /** The same, when no opening is in sight. */
  readonly awayNoNext: string;
  /** The popover's QR code: `{app}` is Messenger or Instagram, `{name}` the account. */
  readonly qrLabel: string;
  /** A QR code's accessible name: `{app}` is Messenger or Instagram, `{name}` the account. */
  readonly qrCode: string;
  /** The same for an opt-in link's code. */
  readonly qrOptin: string;
  /** A QR code's download buttons: `{format}` is PNG or SVG. */
  readonly download: string;
}

/** English, built in. */
export const EN: Strings = {
  chat: 'Message us',
  optin: 'Get updates on Messenger',
  instagram: 'Message us on Instagram',
  popoverTitle: 'Scan with your phone',
  openHere: 'Open Messenger on this computer',
  close: 'Close',
  dismiss: 'Dismiss',
  away: "We're away. We reply from {time}.",
  awayNoNext: "We're away right now.",
  qrLabel: 'QR code: open {app} on your phone to message {name}',
  qrCode: 'QR code: message {name} on {app}',
  qrOptin: 'QR code: get updates from {name} on Messenger',
  download: 'Download {format}',
};

/** The languages with built-in translations, each loaded on demand. */
export const LOCALES: Readonly<Record<string, () => Promise<{ default: Strings }>>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ru: () => import('./locales/ru.js'),
  th: () => import('./locales/th.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  vi: () => import('./locales/vi.js'),
  zh: () => import('./locales/zh.js'),
};

/**
 * The built-in language for a BCP 47 tag: itself, else its language without the region
 * (`pt-BR` → `pt`); English for any other.
 * @example language('pt-BR') // 'pt'
 */
export const language = (tag: string): string => {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary in LOCALES ? primary : 'en';
};

/** The strings for a language tag: English at once, another language once its module has loaded. */
export const loadStrings = async (tag: string): Promise<Strings> => {
  const lang = language(tag);
  return lang === 'en' ? EN : (await LOCALES[lang]()).default;
};

/** What each app is called, in every language. */
export const APPS = { messenger: 'Messenger', instagram: 'Instagram' } as const;

/** Fills `{name}` placeholders in a string. @example fill('Hi {name}', { name: 'Ana' }) // 'Hi Ana' */
export const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * The built-in English label for a link of this `kind`: short on a Messenger button, where the
 * icon says the rest (`button`), and naming Messenger where the words stand alone (`email`).
 * Instagram is always named: a launcher with both channels says "Message us".
 * @example defaultLabel('chat') // 'Message us'
 */
export const defaultLabel = (kind: 'chat' | 'optin' | 'instagram', where: 'button' | 'email' = 'button'): string =>
  kind === 'chat' && where === 'email' ? 'Message us on Messenger' : EN[kind];
