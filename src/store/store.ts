import { createHmac } from 'node:crypto';
import { type Claim, type Click, type ClickStore, type RecordOutcome, type Referral, type ReferralStore, referralKey } from '../webhook/index.js';
import type { Engine, Query } from './engine.js';
import { StoreError } from './errors.js';
import { type DailyCount, type Report, type ReportQuery, daily, report } from './report.js';
import { batched } from './group-commit.js';
import { migrate } from './schema.js';

export interface StoreOptions {
  /**
   * The key of the hashes that stand for people and referrals at rest: the app secret (HMAC-SHA256).
   * Required to record or forget; reading a report needs none. Another secret counts returning
   * people as new and redeliveries made under the old one as new.
   */
  readonly secret?: string;
  /** Also keep each person's raw ID (PSID, IGSID) and each opt-in's token beside the hash. @default false */
  readonly keepIds?: boolean;
}

/** Referrals and clicks in a database, each conversation once, on one machine or many. */
export interface Store extends ReferralStore, ClickStore {
  /** `sqlite` or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /** The funnel per group, aggregated in the database: memory does not grow with the referrals. */
  report(query?: ReportQuery): Promise<Report>;
  /** Clicks and chats per day and channel over a range (`since`, `until`, `timeZone` as for a report), for a chart. */
  daily(query?: Omit<ReportQuery, 'by' | 'channel'>): Promise<DailyCount[]>;
  /** Removes every referral of one person, named by the ID Meta gave them; resolves to how many. */
  forget(id: string): Promise<number>;
  /** Resolves when the database answers; rejects with a `StoreError` when it does not. */
  health(): Promise<void>;
  close(): Promise<void>;
}

/** One `record` call: a delivery's referrals, and the claim of its callback if it has one. */
type Call = { readonly referrals: readonly Referral[]; readonly claim?: Claim };

const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const hash = (secret: string, kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url').slice(0, 22);
const personOf = (r: Referral) => r.psid ?? r.userRef;

/** The one store, on either engine (closed again when it cannot be made): every statement here is SQL both engines run. */
export async function createStore(engine: Engine, options: StoreOptions = {}): Promise<Store> {
  try {
    return await storeOn(engine, options);
  } catch (error) {
    await engine.close();
    throw error;
  }
}

async function storeOn(engine: Engine, options: StoreOptions): Promise<Store> {
  const { secret, keepIds = false } = options;
  if (secret !== undefined && (typeof secret !== 'string' || !secret)) throw new StoreError('secret-missing', 'secret', 'secret must be the app secret, a non-empty string');
  await migrate(engine);
  const needSecret = (): string => {
    if (!secret) throw new StoreError('secret-missing', 'secret', 'secret is missing: the store hashes people and referrals with the app secret before it keeps them; open it with { secret }');
    return secret;
  };
  const keyOf = (r: Referral) => hash(needSecret(), 'key', referralKey(r));

  /** Text as both engines keep it: PostgreSQL's text cannot hold U+0000, which no real ref has. */
  const clean = (value: string | undefined) => (value === undefined ? null : value.replace(/\u0000/g, '\ufffd'));

  /**
   * Records the deliveries of one batch: one multi-row insert-if-absent on the keys, one read of
   * the keys that were there, one update of each new person's first referral, in one
   * transaction. Keys go in one order, so that two receivers never wait on each other.
   */
  async function recordAll(query: Query, calls: readonly Call[]): Promise<RecordOutcome[][]> {
    const now = Date.now();
    const outcomes = calls.map((call) => new Array<RecordOutcome>(call.referrals.length));
    // Each referral's key and person hashed once; copies of one referral grouped under its key.
    type Item = { call: number; index: number; key: string; r: Referral; at: number; person: string | null };
    const byKey = new Map<string, Item[]>();
    calls.forEach((call, c) =>
      call.referrals.forEach((r, index) => {
        const id = personOf(r);
        const item = { call: c, index, key: keyOf(r), r, at: r.timestamp || now, person: id ? hash(needSecret(), 'person', id) : null };
        const copies = byKey.get(item.key);
        if (copies) copies.push(item);
        else byKey.set(item.key, [item]);
      }),
    );
    const keys = [...byKey.keys()].sort();
    const set = (item: Item, outcome: RecordOutcome) => (outcomes[item.call][item.index] = outcome);

    const inserted = new Set<string>();
    for (const chunk of chunks(keys, 200)) {
      const values = chunk.flatMap((key) => {
        const { r, at, call, person } = byKey.get(key)![0];
        const claim = calls[call].claim;
        return [key, at, now, r.channel, r.via, clean(r.pageId) ?? '', person, keepIds ? clean(personOf(r)) : null,
          clean(r.ref), clean(r.source), clean(r.type), clean(r.adId), clean(r.refererUri), clean(r.payload), clean(r.optin?.topic),
          keepIds && r.optin ? clean(JSON.stringify(r.optin)) : null, claim?.id ?? null, claim ? now + claim.leaseMs : null];
      });
      const rows = await query(
        `INSERT INTO mme_referrals (key, at, received_at, channel, via, page_id, person, person_id, ref, source, type, ad_id, referer_uri, payload, topic, optin, claim, claim_until)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (key) DO NOTHING RETURNING key`,
        values,
      );
      for (const row of rows) inserted.add(String(row.key));
    }

    const existing = new Map<string, { claim: string | null; until: number }>();
    for (const chunk of chunks(keys.filter((key) => !inserted.has(key)), 500)) {
      for (const row of await query(`SELECT key, claim, claim_until FROM mme_referrals WHERE key IN (${chunk.map(() => '?').join(', ')})`, chunk)) {
        existing.set(String(row.key), { claim: row.claim === null ? null : String(row.claim), until: Number(row.claim_until) });
      }
    }

    const firsts = new Map<string, { key: string; at: number; r: Referral }>();
    for (const key of keys) {
      const [first, ...copies] = byKey.get(key)!;
      let owner: Item | undefined;
      if (inserted.has(key)) owner = first;
      else {
        const row = existing.get(key);
        if (row && row.claim === null) {
          for (const item of [first, ...copies]) set(item, 'known');
          continue;
        }
        // Claimed by a callback whose process died: the first caller with a claim takes it over.
        const heir = row && row.until < now ? [first, ...copies].find((item) => calls[item.call].claim) : undefined;
        if (heir) {
          const claim = calls[heir.call].claim!;
          const taken = await query('UPDATE mme_referrals SET claim = ?, claim_until = ? WHERE key = ? AND claim IS NOT NULL AND claim_until < ? RETURNING key', [claim.id, now + claim.leaseMs, key, now]);
          if (taken.length) owner = heir;
        }
        // Held by a running callback, or gone since (a failed callback removed it): new again on the next try.
        if (!owner) {
          for (const item of [first, ...copies]) set(item, 'busy');
          continue;
        }
      }
      set(owner, 'new');
      // Copies of the same referral: in the same call, the one referral; in another, held by this one.
      for (const item of [first, ...copies]) if (item !== owner) set(item, item.call === owner.call || !calls[owner.call].claim ? 'known' : 'busy');
      if (!calls[owner.call].claim && owner.person) {
        const kept = firsts.get(owner.person);
        if (!kept || owner.at < kept.at || (owner.at === kept.at && key < kept.key)) firsts.set(owner.person, { key, at: owner.at, r: owner.r });
      }
    }
    for (const chunk of chunks([...firsts], 200)) await countPeople(query, chunk);
    return outcomes;
  }

  /** Counts each recorded referral as its person's first, where it is older than the one kept. */
  const countPeople = (query: Query, people: [string, { key: string; at: number; r: Referral }][]) =>
    query(
      `INSERT INTO mme_people (person, first_at, first_key, channel, ref, source) VALUES ${people.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (person) DO UPDATE SET first_at = excluded.first_at, first_key = excluded.first_key, channel = excluded.channel, ref = excluded.ref, source = excluded.source
       WHERE excluded.first_at < mme_people.first_at OR (excluded.first_at = mme_people.first_at AND excluded.first_key < mme_people.first_key)`,
      people.flatMap(([person, { key, at, r }]) => [person, at, key, r.channel, clean(r.ref), clean(r.source)]),
    );

  /** The deliveries that arrive together share one transaction; if it fails, each is tried alone, so that one cannot sink the rest. */
  const record = batched<Call, RecordOutcome[]>(engine.gatherMs, async (calls) => {
    try {
      return await engine.transaction((query) => recordAll(query, calls));
    } catch (error) {
      if (calls.length === 1) return [asError(error)];
      return Promise.all(calls.map((call) => engine.transaction((query) => recordAll(query, [call])).then((outcomes) => outcomes[0], asError)));
    }
  });

  /**
   * Clicks that arrive together share one short transaction, apart from the deliveries', so that
   * a burst of beacons takes one turn at the database and Meta's deliveries never queue behind it.
   */
  const click = batched<readonly Click[], void>(engine.gatherMs, async (calls) => {
    const rows = calls.flat();
    try {
      await engine.transaction(async (query) => {
        for (const chunk of chunks(rows, 300)) {
          await query(
            `INSERT INTO mme_clicks (at, channel, ref, kind, path, handoff) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
            chunk.flatMap((c) => [c.at, c.channel, clean(c.ref), c.kind ?? null, clean(c.path), c.handoff ?? null]),
          );
        }
      });
      return calls.map(() => undefined);
    } catch (error) {
      return calls.map(() => asError(error));
    }
  });

  return {
    engine: engine.name,
    record: (referrals: readonly Referral[], claim?: Claim) => record({ referrals, claim }),
    click: async (clicks) => {
      if (clicks.length) await click(clicks);
    },

    async settle(referral, claim, outcome) {
      const key = keyOf(referral);
      await engine.transaction(async (query) => {
        if (outcome === 'failed') {
          await query('DELETE FROM mme_referrals WHERE key = ? AND claim = ?', [key, claim.id]);
          return;
        }
        const [done] = await query('UPDATE mme_referrals SET claim = NULL, claim_until = NULL WHERE key = ? AND claim = ? RETURNING at', [key, claim.id]);
        const person = personOf(referral);
        if (done && person) await countPeople(query, [[hash(needSecret(), 'person', person), { key, at: Number(done.at), r: referral }]]);
      });
    },

    report: (query = {}) => report(engine, query),
    daily: (query = {}) => daily(engine, query),

    async forget(id) {
      if (typeof id !== 'string' || !id.trim()) throw new StoreError('id-missing', 'id', 'id is missing: give the PSID, IGSID or user_ref of the person to forget');
      const person = hash(needSecret(), 'person', id.trim());
      return engine.transaction(async (query) => {
        const removed = await query('DELETE FROM mme_referrals WHERE person = ? RETURNING key', [person]);
        await query('DELETE FROM mme_people WHERE person = ?', [person]);
        return removed.length;
      });
    },

    async health() {
      await engine.query('SELECT 1 AS ok');
    },

    close: () => engine.close(),
  };
}
