import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedWebsiteRef } from '../../demo/snippets.js';

describe("the website's fixed ref, for the element's no-JavaScript link", () => {
  const cases: { template: string; expected: string }[] = [
    { template: 'web-{path}', expected: 'web' },
    { template: 'promo-{query.utm_source|direct}', expected: 'promo' },
    { template: '{host}-shop-{path}-{lang}', expected: 'shop' },
    { template: 'pricing-page', expected: 'pricing-page' },
    { template: '{path}', expected: 'website' },
    { template: '', expected: 'website' },
    { template: 'a{{b}}', expected: 'a-b' },
  ];
  for (const { template, expected } of cases) it(`${JSON.stringify(template)} → ${expected}`, () => assert.equal(fixedWebsiteRef(template), expected));
});
