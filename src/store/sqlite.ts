import { resolve } from 'node:path';
import type { Engine, Query, Row } from './engine.js';
import { StoreError, type StoreErrorCode } from './errors.js';
import { type Store, type StoreOptions, createStore } from './store.js';

/** What the store uses of libsql's Database (better-sqlite3's API). */
interface Database {
  prepare(sql: string): { reader: boolean; all(...params: unknown[]): Row[]; run(...params: unknown[]): unknown };
  readonly inTransaction: boolean;
  exec(sql: string): void;
  close(): void;
}

const CODES: [RegExp, StoreErrorCode, string][] = [
  [/^SQLITE_CANTOPEN/, 'db-cannot-open', 'cannot open it: its folder does not exist or cannot be written'],
  [/^SQLITE_READONLY/, 'db-read-only', 'it is read-only: the receiver must be able to write the file and its folder'],
  [/^SQLITE_FULL/, 'db-full', 'the disk is full'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'db-corrupt', 'it is not a database mme-kit can read (a damaged file, or another kind of file)'],
  [/^SQLITE_(BUSY|LOCKED)/, 'db-failed', 'another process held it locked for too long'],
  [/^SQLITE_(IOERR|PERM|AUTH)/, 'db-failed', 'the disk refused a read or a write'],
];

/** SQLite's primary result codes by number, as libsql's open error gives them. */
const PRIMARY: Record<number, string> = { 3: 'SQLITE_PERM', 5: 'SQLITE_BUSY', 8: 'SQLITE_READONLY', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 23: 'SQLITE_AUTH', 26: 'SQLITE_NOTADB' };

/**
 * How long a delivery waits for others to join its commit. The driver blocks while SQLite syncs,
 * so deliveries read meanwhile reach the store only after it; 3 ms gathers them (measured: about
 * 1.5× the deliveries a second of committing each alone), and is nothing to Meta's timeout.
 */
const GATHER_MS = 3;

/** The last transaction's turn on each database file in this process. */
const turns = new Map<string, Promise<unknown>>();

/** A driver's error as a StoreError that says, in plain words, what is wrong with the file. */
function explain(error: unknown, path: string, field: string): unknown {
  // libsql reports a file it cannot open by SQLite's number alone: "…local database X: 14".
  const number = /Unable to open connection to local database .*: (\d+)"?\)?$/.exec((error as Error)?.message ?? '')?.[1];
  // Its other errors carry SQLite's code, or for an extended one only its number (rawCode).
  const raw = number ? Number(number) : (error as { rawCode?: unknown })?.rawCode;
  const named = (error as { code?: unknown })?.code;
  const code = typeof named === 'string' && named.startsWith('SQLITE_') ? named : typeof raw === 'number' ? (PRIMARY[raw & 0xff] ?? `SQLITE_${raw}`) : named;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const [, storeCode, words] = CODES.find(([pattern]) => pattern.test(code)) ?? [, 'db-failed', (error as Error).message];
  return new StoreError(storeCode as StoreErrorCode, field, `"${path}": ${words} (${code})`, { cause: error });
}

/**
 * The SQLite engine: one file, written ahead (WAL) and synced to disk at every commit, so that a
 * delivery answered 200 survives a crash or a power cut. Several processes on one machine may
 * share the file; receivers on several machines share a PostgreSQL database instead.
 * Needs the `libsql` package (`npm i libsql`): SQLite with prebuilt binaries, nothing to compile.
 * @param path The database file, created with its tables on first use.
 * @throws {StoreError} `driver-missing`, `db-cannot-open`, `db-read-only`, `db-corrupt`, `schema-newer`…
 * @example const store = await sqliteStore('mme.db', { secret: process.env.MME_APP_SECRET });
 */
export async function sqliteStore(path: string, options: StoreOptions & { field?: string } = {}): Promise<Store> {
  return createStore(await sqliteEngine(path, options.field ?? 'path'), options);
}

/** The SQLite file as the store's engine: WAL, synced at each commit, one transaction at a time. */
export async function sqliteEngine(path: string, field: string): Promise<Engine> {
  if (typeof path !== 'string' || !path.trim()) throw new StoreError('db-invalid', field, 'the database file is missing: give a path such as mme.db');
  let Driver: new (path: string, options: { timeout: number }) => Database;
  try {
    Driver = ((await import('libsql')) as { default: typeof Driver }).default;
  } catch (error) {
    throw new StoreError('driver-missing', field, 'SQLite needs the libsql package: run npm i libsql (prebuilt, nothing compiles), or give a postgres:// URL', { cause: error });
  }
  let db: Database;
  try {
    // Waits up to 10 s for another process's write to finish.
    db = new Driver(path, { timeout: 10_000 });
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    // A report's sorts spill to a file, not to memory: RSS stays flat in the number of referrals.
    db.exec('PRAGMA temp_store = FILE');
  } catch (error) {
    throw explain(error, path, field);
  }
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  let closed = false;
  const query: Query = async (sql, params = []) => {
    // libsql aborts the process on a statement after close: refuse it here instead.
    if (closed) throw new StoreError('db-failed', field, `"${path}": the store is closed`);
    try {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    } catch (error) {
      throw explain(error, path, field);
    }
  };
  // Other processes' transactions wait in SQLite's lock: BEGIN IMMEDIATE takes the write lock at once.
  const file = resolve(path);
  return {
    name: 'sqlite',
    field,
    query,
    gatherMs: GATHER_MS,
    transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
      // Turns on this file in this process: the driver blocks while it waits for SQLite's lock,
      // so two connections of one process would otherwise wait on each other for ever.
      const run = async () => {
        await query('BEGIN IMMEDIATE');
        try {
          const result = await work(query);
          await query('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      };
      const before = turns.get(file) ?? Promise.resolve();
      const result = before.then(run, run);
      const settled = result.then(() => {}, () => {});
      turns.set(file, settled);
      return result;
    },
    async close() {
      if (closed) return;
      // The transactions already asked for on this file go first.
      await turns.get(file);
      closed = true;
      // libsql keeps the file open while a prepared statement lives: the cache lets them go.
      statements.clear();
      db.close();
    },
  };
}
