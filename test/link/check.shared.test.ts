import { expect } from 'chai';
import { checkLink } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

const page = 'OriginalCoastClothing';
const codes = (options: unknown) => checkLink(options).map((p) => `${p.severity}:${p.code}:${p.field}`);

describe('checkLink', () => {
  const cases: { name: string; options: unknown; expected: string[] }[] = [
    { name: 'a valid chat link', options: { page, ref: 'summer_coupon', text: 'Hi' }, expected: [] },
    { name: 'a valid opt-in link: built, with the regions warning', options: { page, topic: 'weekly deals', cadence: 'daily', ref: 'a=b' }, expected: ['warning:optin-limited:topic'] },
    { name: 'page empty', options: { page: '' }, expected: ['error:page-missing:page'] },
    { name: 'page whitespace', options: { page: '  ' }, expected: ['error:page-missing:page'] },
    { name: 'page absent', options: {}, expected: ['error:page-missing:page'] },
    { name: 'page with a hyphen', options: { page: 'PAGE-NAME' }, expected: ['error:page-invalid:page'] },
    { name: 'page javascript:', options: { page: 'javascript:alert(1)' }, expected: ['error:page-invalid:page'] },
    { name: 'page with markup', options: { page: '<img src=x onerror=alert(1)>' }, expected: ['error:page-invalid:page'] },
    { name: 'page of another site', options: { page: 'https://evil.example/x' }, expected: ['error:page-invalid:page'] },
    { name: 'page short', options: { page: 'zuck' }, expected: ['warning:page-short:page'] },
    { name: 'short numeric page is fine', options: { page: '1234' }, expected: [] },
    { name: 'page not text', options: { page: { a: 1 } }, expected: ['error:page-invalid:page'] },
    { name: 'page a fractional number', options: { page: 1.5 }, expected: ['error:page-invalid:page'] },
    { name: 'ref exactly 2,083 characters', options: { page, ref: 'a'.repeat(2083) }, expected: [] },
    { name: 'ref 2,084 characters', options: { page, ref: 'a'.repeat(2084) }, expected: ['error:ref-too-long:ref'] },
    { name: 'ref short but long once encoded', options: { page, ref: '€'.repeat(232) }, expected: ['error:ref-too-long:ref', 'warning:ref-unsafe:ref'] },
    { name: 'ref with a space', options: { page, ref: 'a b' }, expected: ['warning:ref-unsafe:ref'] },
    { name: 'ref not text', options: { page, ref: 42 }, expected: ['error:ref-invalid:ref'] },
    { name: 'ref with a lone surrogate', options: { page, ref: 'a\uD800b' }, expected: ['error:ref-invalid:ref'] },
    { name: 'text not text', options: { page, text: ['x'] }, expected: ['error:text-invalid:text'] },
    { name: 'text with a lone surrogate', options: { page, text: '\uDC00' }, expected: ['error:text-invalid:text'] },
    // An empty topic counts as not given, as an empty ref or text does: a chat link, as chatLink and messengerLink build it.
    { name: 'topic empty string', options: { page, topic: '' }, expected: [] },
    { name: 'topic spaces only', options: { page, topic: '   ' }, expected: ['error:topic-missing:topic', 'warning:optin-limited:topic'] },
    { name: 'cadence without topic', options: { page, cadence: 'weekly' }, expected: ['error:topic-missing:topic'] },
    { name: 'topic with punctuation', options: { page, topic: 'deals!' }, expected: ['error:topic-invalid:topic', 'warning:optin-limited:topic'] },
    { name: 'topic with markup', options: { page, topic: '<b>x</b>' }, expected: ['error:topic-invalid:topic', 'warning:optin-limited:topic'] },
    { name: 'topic in another script', options: { page, topic: 'ofertas semanales 2025 ñ' }, expected: ['warning:optin-limited:topic'] },
    { name: 'cadence invalid', options: { page, topic: 'deals', cadence: 'hourly' }, expected: ['error:cadence-invalid:cadence', 'warning:optin-limited:topic'] },
    { name: 'cadence in capitals', options: { page, topic: 'deals', cadence: 'WEEKLY' }, expected: ['error:cadence-invalid:cadence', 'warning:optin-limited:topic'] },
    { name: 'text on an opt-in link', options: { page, topic: 'deals', text: 'hi' }, expected: ['error:text-on-optin:text', 'warning:optin-limited:topic'] },
    { name: 'several problems at once', options: { page: '', ref: 'x y', topic: 'a!' }, expected: ['error:page-missing:page', 'error:topic-invalid:topic', 'warning:optin-limited:topic', 'warning:ref-unsafe:ref'] },
    // Instagram links: a username makes one.
    { name: 'a valid Instagram link', options: { username: 'original.coast_clothing', ref: 'bio' }, expected: [] },
    { name: 'an Instagram username as @name', options: { username: '@originalcoastclothing' }, expected: [] },
    { name: 'an Instagram username as a profile URL', options: { username: 'https://www.instagram.com/originalcoastclothing/?hl=en' }, expected: [] },
    { name: 'an Instagram username of 30 characters', options: { username: 'a'.repeat(30) }, expected: [] },
    { name: 'an Instagram username of 31 characters', options: { username: 'a'.repeat(31) }, expected: ['error:username-invalid:username'] },
    { name: 'an Instagram username with a hyphen', options: { username: 'coast-clothing' }, expected: ['error:username-invalid:username'] },
    { name: 'an Instagram username of periods only', options: { username: '..' }, expected: ['error:username-invalid:username'] },
    { name: 'an Instagram username that is markup', options: { username: '<script>' }, expected: ['error:username-invalid:username'] },
    { name: "an Instagram post's URL, which names no account", options: { username: 'instagram.com/p/Cx12AbC/' }, expected: ['error:username-missing:username'] },
    { name: 'an Instagram username of spaces', options: { username: '  ' }, expected: ['error:username-missing:username'] },
    { name: 'an Instagram username not text', options: { username: 5 }, expected: ['error:username-invalid:username'] },
    { name: 'text on an Instagram link', options: { username: 'coastclothing', text: 'Hi' }, expected: ['error:text-on-instagram:text'] },
    { name: 'a topic on an Instagram link', options: { username: 'coastclothing', topic: 'deals', cadence: 'daily' }, expected: ['error:topic-invalid:topic', 'error:cadence-invalid:cadence'] },
    { name: 'a page and a username at once', options: { page, username: 'coastclothing' }, expected: ['error:page-invalid:page'] },
    { name: 'an Instagram ref with a space', options: { username: 'coastclothing', ref: 'a b' }, expected: ['warning:ref-unsafe:ref'] },
    { name: 'an Instagram ref over 2,083 characters', options: { username: 'coastclothing', ref: 'a'.repeat(2084) }, expected: ['error:ref-too-long:ref'] },
    { name: 'null options', options: null, expected: ['error:options-invalid:options'] },
    { name: 'a string as options', options: 'OriginalCoastClothing', expected: ['error:options-invalid:options'] },
  ];
  for (const { name, options, expected } of cases) {
    it(name, () => expect(codes(options)).to.deep.equal(expected));
  }

  it('gives every problem a message that names its field', () => {
    const problems = [
      ...checkLink({ page: 'a-b', ref: 7, text: 8, topic: '!', cadence: 'x' }),
      ...checkLink({ page, topic: 'deals' }),
      ...checkLink({ username: 'a b', text: 'x', page }),
      ...checkLink({ username: '@' }),
    ];
    expect(problems.map((p) => p.code)).to.include.members(['optin-limited', 'username-invalid', 'username-missing', 'text-on-instagram']);
    for (const p of problems) expect(p.message, p.code).to.match(new RegExp(`^${p.field}\\b`));
  });

  it('shortens a huge value in the message instead of repeating it', () => {
    const [problem] = checkLink({ page: 'x'.repeat(5000) + '-' });
    expect(problem.message.length).to.be.lessThan(120);
  });
});
