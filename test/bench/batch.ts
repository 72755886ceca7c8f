// `mme batch` of 50,000 rows, as a chain of shops prints them: time and peak RSS, measured on the
// built CLI. Part of `npm run bench`; also runs alone: node --import tsx test/bench/batch.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BatchBench {
  readonly rows: number;
  readonly seconds: number;
  readonly rssMb: number;
}

export function batchBench(rows = Number(process.env.BENCH_BATCH_ROWS ?? 50_000)): BatchBench {
  const dir = mkdtempSync(join(tmpdir(), 'mme-bench-batch-'));
  try {
    const csv = join(dir, 'stores.csv');
    writeFileSync(csv, ['ref,label', ...Array.from({ length: rows }, (_, i) => `store-${i},Store number ${i}`)].join('\n') + '\n');
    const begin = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'dist/cli/mme.js', 'batch', csv, '--page', 'OriginalCoastClothing', '--logo', '--out', join(dir, 'out')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = (performance.now() - begin) / 1000;
    if (result.status !== 0) throw new Error(`mme batch failed: ${result.stderr}`);
    const written = readdirSync(join(dir, 'out')).length;
    if (written !== rows * 2 + 2) throw new Error(`mme batch wrote ${written} files for ${rows} rows`);
    return { rows, seconds, rssMb: Number(result.stderr.trim().split('\n').at(-1)) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(batchBench());
