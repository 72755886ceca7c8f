import { caniemail } from 'caniemail';

/** The clients whose support data the snippets are checked against. */
export const CLIENTS = ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'] as const;

/** caniemail's findings for `html`, one sorted line each: "error outlook.windows: border-radius". */
export function findings(html: string): string[] {
  const { issues } = caniemail({ clients: [...CLIENTS], html });
  const lines = new Set<string>();
  for (const [type, byClient] of Object.entries(issues)) {
    for (const [client, list] of byClient as Map<string, { title: string }[]>) {
      for (const issue of list) lines.add(`${type.replace(/s$/, '')} ${client}: ${issue.title}`);
    }
  }
  return [...lines].sort();
}
