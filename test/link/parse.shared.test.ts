import { expect } from 'chai';
import { LinkError, parseLink } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

describe('parseLink', () => {
  const cases: { url: string; expected: object }[] = [
    { url: 'https://m.me/OriginalCoastClothing', expected: { kind: 'chat', page: 'OriginalCoastClothing' } },
    { url: 'm.me/OriginalCoastClothing?ref=summer_coupon', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'summer_coupon' } },
    { url: 'http://m.me/OriginalCoastClothing?text=Hello%20and%20Welcome', expected: { kind: 'chat', page: 'OriginalCoastClothing', text: 'Hello and Welcome' } },
    { url: 'm.me/rn/OriginalCoastClothing?topic=weekly%20deals&cadence=weekly', expected: { kind: 'optin', page: 'OriginalCoastClothing', topic: 'weekly deals', cadence: 'weekly' } },
    { url: 'https://www.m.me/OriginalCoastClothing/?text=a+b&ref=r', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'r', text: 'a b' } },
    { url: '  HTTPS://M.ME/OriginalCoastClothing?utm_source=mail&ref=x#top  ', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'x' } },
    { url: 'https://m.me/rn/OriginalCoastClothing?cadence=MONTHLY&ref=r&topic=deals', expected: { kind: 'optin', page: 'OriginalCoastClothing', topic: 'deals', cadence: 'monthly', ref: 'r' } },
    { url: '//m.me/106123456789012?ref=a%3Db', expected: { kind: 'chat', page: '106123456789012', ref: 'a=b' } },
    { url: 'https://m.me/OriginalCoastClothing?ref=first&ref=second&ref=', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'first' } },
    { url: 'https://m.me/OriginalCoastClothing?ref=&text=', expected: { kind: 'chat', page: 'OriginalCoastClothing' } },
    { url: 'https://m.me/OriginalCoastClothing?text=1%2B1%3D2%20%26%20caf%C3%A9', expected: { kind: 'chat', page: 'OriginalCoastClothing', text: '1+1=2 & café' } },
    // A browser drops tabs and line breaks inside a URL, and decodes parameter names as Meta does.
    { url: 'https://m.me/OriginalCoastClothing?ref=a\nb\tc\r', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'abc' } },
    { url: 'm.me/OriginalCoastClothing?r%65f=evil', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'evil' } },
    // …and control characters and spaces at either end, so the ref is the one a browser sends.
    { url: ' https://m.me/x.shop?ref=a\u0000', expected: { kind: 'chat', page: 'x.shop', ref: 'a' } },
    { url: '\u0001\u001fhttps://m.me/OriginalCoastClothing?ref=b \u0000\u0007\u001f', expected: { kind: 'chat', page: 'OriginalCoastClothing', ref: 'b' } },
    // ig.me: Meta documents both /m/NAME (Instagram Messaging) and NAME (Instagram Login).
    { url: 'https://ig.me/m/originalcoastclothing?ref=bio', expected: { kind: 'instagram', username: 'originalcoastclothing', ref: 'bio' } },
    { url: 'ig.me/original.coast_clothing', expected: { kind: 'instagram', username: 'original.coast_clothing' } },
    { url: 'HTTPS://WWW.IG.ME/m/coast/?utm_source=x&ref=a%3Db', expected: { kind: 'instagram', username: 'coast', ref: 'a=b' } },
  ];
  for (const { url, expected } of cases) {
    it(`reads ${JSON.stringify(url)}`, () => expect(parseLink(url)).to.deep.equal(expected));
  }

  const bad: { url: unknown; code: string }[] = [
    { url: 'https://example.com/OriginalCoastClothing', code: 'not-messenger-link' },
    { url: 'https://m.me.evil.example/OriginalCoastClothing', code: 'not-messenger-link' },
    { url: 'https://evil.example/?u=m.me/OriginalCoastClothing', code: 'not-messenger-link' },
    { url: 'javascript:alert(1)//m.me/x', code: 'not-messenger-link' },
    { url: 'ftp://m.me/OriginalCoastClothing', code: 'not-messenger-link' },
    { url: 'https://m.me/a/b', code: 'not-messenger-link' },
    { url: 'https://m.me/OriginalCoastClothing?ref=%E0%A4%A', code: 'not-messenger-link' },
    { url: 42, code: 'not-messenger-link' },
    { url: null, code: 'not-messenger-link' },
    { url: Object.create(null), code: 'not-messenger-link' },
    { url: { toString: () => 'https://m.me/x' }, code: 'not-messenger-link' },
    { url: 'https://m.me/.', code: 'page-invalid' },
    { url: 'https://m.me/..?ref=x', code: 'page-invalid' },
    { url: 'https://m.me/', code: 'page-missing' },
    { url: 'https://m.me/PAGE-NAME', code: 'page-invalid' },
    { url: 'https://m.me/%3Cscript%3E', code: 'page-invalid' },
    { url: 'https://m.me/rn/OriginalCoastClothing', code: 'topic-missing' },
    { url: 'https://m.me/rn/OriginalCoastClothing?topic=a&cadence=hourly', code: 'cadence-invalid' },
    { url: 'https://m.me/rn/OriginalCoastClothing?topic=a&text=hi', code: 'text-on-optin' },
    { url: `https://m.me/OriginalCoastClothing?ref=${'a'.repeat(2084)}`, code: 'ref-too-long' },
    { url: 'https://ig.me.evil.example/m/coast', code: 'not-messenger-link' },
    { url: 'https://ig.me/m/', code: 'username-missing' },
    { url: 'https://ig.me/m/coast-clothing', code: 'username-invalid' },
    { url: `https://ig.me/m/${'a'.repeat(31)}`, code: 'username-invalid' },
    { url: 'https://ig.me/m/..', code: 'username-invalid' },
    { url: 'https://ig.me/rn/coast?topic=deals', code: 'not-messenger-link' },
    // ig.me carries no prefilled text: a link that asks for one is refused, not read without it.
    { url: 'https://ig.me/m/coast?text=hi', code: 'text-on-instagram' },
    { url: `https://ig.me/m/coast?ref=${'a'.repeat(2084)}`, code: 'ref-too-long' },
  ];
  for (const { url, code } of bad) {
    it(`rejects ${typeof url == 'string' ? url.slice(0, 60) : typeof url} with ${code}`, () => {
      expect(() => parseLink(url as string)).to.throw(LinkError).with.property('code', code);
    });
  }
});
