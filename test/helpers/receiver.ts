// `mme webhook` started as an operator starts it, for the tests that talk to it over HTTP: the
// built CLI in a child process on a free port, and what Meta and a browser send it.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { freshPostgres } from './postgres.js';

export const BIN = 'dist/cli/mme.js';
export const SECRET = 'receiver-secret';
export const PAGE_ID = '106123456789012';
export const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
/** A signed-to-be delivery of one referral, from person-I with REF, at a time of its own (or AT). */
export const delivery = (i: number, ref = `d${i}`, at = 1764547200000 + i) =>
  JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging: [{ sender: { id: `person-${i}` }, recipient: { id: PAGE_ID }, timestamp: at, referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } }] }] });
export const env = { ...process.env, MME_APP_SECRET: SECRET, TZ: 'UTC' };
export const sqliteDb = () => join(mkdtempSync(join(tmpdir(), 'mme-receiver-')), 'mme.db');

const running: ChildProcess[] = [];
export const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  running.forEach((child) => child.kill('SIGKILL'));
  for (const cleanup of cleanups) await cleanup();
});
export const postgresDb = async () => {
  const db = await freshPostgres();
  cleanups.push(db.drop);
  return db.url;
};

export interface Receiver {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts a serving command of the CLI; resolves once it prints `ready` and its address. */
async function serve(args: string[], ready: RegExp, childEnv: NodeJS.ProcessEnv): Promise<Receiver> {
  const child = spawn(BIN, args, { env: childEnv });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let tries = 0; !ready.test(output); tries++) {
    if (tries > 400 || child.exitCode !== null) throw new Error(`mme ${args[0]} did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, base: ready.exec(output)![1], output: () => output, exited };
}

/** Starts `mme webhook` on a free port; resolves once it listens. */
export const receiver = (db: string, extra: string[] = []) => serve(['webhook', '--verify-token', 'tok3n', '--port', '0', '--db', db, ...extra], /Listening on (http:\/\/\S+)\//, env);

/** Starts `mme dashboard` on a free port; resolves once it listens. */
export const dashboard = (db: string, extra: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) => serve(['dashboard', '--port', '0', '--db', db, ...extra], /Dashboard on (http:\/\/\S+)\//, { ...env, ...extraEnv });

/** Meta's delivery of BODY, signed with the app secret unless told otherwise. */
export const post = (base: string, body: string, signature = sign(body)) => fetch(`${base}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
export const mme = (...args: string[]) => spawnSync(BIN, args, { encoding: 'utf8', env, timeout: 60_000 });
/** What `mme report --format json` says of the store. */
export function reportOf(db: string, ...args: string[]) {
  const result = mme('report', '--db', db, '--format', 'json', ...args);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { groups: { group: string | null; channel?: string; clicks: number | null; chats: number | null }[]; total: { clicks: number; chats: number } };
}
/** The refs the store holds, each with how many chats it counts. */
export const stored = (db: string): Map<string, number> => new Map(reportOf(db).groups.filter((g) => g.chats).map((g) => [String(g.group), g.chats!]));
export const SITE = 'https://shop.example';
export const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
/** A click beacon as Chromium's navigator.sendBeacon sends it: text/plain JSON with the page's origin. */
export const beacon = (base: string, body: object | string = { ref: 'web-home', channel: 'messenger', kind: 'chat', path: '/', handoff: 'link' }, headers: Record<string, string> = {}) =>
  fetch(`${base}/click`, { method: 'POST', headers: { origin: SITE, 'user-agent': CHROME, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
export const clicksStored = (db: string) => reportOf(db).total.clicks;
