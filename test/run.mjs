// `npm test`: finds Chromium, typechecks, builds, runs the browser tests (@web/test-runner) and
// the Node tests (node:test, size budgets among them), and ends with one line counting them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const isRoot = process.getuid?.() === 0;

/** A Debian package's binary: found, or installed with apt-get when we are root; else null. */
function debianTool(binary, pkg, candidates = []) {
  const found = candidates.find((path) => path && existsSync(path)) ?? (onPath(binary) ? binary : null);
  if (found || !isRoot || !onPath('apt-get')) return found;
  console.log(`${binary} not found: installing Debian's ${pkg} with apt-get…`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return candidates.find((path) => path && existsSync(path)) ?? (onPath(binary) ? binary : null);
}

const chrome = debianTool('chromium', 'chromium', [process.env.CHROME_PATH, '/usr/bin/chromium']);
if (!chrome) {
  console.error('Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary, then run npm test again.');
  process.exit(1);
}
const zbarimg = debianTool('zbarimg', 'zbar-tools');

const work = mkdtempSync(join(tmpdir(), 'mme-test-'));
const env = { ...process.env, CHROME_PATH: chrome, MME_ZBARIMG: zbarimg ?? '' };
const total = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

/** Runs a step; a step that fails counts as one failure and is named at the end. */
function stage(name, command, args, countFile) {
  console.log(`\n── ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, MME_COUNT_FILE: countFile ?? '' } });
  let counted = false;
  if (countFile && existsSync(countFile)) {
    const counts = JSON.parse(readFileSync(countFile, 'utf8'));
    for (const key of Object.keys(total)) total[key] += counts[key];
    counted = counts.failed > 0;
  }
  if (result.status !== 0) {
    failedStages.push(name);
    if (!counted) total.failed++;
  }
}

const testFiles = (pattern) =>
  readdirSync('test', { recursive: true })
    .map(String)
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => join('test', file));

stage('typecheck', bin('tsc'), ['--noEmit']);
stage('build', 'npm', ['run', 'build', '--silent']);
stage('browser tests (Chromium)', bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], join(work, 'browser.json'));
const nodeCount = join(work, 'node.json');
stage('node tests', process.execPath, [
  '--import', 'tsx',
  '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./test/helpers/node-count-reporter.mjs', `--test-reporter-destination=${nodeCount}`,
  ...testFiles(/\.(node|shared)\.test\.ts$/),
], nodeCount);

if (failedStages.length) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedStages.length ? 1 : 0);
