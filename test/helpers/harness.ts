/**
 * `describe` and `it` for test files that run both in Chromium (under Mocha) and in Node (under
 * node:test), so the same cases prove a module works in both.
 */
type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => unknown) => void;

const mocha = globalThis as unknown as { describe?: Suite; it?: Test };
// The module name sits in a variable so the browser's import resolver leaves it alone.
const nodeTestModule = 'node:test';
const node: { describe: Suite; it: Test } | undefined = mocha.describe ? undefined : await import(nodeTestModule);

export const describe: Suite = node ? node.describe : mocha.describe!;
export const it: Test = node ? node.it : mocha.it!;
