import { EmailError } from './errors.js';

/** What each email builder returns. */
export interface EmailSnippet {
  /** The HTML to paste into a newsletter. */
  readonly html: string;
  /** The plain-text part: the label, then the full link alone on its own line. */
  readonly text: string;
  /** The m.me link every part points to. */
  readonly href: string;
}

/** Language and direction of the snippet's text. */
export interface Locale {
  /** The label's language, written as `lang` on the wrapper. @default 'en' */
  readonly lang?: string;
  /** `ltr` or `rtl`. @default 'ltr' */
  readonly dir?: 'ltr' | 'rtl';
}

/** Inline style text from property/value pairs, in order. */
export const style = (rules: Record<string, string | number>): string =>
  Object.entries(rules)
    .map(([property, value]) => `${property}:${value}`)
    .join(';') + ';';

/** The attributes every layout table needs in email: no borders, no spacing, not a data table. */
export const LAYOUT_TABLE = 'role="presentation" border="0" cellpadding="0" cellspacing="0"';

export const FONT = 'Arial,Helvetica,sans-serif';

/** Wraps text at `width` characters on spaces; a word longer than a line stays whole. */
export function wrap(text: string, width = 78): string {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The wrapper's `lang` and `dir` attributes. @throws {EmailError} `lang-invalid`, `dir-invalid`. */
export function locale(options: Locale): string {
  const lang = options.lang ?? 'en';
  const dir = options.dir ?? 'ltr';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw new EmailError('lang-invalid', 'lang', `lang "${lang}" is not a language tag such as en or pt-BR`);
  if (dir !== 'ltr' && dir !== 'rtl') throw new EmailError('dir-invalid', 'dir', `dir "${dir}" must be ltr or rtl`);
  return `lang="${lang}" dir="${dir}"`;
}


/**
 * A text option, trimmed, or its default when left out.
 * @throws {EmailError} `FIELD-invalid` when it is not text, or is empty.
 */
export function textOption(value: unknown, fallback: string, field: 'label'): string {
  if (value != null && typeof value != 'string') throw new EmailError(`${field}-invalid`, field, `${field} must be text, not ${typeof value}`);
  const text = (value ?? fallback).trim();
  if (!text) throw new EmailError(`${field}-invalid`, field, `${field} is empty: the button needs words`);
  return text;
}
