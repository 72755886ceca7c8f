import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

/** `code` bundled against the built dist/ files and minified, as a user's bundler would. */
async function minified(code: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  return result.outputFiles[0].contents;
}

/** Bytes of `code` bundled against the built dist/ files, minified, then gzip -9. */
const gzipSize = async (code: string): Promise<number> => gzipSync(await minified(code), { level: 9 }).length;

const KB = 1024;

/**
 * SPEC §8 budgets, on what a user's bundler takes from the built package: each builder of
 * mme-kit/link, and each way of importing mme-kit/webhook, within 1.5 KB. Where this departs from
 * SPEC (the README's "Size" section says so too):
 * - the checker with the dispatching builder (2 KB) and the parser (1.75 KB) know all three kinds
 *   of link since ig.me links joined m.me and m.me/rn ones; each builder alone still fits 1.5 KB;
 * - the whole mme-kit/link entry (3.5 KB: three kinds of link, and ref templates that fold
 *   accented and non-Latin paths into distinct refs).
 * The whole endpoint (createWebhookHandler, toNodeListener) and mme-kit/store are server-only: SPEC
 * §8 gives them no gzip budget but benchmarks (`npm run bench`: deliveries per second, reports).
 * readReferrals and the signature checks keep theirs: they also run in edge functions.
 */
/**
 * A size allowed over SPEC's target for a while: how much, why, as measured on which day, and
 * until when. Past that day the test fails, so that the waiver is looked at again.
 */
interface Waiver {
  readonly limit: number;
  readonly why: string;
  readonly measured: string;
  readonly until: string;
}

/** Refusing Facebook addresses that name no Page (sharer, messages, marketplace…) costs each Messenger builder about 100 B. */
const notPages: Waiver = {
  limit: 1650,
  why: 'pasted Facebook addresses that name no Page (sharer, messages, marketplace, login…) are refused in plain words, where they used to become a link to m.me/sharer',
  measured: '2026-12-03: chatLink 1,625 B, optinLink 1,634 B (1,525 B and 1,534 B before)',
  until: '2027-03-31',
};

const budgets: { name: string; code: string; limit: number; waiver?: Waiver }[] = [
  { name: 'mme-kit/link: chatLink', code: "export { chatLink } from './dist/link/index.js'", limit: 1.5 * KB, waiver: notPages },
  { name: 'mme-kit/link: optinLink', code: "export { optinLink } from './dist/link/index.js'", limit: 1.5 * KB, waiver: notPages },
  { name: 'mme-kit/link: instagramLink', code: "export { instagramLink } from './dist/link/index.js'", limit: 1.5 * KB },
  { name: 'mme-kit/link: messengerLink + checkLink', code: "export { messengerLink, checkLink } from './dist/link/index.js'", limit: 2 * KB },
  { name: 'mme-kit/link: parseLink', code: "export { parseLink } from './dist/link/index.js'", limit: 1.75 * KB },
  { name: 'mme-kit/link: expandRef + pageContext', code: "export { expandRef, pageContext } from './dist/link/index.js'", limit: 1.5 * KB },
  { name: 'mme-kit/link: the whole entry', code: "export * from './dist/link/index.js'", limit: 3.5 * KB },
  { name: 'mme-kit/webhook: readReferrals', code: "export { readReferrals } from './dist/webhook/index.js'", limit: 1.5 * KB },
  { name: 'mme-kit/webhook: verifySignature + verifySubscription', code: "export { verifySignature, verifySubscription } from './dist/webhook/index.js'", limit: 1.5 * KB },
];

describe('size budgets (minified + gzip -9)', () => {
  for (const { name, code, limit, waiver } of budgets) {
    it(`${name} ≤ ${waiver ? `${waiver.limit} B (SPEC: ${limit} B; waiver until ${waiver.until})` : `${limit} B`}`, async () => {
      const size = await gzipSize(code);
      console.log(`${name}: ${size} B of ${waiver?.limit ?? limit} B${waiver ? ` (over SPEC's ${limit} B under a waiver until ${waiver.until}: ${waiver.why}; measured ${waiver.measured})` : ''}`);
      if (waiver) assert.ok(new Date().toISOString().slice(0, 10) <= waiver.until, `${name}: its waiver ran out on ${waiver.until}: meet SPEC's ${limit} B or renew it with a new measurement`);
      assert.ok(size <= (waiver?.limit ?? limit), `${name} is ${size} B, over its ${waiver ? 'waiver' : 'budget'} of ${waiver?.limit ?? limit} B`);
    });
  }

  it('the npm build imports its dependencies, so that an app bundles one copy of each', () => {
    assert.ok(!existsSync('dist/node_modules'), 'no dependency is copied into dist/');
    assert.match(readFileSync('dist/components/internal/link-element.js', 'utf8'), /from "lit"/);
    assert.match(readFileSync('dist/qr/matrix.js', 'utf8'), /from "qrcode\/lib\/core\/qrcode.js"/);
  });

  it('a minified bundle still refuses a broken character with a LinkError, never a URIError', async () => {
    // A minifier drops a call whose result is unused when it deems it pure, as it does encodeURIComponent.
    const code = new TextDecoder().decode(await minified("export { chatLink, instagramLink, checkLink } from './dist/link/index.js'"));
    const link = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    for (const build of [() => link.chatLink({ page: 'OriginalCoastClothing', ref: 'a\uD800' }), () => link.instagramLink({ username: 'coast', ref: '\uDC00' })]) {
      assert.throws(build, (error: Error) => error.name === 'LinkError' && (error as Error & { code: string }).code === 'ref-invalid');
    }
    assert.equal(link.checkLink({ page: 'OriginalCoastClothing', text: '\uD800' })[0].code, 'text-invalid');
  });

  it('mme-kit/link and mme-kit/webhook have no side effects: importing nothing keeps nothing', async () => {
    for (const entry of ['link', 'webhook']) {
      const size = await gzipSize(`import './dist/${entry}/index.js'`);
      assert.ok(size <= 25, `importing mme-kit/${entry} for nothing still keeps ${size} B`);
    }
  });
});
