import { expect } from 'chai';
import { pathMatches } from '../../src/embed/config.js';
import { describe, it } from '../helpers/harness.js';

describe('the embed\'s hide-on globs', () => {
  const cases: { path: string; globs: string; expected: boolean }[] = [
    // What an owner means by /checkout/*: the checkout, and every page under it.
    { path: '/checkout', globs: '/checkout/*', expected: true },
    { path: '/checkout/', globs: '/checkout/*', expected: true },
    { path: '/checkout/pay/card', globs: '/checkout/*', expected: true },
    { path: '/checkouts', globs: '/checkout/*', expected: false },
    { path: '/shop/checkout', globs: '/checkout/*', expected: false },
    { path: '/cart', globs: '/checkout/*, /cart', expected: true },
    { path: '/cart/', globs: '/cart', expected: true },
    { path: '/cart/items', globs: '/cart', expected: false },
    { path: '/blog/2026/a.html', globs: '/blog/*.html', expected: true },
    { path: '/a+b', globs: '/a+b', expected: true },
  ];
  for (const { path, globs, expected } of cases) {
    it(`${expected ? 'hides' : 'shows'} ${path} for ${globs}`, () => expect(pathMatches(path, globs)).to.equal(expected));
  }
});
