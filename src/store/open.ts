import { postgresStore } from './postgres.js';
import { sqliteStore } from './sqlite.js';
import type { Store, StoreOptions } from './store.js';

/**
 * The store a `--db` value names: a `postgres://` or `postgresql://` URL is PostgreSQL, anything
 * else a SQLite file. @default `MME_DB`, else `mme.db` in the working folder (as the CLI reads it)
 * @example const store = await openStore(process.env.MME_DB ?? 'mme.db', { secret });
 */
export function openStore(db: string, options: StoreOptions = {}): Promise<Store> {
  return /^postgres(ql)?:\/\//i.test(db) ? postgresStore(db, { ...options, field: 'db' }) : sqliteStore(db, { ...options, field: 'db' });
}
