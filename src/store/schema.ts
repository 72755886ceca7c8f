import { StoreError } from './errors.js';
import type { Engine } from './engine.js';

/**
 * The store's tables, one list of statements per schema version: a store is created at the
 * newest version and an older one is migrated forward, step by step, each step in the
 * transaction that records its version. Statements are written in the SQL that SQLite and
 * PostgreSQL share.
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    // One row per referral, under a keyed hash of its referralKey: redeliveries, restarts and
    // parallel receivers insert the same key, which is there already. A row with a claim is
    // held for a running callback and not counted yet.
    `CREATE TABLE mme_referrals (
      key TEXT PRIMARY KEY,
      at BIGINT NOT NULL,
      received_at BIGINT NOT NULL,
      channel TEXT NOT NULL,
      via TEXT NOT NULL,
      page_id TEXT NOT NULL,
      person TEXT,
      person_id TEXT,
      ref TEXT,
      source TEXT,
      type TEXT,
      ad_id TEXT,
      referer_uri TEXT,
      payload TEXT,
      topic TEXT,
      optin TEXT,
      claim TEXT,
      claim_until BIGINT
    )`,
    // The report reads indexes in the order of its groups, people next to each other, so that
    // counting distinct people over millions of referrals is a scan, not a sort.
    'CREATE INDEX mme_referrals_at ON mme_referrals (at, person) WHERE claim IS NULL',
    'CREATE INDEX mme_referrals_ref ON mme_referrals (ref, channel, person, at) WHERE claim IS NULL',
    'CREATE INDEX mme_referrals_channel ON mme_referrals (channel, person, at) WHERE claim IS NULL',
    'CREATE INDEX mme_referrals_source ON mme_referrals (source, person, at) WHERE claim IS NULL',
    'CREATE INDEX mme_referrals_person ON mme_referrals (person, at)',
    // Each person's first referral ever, kept as referrals are recorded: the smallest (at, key)
    // wins, whatever order receivers record them in, so "new people" needs no scan of history.
    `CREATE TABLE mme_people (
      person TEXT PRIMARY KEY,
      first_at BIGINT NOT NULL,
      first_key TEXT NOT NULL,
      channel TEXT NOT NULL,
      ref TEXT,
      source TEXT
    )`,
    'CREATE INDEX mme_people_first_at ON mme_people (first_at)',
    'CREATE INDEX mme_people_ref ON mme_people (ref, channel, first_at)',
    // Clicks on the kit's buttons, counted by the receiver: nothing about the visitor.
    `CREATE TABLE mme_clicks (
      at BIGINT NOT NULL,
      channel TEXT NOT NULL,
      ref TEXT,
      kind TEXT,
      path TEXT,
      handoff TEXT
    )`,
    'CREATE INDEX mme_clicks_at ON mme_clicks (at)',
    'CREATE INDEX mme_clicks_ref ON mme_clicks (ref, channel, at)',
  ],
];

/** The schema version this kit writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Creates the tables on first use and migrates an older schema forward, under a lock, so that
 * receivers started at the same moment on a new database create it once.
 * @throws {StoreError} `schema-newer` when a newer kit made the database.
 */
export async function migrate(engine: Engine, migrations: readonly (readonly string[])[] = MIGRATIONS): Promise<number> {
  return engine.transaction(async (query) => {
    await query('CREATE TABLE IF NOT EXISTS mme_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const [row] = await query("SELECT value FROM mme_meta WHERE name = 'schema'");
    const version = row ? Number(row.value) : 0;
    if (version > migrations.length) {
      throw new StoreError('schema-newer', engine.field, `the database has schema version ${version}, made by a newer mme-kit; this one knows versions up to ${migrations.length}: upgrade mme-kit to use it`);
    }
    for (let next = version; next < migrations.length; next++) for (const statement of migrations[next]) await query(statement);
    if (version < migrations.length) {
      await query(version ? "UPDATE mme_meta SET value = ? WHERE name = 'schema'" : "INSERT INTO mme_meta (name, value) VALUES ('schema', ?)", [String(migrations.length)]);
    }
    return migrations.length;
  });
}
