// The PostgreSQL server the store's tests run on: CI's at 127.0.0.1:5432, or MME_TEST_DATABASE_URL.
// Without one, those tests are skipped (and counted so); with MME_REQUIRE_DATABASE=1, as .ci/run
// sets, a missing server fails the run instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.MME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, '@')} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const missing = await reachable();
if (missing && process.env.MME_REQUIRE_DATABASE === '1') throw new Error(`MME_REQUIRE_DATABASE=1: ${missing}`);

/** Why the PostgreSQL tests are skipped, or false when the server answers. */
export const postgresSkip: string | false = missing ?? false;

/** A URL whose connections see only a new, empty schema of their own; `drop()` removes it. */
export async function freshPostgres(): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `mme_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
