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
