// CSV as spreadsheets read and write it, for mme batch's links.csv and mme report.

/**
 * A CSV cell, quoted when it must be. A cell that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, a tab or a carriage return) is written as text, with a leading
 * apostrophe, as OWASP's CSV-injection advice says.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV's delimiter, read from its header row: a semicolon where Excel uses one, else a comma. */
export const delimiterOf = (source: string) => {
  const header = source.split(/\r?\n/, 1)[0];
  return header.includes(';') && !header.includes(',') ? ';' : ',';
};

/** Chats per click in a CSV: four decimals, empty where there is none. */
export const rateCell = (rate: number | null): string => (rate === null ? '' : String(Math.round(rate * 10_000) / 10_000));
