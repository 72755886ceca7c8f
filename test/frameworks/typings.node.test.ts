import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Type-checks code a React, Vue or Svelte app would write against the built typings
 * (mme-kit/jsx, mme-kit/preact, mme-kit/solid, mme-kit/vue, mme-kit/svelte), as an app inside this package would resolve them.
 * Each file also holds a wrong value under @ts-expect-error, so a typing that accepted anything
 * would fail the check.
 */
const fixtures: Record<string, string> = {
  'react.ts': `import type {} from 'mme-kit/jsx';
import type { JSX } from 'react';
const clicks: string[] = [];
export const ok: JSX.IntrinsicElements['mme-chat-button'] = { page: 'OriginalCoastClothing', variant: 'outline', 'greeting-delay': 2, 'remember-dismiss': true, 'onmme-click': (event) => void clicks.push(event.detail.href) };
export const code: JSX.IntrinsicElements['mme-qr-code'] = { value: 'https://m.me/OriginalCoastClothing', 'error-correction': 'H', logo: true };
// @ts-expect-error variant is filled, outline or icon
export const bad: JSX.IntrinsicElements['mme-chat-button'] = { variant: 'round' };
`,
  'preact.ts': `import type {} from 'mme-kit/preact';
import type { JSX } from 'preact';
export const ok: JSX.IntrinsicElements['mme-chat-button'] = { page: 'OriginalCoastClothing', size: 'large', 'onmme-click': (event) => console.log(event.detail.kind) };
// @ts-expect-error size is small, medium or large
export const bad: JSX.IntrinsicElements['mme-chat-button'] = { size: 'huge' };
`,
  'solid.ts': `import type {} from 'mme-kit/solid';
import type { JSX } from 'solid-js';
export const ok: JSX.IntrinsicElements['mme-chat-button'] = { page: 'OriginalCoastClothing', handoff: 'qr', 'on:mme-click': (event) => console.log(event.detail.ref) };
// @ts-expect-error handoff is qr, or left out
export const bad: JSX.IntrinsicElements['mme-chat-button'] = { handoff: 'popup' };
`,
  'vue.ts': `import type {} from 'mme-kit/vue';
import type { GlobalComponents } from 'vue';
type Props = InstanceType<GlobalComponents['mme-chat-button']>['$props'];
export const ok: Props = { page: 'OriginalCoastClothing', position: 'bottom-left', 'on-accent': '#fff' };
// @ts-expect-error position is inline, bottom-right or bottom-left
export const bad: Props = { position: 'top' };
`,
  'svelte.ts': `import type {} from 'mme-kit/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
export const ok: SvelteHTMLElements['mme-qr-code'] = { page: 'OriginalCoastClothing', size: 256, 'onmme-invalid': (event) => console.log(event.detail.problems.length) };
// @ts-expect-error size is a number of pixels
export const bad: SvelteHTMLElements['mme-qr-code'] = { size: 'big' };
`,
};

describe('the generated typings for React, Preact and Solid JSX, Vue and Svelte (from custom-elements.json)', () => {
  it('type-check what an app writes, and refuse a wrong value', () => {
    const dir = join('test-output', 'typings');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, code] of Object.entries(fixtures)) writeFileSync(join(dir, name), code);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: true, types: [], useDefineForClassFields: false, experimentalDecorators: true }, include: ['*.ts'] }));
    const result = spawnSync('node_modules/.bin/tsc', ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});
