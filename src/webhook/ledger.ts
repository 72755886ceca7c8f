import type { Referral } from './referrals.js';

/**
 * What tells one referral from another, the same in every process and after every restart: Meta
 * sends the same event again with the same fields. Meta's message id where the event has one
 * (postbacks, messages), else the fields that make the event (a referral of an existing thread
 * carries no id). The key holds the person's ID: a store that keeps it should hash it, as the
 * stores of `mme-kit/store` do.
 * @example referralKey(referral) // '["messenger","mid","m_AG5Hz2U…"]'
 */
export function referralKey(referral: Referral): string {
  const r = referral;
  if (r.messageId) return JSON.stringify([r.channel, 'mid', r.messageId]);
  return JSON.stringify([r.channel, r.via, r.pageId, r.psid ?? r.userRef ?? '', r.timestamp, r.ref ?? '', r.optin?.token ?? '']);
}

/** What became of one referral when a delivery was recorded. */
export type RecordOutcome =
  /** New: recorded now (and, with a claim, this caller's to run the callback for). */
  | 'new'
  /** Recorded before: a redelivery or a concurrent copy that has finished. */
  | 'known'
  /** Claimed by another caller whose callback has not finished yet. */
  | 'busy';

/** A caller's hold on the referrals it runs a callback for, until it settles them. */
export interface Claim {
  /** Tells this caller's claims from any other's: a random id per delivery. */
  readonly id: string;
  /** How long the claim holds if its caller dies before settling it, in milliseconds. */
  readonly leaseMs: number;
}

/**
 * Where the webhook handler records referrals, so that each is handled once: in this process,
 * across processes that share the store, and after a restart. There is no "has, then add": one
 * call decides, atomically, which referrals are new. `mme-kit/store` has SQLite and PostgreSQL
 * stores; `memoryStore()` keeps them in this process only.
 */
export interface ReferralStore {
  /**
   * Records each referral whose key (`referralKey`) is not recorded yet, all of them in one
   * transaction that is durable when the promise resolves. With a claim, the new ones are held
   * for the caller until `settle`; a claim whose lease ran out is taken over as new.
   * @returns one outcome per referral, in order.
   */
  record(referrals: readonly Referral[], claim?: Claim): Promise<RecordOutcome[]>;
  /**
   * Ends a claim on one referral: `done` keeps it recorded; `failed` removes it, so that Meta's
   * redelivery finds it new again. A claim that another caller took over is left alone.
   */
  settle(referral: Referral, claim: Claim, outcome: 'done' | 'failed'): Promise<void>;
}

interface Entry {
  claim: string | null;
  until: number;
  at: number;
}

/**
 * A `ReferralStore` in this process's memory: the handler's default. It keeps the last `size`
 * keys for `maxAgeMs` (Meta retries for 36 hours), and forgets them all on a restart; a receiver
 * that must count each conversation once across restarts or instances uses `mme-kit/store`.
 */
export function memoryStore(size = 10_000, maxAgeMs = 48 * 3600_000): ReferralStore {
  const entries = new Map<string, Entry>();
  const live = (entry: Entry | undefined, now: number) => entry !== undefined && now - entry.at < maxAgeMs;
  return {
    async record(referrals, claim) {
      const now = Date.now();
      return referrals.map((referral) => {
        const key = referralKey(referral);
        const entry = entries.get(key);
        if (live(entry, now)) {
          if (entry!.claim === null) return 'known';
          if (!claim || entry!.until > now) return 'busy';
        }
        entries.delete(key);
        entries.set(key, { claim: claim?.id ?? null, until: claim ? now + claim.leaseMs : 0, at: now });
        // A Map iterates in insertion order: the first keys are the oldest.
        for (const oldest of entries.keys()) {
          if (entries.size <= size) break;
          entries.delete(oldest);
        }
        return 'new';
      });
    },
    async settle(referral, claim, outcome) {
      const key = referralKey(referral);
      const entry = entries.get(key);
      if (entry?.claim !== claim.id) return;
      if (outcome === 'done') entry.claim = null;
      else entries.delete(key);
    },
  };
}
