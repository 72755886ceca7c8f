import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LinkOptions } from '../link/index.js';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The link flags every command takes. */
export const LINK_OPTIONS = {
  page: { type: 'string' },
  instagram: { type: 'string' },
  ref: { type: 'string' },
  text: { type: 'string' },
  topic: { type: 'string' },
  cadence: { type: 'string' },
} satisfies Options;

export const LINK_HELP = `Link options:
  --page NAME        the Facebook Page: username, @username, numeric ID or facebook.com URL
  --instagram NAME   an Instagram (ig.me) link instead: username, @username or instagram.com URL
  --ref REF          sent to your webhook when the conversation opens
  --text TEXT        message prefilled in the person's composer (chat links)
  --topic TOPIC      make an m.me/rn recurring-notification opt-in link for this topic
  --cadence C        daily, weekly or monthly (opt-in links)`;

/** The link flags of `mme batch`: each row gives its own ref and text. */
export const BATCH_LINK_OPTIONS = { page: LINK_OPTIONS.page, instagram: LINK_OPTIONS.instagram, topic: LINK_OPTIONS.topic, cadence: LINK_OPTIONS.cadence } satisfies Options;

export const BATCH_LINK_HELP = LINK_HELP.split('\n')
  .filter((line) => !/^ {2}--(ref|text) /.test(line))
  .join('\n');

export const QR_OPTIONS = {
  margin: { type: 'string' },
  'error-correction': { type: 'string' },
  logo: { type: 'boolean' },
  color: { type: 'string' },
  background: { type: 'string' },
} satisfies Options;

export const QR_HELP = `QR options:
  --margin N               quiet zone in modules (default 4, the QR standard's minimum)
  --error-correction L|M|Q|H  highest level, stepping down when the link does not fit (default M)
  --logo                   the Messenger (or Instagram) icon in the centre (error correction raised to H when it fits)
  --color HEX              module colour (default #000000)
  --background HEX         background colour (default #ffffff)`;

/** Parses a command's arguments strictly; a mistake is a UsageError. */
export function parse<T extends Options>(args: string[], options: T, positionals = 0) {
  try {
    const result = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals > 0, strict: true });
    if (!(result.values as { help?: boolean }).help && result.positionals.length > positionals) throw new UsageError(`unexpected argument "${result.positionals[positionals]}"`);
    return result;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message.replace(/\. To specify .*$/s, ''));
  }
}

/**
 * The link options among parsed values: `--instagram` makes an Instagram link (a `--page` beside it
 * is then an error the checks report), `--topic` an opt-in link.
 */
export function linkOptions(values: Record<string, unknown>): LinkOptions {
  const pick = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const common = { ref: pick('ref'), text: pick('text'), topic: pick('topic'), cadence: pick('cadence') };
  const username = pick('instagram');
  return (username !== undefined ? { username, page: pick('page'), ...common } : { page: pick('page') ?? '', ...common }) as LinkOptions;
}
