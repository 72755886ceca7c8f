import { expect } from 'chai';
import fc from 'fast-check';
import { checkLink, chatLink, expandRef, instagramLink, messengerLink, optinLink, parseLink } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

// Periods alone name no Page (`.....` would make a link to m.me itself): page-invalid.
const page = fc.stringMatching(/^[A-Za-z0-9.]{5,30}$/).filter((name) => !/^\.+$/.test(name));
// Any well-formed Unicode, short enough to fit the ref limit once encoded.
const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 });
const topic = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,30}$/);
const username = fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/).filter((name) => !/^\.+$/.test(name));
const cadence = fc.constantFrom('daily', 'weekly', 'monthly') as fc.Arbitrary<'daily' | 'weekly' | 'monthly'>;
const runs = { numRuns: 300 };

describe('link properties', () => {
  it('parseLink(chatLink(x)) gives back x', () => {
    fc.assert(fc.property(page, fc.option(unicode, { nil: undefined }), fc.option(unicode, { nil: undefined }), (p, ref, text) => {
      const x = { kind: 'chat', page: p, ...(ref && { ref }), ...(text && { text }) };
      expect(parseLink(chatLink({ page: p, ref, text }))).to.deep.equal(x);
    }), runs);
  });

  it('parseLink(optinLink(x)) gives back x', () => {
    fc.assert(fc.property(page, topic, fc.option(cadence, { nil: undefined }), fc.option(unicode, { nil: undefined }), (p, t, c, ref) => {
      const x = { kind: 'optin', page: p, topic: t, ...(c && { cadence: c }), ...(ref && { ref }) };
      expect(parseLink(optinLink({ page: p, topic: t, cadence: c, ref }))).to.deep.equal(x);
    }), runs);
  });

  it('parseLink(instagramLink(x)) gives back x, from either ig.me form', () => {
    fc.assert(fc.property(username, fc.option(unicode, { nil: undefined }), (u, ref) => {
      const x = { kind: 'instagram', username: u, ...(ref && { ref }) };
      const link = instagramLink({ username: u, ref });
      expect(parseLink(link)).to.deep.equal(x);
      expect(parseLink(link.replace('ig.me/m/', 'ig.me/'))).to.deep.equal(x);
    }), runs);
  });

  it('a built link is always https://m.me/ or https://ig.me/m/ with a safe path, or a LinkError', () => {
    const anything = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.constant(undefined), fc.constant(null));
    const options = { page: anything, username: fc.option(fc.oneof(anything, username), { nil: undefined }), ref: anything, text: anything, topic: fc.option(anything, { nil: undefined }), cadence: anything };
    fc.assert(fc.property(fc.record(options, { requiredKeys: [] }), (options) => {
      let link: string;
      try {
        link = messengerLink(options as never);
      } catch (error) {
        expect((error as Error).name).to.equal('LinkError');
        return;
      }
      expect(link).to.match(/^https:\/\/(m\.me\/(rn\/)?[A-Za-z0-9.]+|ig\.me\/m\/[\w.]+)(\?[A-Za-z0-9%._~!*'()=&-]*)?$/);
      expect(checkLink(options).filter((p) => p.severity === 'error')).to.deep.equal([]);
    }), runs);
  });

  it('checkLink never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (options) => {
      const problems = checkLink(options);
      expect(problems).to.be.an('array');
      for (const p of problems) expect(p.message).to.be.a('string').and.not.equal('');
    }), runs);
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('page', 'username', 'ref', 'text', 'topic', 'cadence'), fc.anything()), (options) => {
      expect(checkLink(options)).to.be.an('array');
    }), runs);
  });

  it('expandRef only ever yields refs in the safe alphabet from safe literals', () => {
    const context = fc.record({ path: fc.string({ unit: 'binary' }), title: fc.string({ unit: 'grapheme', maxLength: 3000 }), query: fc.dictionary(fc.string(), fc.string()) });
    fc.assert(fc.property(context, (ctx) => {
      const ref = expandRef('web-{path}-{title}-{query.q|none}', ctx);
      expect(ref).to.match(/^[\w-]+$/);
      expect(ref.length).to.be.at.most(2083);
    }), runs);
  });
});
