import { expect } from 'chai';
import { LinkError, chatLink, instagramLink, linkKind, messengerLink, optinLink } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

describe('chatLink / optinLink / messengerLink', () => {
  // Meta's documented examples, with its PAGE-NAME placeholder given a real name.
  const golden: { options: any; expected: string }[] = [
    { options: { page: 'OriginalCoastClothing', text: 'Hello and Welcome' }, expected: 'https://m.me/OriginalCoastClothing?text=Hello%20and%20Welcome' },
    { options: { page: 'OriginalCoastClothing', ref: 'summer_coupon' }, expected: 'https://m.me/OriginalCoastClothing?ref=summer_coupon' },
    { options: { page: 'OriginalCoastClothing', topic: 'weekly deals', cadence: 'weekly' }, expected: 'https://m.me/rn/OriginalCoastClothing?topic=weekly%20deals&cadence=weekly' },
  ];
  for (const { options, expected } of golden) {
    it(`builds Meta's example ${expected}`, () => expect(messengerLink(options)).to.equal(expected));
  }

  const cases: { name: string; build: () => string; expected: string }[] = [
    { name: 'page only', build: () => chatLink({ page: 'OriginalCoastClothing' }), expected: 'https://m.me/OriginalCoastClothing' },
    { name: 'ref before text, whatever the key order', build: () => chatLink({ text: 'Hi!', ref: 'a', page: 'OriginalCoastClothing' }), expected: 'https://m.me/OriginalCoastClothing?ref=a&text=Hi!' },
    { name: 'spaces as %20, never +; & and = escaped', build: () => chatLink({ page: 'OriginalCoastClothing', text: 'a+b c&d=e' }), expected: 'https://m.me/OriginalCoastClothing?text=a%2Bb%20c%26d%3De' },
    { name: 'Unicode text as UTF-8 escapes', build: () => chatLink({ page: 'OriginalCoastClothing', text: 'Olá 👋' }), expected: 'https://m.me/OriginalCoastClothing?text=Ol%C3%A1%20%F0%9F%91%8B' },
    { name: 'empty ref and text are left out', build: () => chatLink({ page: 'OriginalCoastClothing', ref: '', text: '' }), expected: 'https://m.me/OriginalCoastClothing' },
    { name: 'page from a facebook.com URL', build: () => chatLink({ page: 'https://www.facebook.com/OriginalCoastClothing/', ref: 'x' }), expected: 'https://m.me/OriginalCoastClothing?ref=x' },
    { name: 'numeric Page ID as a number', build: () => chatLink({ page: 106123456789012 }), expected: 'https://m.me/106123456789012' },
    { name: 'opt-in without cadence leaves it out', build: () => optinLink({ page: 'OriginalCoastClothing', topic: 'deals' }), expected: 'https://m.me/rn/OriginalCoastClothing?topic=deals' },
    { name: 'opt-in with every option in order', build: () => optinLink({ ref: 'r', cadence: 'monthly', topic: 'Ofertas da semana', page: '@OriginalCoastClothing' }), expected: 'https://m.me/rn/OriginalCoastClothing?topic=Ofertas%20da%20semana&cadence=monthly&ref=r' },
    { name: 'Instagram: a username', build: () => instagramLink({ username: 'originalcoastclothing' }), expected: 'https://ig.me/m/originalcoastclothing' },
    { name: 'Instagram: @name with a ref', build: () => instagramLink({ username: '@original.coast_clothing', ref: 'bio link' }), expected: 'https://ig.me/m/original.coast_clothing?ref=bio%20link' },
    { name: 'Instagram: a profile URL', build: () => instagramLink({ username: 'https://www.instagram.com/originalcoastclothing/' }), expected: 'https://ig.me/m/originalcoastclothing' },
    { name: 'Instagram: an ig.me link as the username', build: () => instagramLink({ username: 'ig.me/m/coast' }), expected: 'https://ig.me/m/coast' },
    { name: 'messengerLink dispatches on username', build: () => messengerLink({ username: 'coast', ref: 'r' }), expected: 'https://ig.me/m/coast?ref=r' },
    { name: 'a warning (unsafe ref) still builds', build: () => chatLink({ page: 'OriginalCoastClothing', ref: 'a b/c' }), expected: 'https://m.me/OriginalCoastClothing?ref=a%20b%2Fc' },
  ];
  it('linkKind says which link options make: a username wins, then a topic; empty values count as not given', () => {
    expect(linkKind({ page: 'OriginalCoastClothing' })).to.equal('chat');
    expect(linkKind({ page: 'OriginalCoastClothing', topic: 'deals' })).to.equal('optin');
    expect(linkKind({ page: 'OriginalCoastClothing', topic: '' })).to.equal('chat');
    expect(linkKind({ username: 'coast', topic: 'deals' })).to.equal('instagram');
    expect(linkKind({ username: '', page: 'OriginalCoastClothing' })).to.equal('chat');
    expect(linkKind(null)).to.equal('chat');
  });

  it('treats an empty topic as not given, as checkLink does: a chat link', () => {
    expect(messengerLink({ page: 'OriginalCoastClothing', topic: '' } as any)).to.equal('https://m.me/OriginalCoastClothing');
  });

  for (const { name, build, expected } of cases) {
    it(name, () => expect(build()).to.equal(expected));
  }

  const errors: { name: string; build: () => string; code: string; field: string }[] = [
    { name: 'javascript: as a page', build: () => chatLink({ page: 'javascript:alert(1)' }), code: 'page-invalid', field: 'page' },
    { name: 'no page', build: () => chatLink({} as any), code: 'page-missing', field: 'page' },
    { name: 'a topic on optinLink that has punctuation', build: () => optinLink({ page: 'OriginalCoastClothing', topic: 'deals!' }), code: 'topic-invalid', field: 'topic' },
    { name: 'optinLink without a topic', build: () => optinLink({ page: 'OriginalCoastClothing' } as any), code: 'topic-missing', field: 'topic' },
    { name: 'text on an opt-in link', build: () => messengerLink({ page: 'OriginalCoastClothing', topic: 'deals', text: 'hi' } as any), code: 'text-on-optin', field: 'text' },
    { name: 'a ref over 2,083 encoded characters', build: () => chatLink({ page: 'OriginalCoastClothing', ref: 'é'.repeat(400) }), code: 'ref-too-long', field: 'ref' },
    // Input of the wrong type gets the kit's error with a code, never a TypeError.
    { name: 'null options to chatLink', build: () => chatLink(null as any), code: 'options-invalid', field: 'options' },
    { name: 'null options to messengerLink', build: () => messengerLink(null as any), code: 'options-invalid', field: 'options' },
    { name: 'a symbol as options', build: () => messengerLink(Symbol('x') as any), code: 'options-invalid', field: 'options' },
    { name: 'a number as text', build: () => chatLink({ page: 'OriginalCoastClothing', text: 5 as any }), code: 'text-invalid', field: 'text' },
    { name: 'a page of periods only', build: () => chatLink({ page: '..' }), code: 'page-invalid', field: 'page' },
    { name: 'no Instagram username', build: () => instagramLink({ username: '' }), code: 'username-missing', field: 'username' },
    { name: 'an Instagram username with a space', build: () => instagramLink({ username: 'coast clothing' }), code: 'username-invalid', field: 'username' },
    // ig.me has no prefilled text: the builder refuses it rather than drop it silently.
    { name: 'text on an Instagram link', build: () => messengerLink({ username: 'coast', text: 'Hi' } as any), code: 'text-on-instagram', field: 'text' },
    { name: 'a lone surrogate in a ref', build: () => instagramLink({ username: 'coast', ref: 'a\uD800' }), code: 'ref-invalid', field: 'ref' },
  ];
  for (const { name, build, code, field } of errors) {
    it(`throws LinkError ${code} for ${name}`, () => {
      let caught: unknown;
      try {
        build();
      } catch (error) {
        caught = error;
      }
      expect(caught, 'the builder should have thrown').to.be.instanceOf(LinkError);
      const error = caught as LinkError;
      expect(error.name).to.equal('LinkError');
      expect(error.code).to.equal(code);
      expect(error.field).to.equal(field);
      expect(error.message, 'the message names the field').to.contain(field);
    });
  }
});
