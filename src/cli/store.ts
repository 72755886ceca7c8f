import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { type Store, type StoreOptions, StoreError, openStore } from '../store/index.js';
import type { Referral } from '../webhook/index.js';
import type { Command } from './commands.js';
import { InputError, UsageError, asInputError } from './errors.js';
import { readTextFile, reason } from './files.js';
import { parse } from './options.js';

/** The flags every command that reads or writes the store takes. */
export const DB_OPTIONS = { db: { type: 'string' }, 'app-secret-file': { type: 'string' } } as const;

export const DB_HELP = `  --db DB                 the store: a SQLite file, or a postgres:// URL for several receivers
                          (default MME_DB, else mme.db in this folder)
  --app-secret-file FILE  read the app secret from FILE instead of MME_APP_SECRET`;

/** The store `--db` names: the flag, else MME_DB, else mme.db here. */
export const dbOf = (values: { db?: string }) => values.db ?? process.env.MME_DB ?? 'mme.db';

/** The app secret: from a file when one is named, else from MME_APP_SECRET; never from a flag, which shells and process lists keep. */
export function appSecret(file: string | undefined): string {
  const secret = file === undefined ? process.env.MME_APP_SECRET : readTextFile(file);
  if (!secret?.trim()) throw new InputError(file === undefined ? 'MME_APP_SECRET: set it to your app secret (Meta app dashboard → App settings → Basic), or give --app-secret-file FILE' : `--app-secret-file: "${file}" is empty`);
  return secret.trim();
}

/**
 * Opens the store, a mistake in `--db` as one line naming it. `existing`: a SQLite file that is
 * not there is a mistake (a report or a forget in the wrong folder), not a new store.
 */
export async function open(db: string, options: StoreOptions = {}, { existing = false } = {}): Promise<Store> {
  if (existing && !/^postgres(ql)?:\/\//i.test(db) && !existsSync(db)) {
    throw new InputError(`--db: there is no store at "${db}": give the one mme webhook records in (--db FILE or MME_DB), or run this where it is`);
  }
  try {
    return await openStore(db, options);
  } catch (error) {
    throw asInputError(error);
  }
}

/** A line of an earlier version's log that is a referral; null for anything else. */
export function referralOf(line: string): Referral | null {
  try {
    const value = JSON.parse(line) as Referral;
    if (!value || typeof value !== 'object' || typeof value.timestamp !== 'number' || !['referral', 'postback', 'message', 'optin'].includes(value.via) || typeof value.pageId !== 'string') return null;
    // Logs from before Instagram name no channel: they are Messenger's.
    return { ...value, channel: value.channel ?? 'messenger' };
  } catch {
    return null;
  }
}

export const importCommand: Command = {
  summary: 'move the log of an earlier mme webhook --log into the store',
  help: `Usage: mme import LOG.jsonl [--db mme.db|postgres://…]

Reads a log that mme webhook --log wrote (one referral a line, versions before the store) into
the store, a thousand lines a transaction. A referral already in the store, or imported before,
is not counted twice, so importing again is safe. A line that is not a referral is a warning
naming its line. People are kept as a hash keyed with the app secret, as mme webhook keeps them.

${DB_HELP}`,
  async run(args, io) {
    const { values, positionals } = parse(args, DB_OPTIONS, 1);
    const file = positionals[0];
    if (!file) throw new UsageError('LOG.jsonl is required: the file mme webhook --log wrote');
    const secret = appSecret(values['app-secret-file']);
    const name = basename(file);
    let input: ReturnType<typeof createReadStream>;
    try {
      input = createReadStream(file);
      await new Promise((resolve, reject) => input.once('open', resolve).once('error', reject));
    } catch (error) {
      throw new InputError(`${name}: cannot read "${file}": ${reason(error)}`);
    }
    const db = dbOf(values);
    const store = await open(db, { secret });
    let added = 0;
    let known = 0;
    let skipped = 0;
    let batch: Referral[] = [];
    const flush = async () => {
      const outcomes = await store.record(batch);
      for (const outcome of outcomes) outcome === 'new' ? added++ : known++;
      batch = [];
    };
    try {
      let line = 0;
      // One line at a time: a log of any size, in flat memory.
      for await (const text of createInterface({ input, crlfDelay: Infinity })) {
        line++;
        if (!text.trim()) continue;
        const referral = referralOf(text);
        if (!referral) {
          skipped++;
          io.warn(`warning: ${name}: line ${line} is not a referral; skipped`);
          continue;
        }
        batch.push(referral);
        if (batch.length === 1000) await flush();
      }
      if (batch.length) await flush();
    } catch (error) {
      throw asInputError(error);
    } finally {
      await store.close();
    }
    io.out(`Imported ${added} referral${added === 1 ? '' : 's'} from ${name} into ${describeDb(db)}; ${known} ${known === 1 ? 'was' : 'were'} there already${skipped ? `; ${skipped} line${skipped === 1 ? '' : 's'} skipped` : ''}.`);
  },
};

export const forget: Command = {
  summary: "remove one person's referrals from the store",
  help: `Usage: mme forget ID [--db mme.db|postgres://…]

Removes every referral of one person from the store, for a request to erase their data. ID is
the PSID, IGSID or user_ref Meta sent for them (page-scoped: the ID your Page sees). The store
keeps people as a hash keyed with the app secret, so it needs the same secret mme webhook had.

${DB_HELP}`,
  async run(args, io) {
    const { values, positionals } = parse(args, DB_OPTIONS, 1);
    const id = positionals[0]?.trim();
    if (!id) throw new UsageError("ID is required: the person's PSID, IGSID or user_ref");
    const secret = appSecret(values['app-secret-file']);
    const db = dbOf(values);
    const store = await open(db, { secret }, { existing: true });
    let removed: number;
    try {
      removed = await store.forget(id);
    } catch (error) {
      throw asInputError(error);
    } finally {
      await store.close();
    }
    io.out(removed ? `Removed ${removed} referral${removed === 1 ? '' : 's'} of that person from ${describeDb(db)}.` : `No referrals of that person in ${describeDb(db)}: nothing to remove (an ID is the one your Page saw, and needs the app secret the receiver had).`);
  },
};

/** The store's name for a person: a file's name, or a URL without its password. */
export function describeDb(db: string): string {
  try {
    const url = new URL(db);
    if (/^postgres(ql)?:$/.test(url.protocol)) {
      url.password = '';
      url.search = '';
      return url.toString();
    }
  } catch {
    // A file path.
  }
  return db;
}

export { StoreError };
