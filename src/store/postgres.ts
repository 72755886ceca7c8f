import type { Pool, PoolClient } from 'pg';
import type { Engine, Query } from './engine.js';
import { StoreError } from './errors.js';
import { type Store, type StoreOptions, createStore } from './store.js';

/**
 * A statement of the store's SQL as a named prepared statement: its `?` placeholders as
 * PostgreSQL's `$1, $2…`. Each connection parses a statement once, then only binds it.
 */
const statements = new Map<string, { name: string; text: string }>();
const prepared = (sql: string) => {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    statements.set(sql, (statement = { name: `mme_${statements.size}`, text: sql.replace(/\?/g, () => `$${++n}`) }));
  }
  return statement;
};

/** Where the URL points, without its password, for messages. */
const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the database';
  }
};

/** A driver's error as a StoreError that says what to check. */
function explain(error: unknown, url: string, field: string): unknown {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  const place = where(url);
  if (e.code === '28P01' || e.code === '28000') return new StoreError('db-refused', field, `${place} refused the user name or password (${e.message})`, { cause: error });
  if (e.code === '3D000') return new StoreError('db-cannot-open', field, `${e.message} on ${place}: create it (createdb) or name another in the URL`, { cause: error });
  if (e.code === '42501') return new StoreError('db-refused', field, `the user may not create or write the tables on ${place} (${e.message})`, { cause: error });
  if (e.code === '53100') return new StoreError('db-full', field, `the disk of ${place} is full`, { cause: error });
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '57P01', '57P03'].includes(e.code ?? '') || /timeout|terminat|Connection/i.test(e.message ?? '')) {
    return new StoreError('db-unreachable', field, `no PostgreSQL server answers at ${place} (${e.code ?? e.message})`, { cause: error });
  }
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return new StoreError('db-failed', field, `PostgreSQL at ${place}: ${e.message} (${e.code})`, { cause: error });
  return error;
}

/**
 * The PostgreSQL engine: for any number of receivers behind a load balancer, all on one
 * database. Each delivery is one transaction; the first receiver to start creates the tables
 * (under an advisory lock, so replicas started at once create them once).
 * Needs the `pg` package (`npm i pg`).
 * @param url A `postgres://` or `postgresql://` URL, or a `pg` Pool the store will use (and not close).
 * @throws {StoreError} `driver-missing`, `db-unreachable`, `db-refused`, `db-cannot-open`, `schema-newer`…
 * @example const store = await postgresStore(process.env.DATABASE_URL, { secret: process.env.MME_APP_SECRET });
 */
export async function postgresStore(url: string | Pool, options: StoreOptions & { field?: string } = {}): Promise<Store> {
  return createStore(await postgresEngine(url, options.field ?? 'url'), options);
}

/** A PostgreSQL database as the store's engine: a pool, one client per transaction. */
export async function postgresEngine(url: string | Pool, field: string): Promise<Engine> {
  let pool: Pool;
  let owned = false;
  let label = 'the database';
  if (typeof url === 'string') {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreError('db-invalid', field, `"${url}" is not a postgres:// or postgresql:// URL`);
    label = url;
    let pg: typeof import('pg');
    try {
      const loaded = (await import('pg')) as typeof import('pg') & { default?: typeof import('pg') };
      pg = loaded.default ?? loaded;
    } catch (error) {
      throw new StoreError('driver-missing', field, 'PostgreSQL needs the pg package: run npm i pg', { cause: error });
    }
    pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000, max: 10 });
    // An idle connection the server closes is not the process's end.
    pool.on('error', () => {});
    owned = true;
  } else if (url && typeof (url as Pool).connect === 'function') pool = url;
  else throw new StoreError('db-invalid', field, 'url must be a postgres:// URL or a pg Pool');

  const on = (client: Pool | PoolClient): Query => async (sql, params = []) => {
    try {
      // Statements with numbers written in (the report's) change every time: not worth preparing.
      if (!params.length) return (await client.query(sql)).rows;
      return (await client.query({ ...prepared(sql), values: params as unknown[] })).rows;
    } catch (error) {
      throw explain(error, label, field);
    }
  };
  return {
    name: 'postgres',
    field,
    query: on(pool),
    gatherMs: 1,
    // Every write transaction holds the store's advisory lock: transactions of two receivers
    // never wait on each other's keys in a cycle, and replicas started at once create the schema once.
    async transaction(work) {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw explain(error, label, field);
      }
      const query = on(client);
      try {
        await query('BEGIN');
        await query('SELECT pg_advisory_xact_lock(7236157238)');
        const result = await work(query);
        await query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (owned && !pool.ended) await pool.end();
    },
  };
}
