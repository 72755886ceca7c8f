import { expect } from '@open-wc/testing';
import { captureConsole } from './console.js';

/**
 * Loads a second copy of the kit, the CDN build with its own Lit and its own copy of every
 * element (as a script tag beside an npm build does), then checks that `tag` keeps its first
 * definition, that `check` (drawing the element) passes, and that nothing logged an error.
 */
export async function expectSecondCopyKeepsFirst(tag: string, check: () => Promise<void>): Promise<void> {
  const first = customElements.get(tag);
  const console = captureConsole();
  try {
    await import('/dist/cdn/elements.js' as string);
    expect(customElements.get(tag), 'the first definition stays').to.equal(first);
    await check();
    expect(console.errors).to.deep.equal([]);
  } finally {
    console.restore();
  }
}
