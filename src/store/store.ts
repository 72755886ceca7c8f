import { createHmac } from 'node:crypto';
import { type Claim, type RecordOutcome, type Referral, type ReferralStore, referralKey } from '../webhook/index.js';
import type { Engine, Query } from './engine.js';
import { StoreError } from './errors.js';
import { type Report, type ReportQuery, report } from './report.js';
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
export interface Store extends ReferralStore {
  /** `sqlite` or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /** The funnel per group, aggregated in the database: memory does not grow with the referrals. */
  report(query?: ReportQuery): Promise<Report>;
  /** Removes every referral of one person, named by the ID Meta gave them; resolves to how many. */
  forget(id: string): Promise<number>;
  /** Resolves when the database answers; rejects with a `StoreError` when it does not. */
  health(): Promise<void>;
  close(): Promise<void>;
}

const hash = (secret: string, kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url').slice(0, 22);
const personOf = (r: Referral) => r.psid ?? r.userRef;

/** The one store, on either engine: every statement here is SQL both engines run. */
export async function createStore(engine: Engine, options: StoreOptions = {}): Promise<Store> {
  const { secret, keepIds = false } = options;
  if (secret !== undefined && (typeof secret !== 'string' || !secret)) throw new StoreError('secret-missing', 'secret', 'secret must be the app secret, a non-empty string');
  await migrate(engine);
  const needSecret = (): string => {
    if (!secret) throw new StoreError('secret-missing', 'secret', 'secret is missing: the store hashes people and referrals with the app secret before it keeps them; open it with { secret }');
    return secret;
  };
  const keyOf = (r: Referral) => hash(needSecret(), 'key', referralKey(r));

  /** Counts a recorded referral as its person's first, when it is older than the one kept. */
  const countPerson = (query: Query, key: string, r: Referral, at: number) => {
    const person = personOf(r);
    if (!person) return Promise.resolve([]);
    return query(
      `INSERT INTO mme_people (person, first_at, first_key, channel, ref, source) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (person) DO UPDATE SET first_at = excluded.first_at, first_key = excluded.first_key, channel = excluded.channel, ref = excluded.ref, source = excluded.source
       WHERE excluded.first_at < mme_people.first_at OR (excluded.first_at = mme_people.first_at AND excluded.first_key < mme_people.first_key)`,
      [hash(needSecret(), 'person', person), at, key, r.channel, r.ref ?? null, r.source ?? null],
    );
  };

  return {
    engine: engine.name,
    async record(referrals: readonly Referral[], claim?: Claim): Promise<RecordOutcome[]> {
      const now = Date.now();
      const keys = referrals.map(keyOf);
      // Keys in one order in every transaction, so that two receivers never wait on each other.
      const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
      return engine.transaction(async (query) => {
        const outcomes: RecordOutcome[] = new Array(referrals.length);
        for (const i of order) {
          const r = referrals[i];
          const key = keys[i];
          const person = personOf(r);
          const inserted = await query(
            `INSERT INTO mme_referrals (key, at, received_at, channel, via, page_id, person, person_id, ref, source, type, ad_id, referer_uri, payload, topic, optin, claim, claim_until)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING key`,
            [key, r.timestamp || now, now, r.channel, r.via, r.pageId, person ? hash(needSecret(), 'person', person) : null, keepIds ? (person ?? null) : null,
              r.ref ?? null, r.source ?? null, r.type ?? null, r.adId ?? null, r.refererUri ?? null, r.payload ?? null, r.optin?.topic ?? null,
              keepIds && r.optin ? JSON.stringify(r.optin) : null, claim?.id ?? null, claim ? now + claim.leaseMs : null],
          );
          if (inserted.length) {
            outcomes[i] = 'new';
            if (!claim) await countPerson(query, key, r, r.timestamp || now);
            continue;
          }
          // There already: recorded, or claimed by a callback that is running or whose process died.
          const taken = claim
            ? await query('UPDATE mme_referrals SET claim = ?, claim_until = ? WHERE key = ? AND claim IS NOT NULL AND claim_until < ? RETURNING key', [claim.id, now + claim.leaseMs, key, now])
            : [];
          if (taken.length) outcomes[i] = 'new';
          else {
            const [row] = await query('SELECT claim FROM mme_referrals WHERE key = ?', [key]);
            // Gone since the insert (a failed callback removed it): new again on the next try.
            outcomes[i] = row && row.claim === null ? 'known' : 'busy';
          }
        }
        return outcomes;
      });
    },

    async settle(referral, claim, outcome) {
      const key = keyOf(referral);
      await engine.transaction(async (query) => {
        if (outcome === 'failed') {
          await query('DELETE FROM mme_referrals WHERE key = ? AND claim = ?', [key, claim.id]);
          return;
        }
        const [done] = await query('UPDATE mme_referrals SET claim = NULL, claim_until = NULL WHERE key = ? AND claim = ? RETURNING at', [key, claim.id]);
        if (done) await countPerson(query, key, referral, Number(done.at));
      });
    },

    report: (query = {}) => report(engine, query),

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
