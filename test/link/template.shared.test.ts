import { expect } from 'chai';
import { LinkError, checkLink, expandRef, expandRefDetailed, type PageContext } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

const context: PageContext = {
  path: '/shoes/red%20sale/',
  host: 'shop.example.com',
  title: 'Red shoes — 50% off!',
  lang: 'pt-BR',
  query: { utm_source: 'news letter', empty: '' },
  hash: 'size-42',
};

describe('expandRef', () => {
  const cases: { template: string; context?: Partial<PageContext>; expected: string }[] = [
    { template: 'web-{path}', context: { path: '/shoes/red sale/' }, expected: 'web-shoes-red-sale' },
    { template: 'web-{path}', expected: 'web-shoes-red-sale' },
    { template: '{host}', expected: 'shop-example-com' },
    { template: '{title}', expected: 'Red-shoes-50-off' },
    { template: '{lang}', expected: 'pt-BR' },
    { template: '{hash}', expected: 'size-42' },
    { template: '{query.utm_source}', expected: 'news-letter' },
    { template: '{query.utm_campaign|direct}', expected: 'direct' },
    { template: '{query.empty|none}', expected: 'none' },
    { template: '{query.utm_source|direct}', expected: 'news-letter' },
    { template: 'home{path|index}', context: { path: '/' }, expected: 'homeindex' },
    { template: '{{literal}}-{lang}', expected: '{literal}-pt-BR' },
    { template: 'plain_ref=1', expected: 'plain_ref=1' },
    { template: 'a-{query.missing}-b', expected: 'a--b' },
    // Accents fold to their base letters; letters with no Latin form become a short hash.
    { template: 'web-{path}', context: { path: '/caf%C3%A9/cr%C3%A8me' }, expected: 'web-cafe-creme' },
    { template: 'web-{path}', context: { path: '/Stra%C3%9Fe/K%C3%B8benhavn/' }, expected: 'web-Strasse-Kobenhavn' },
    { template: 'web-{path}', context: { path: '/' }, expected: 'web-home' },
    { template: 'web-{path}', context: { path: '' }, expected: 'web-home' },
    { template: 'web-{query.src}', context: { query: {} }, expected: 'web' },
    { template: '{query.src}-web', context: { query: {} }, expected: 'web' },
    { template: '{title}', context: {}, expected: '' },
    { template: '{query.constructor|x}', context: { query: {} }, expected: 'x' },
    { template: '{path}', context: { path: '/%E0%A4%A' }, expected: 'E0-A4-A' },
    { template: '{path}', context: { path: '/--a__b--/' }, expected: 'a__b' },
  ];
  for (const { template, context: given, expected } of cases) {
    it(`${template} → ${JSON.stringify(expected)}`, () => expect(expandRef(template, given ?? context)).to.equal(expected));
  }

  const invalid = ['{unknown}', '{}', '{query.}', '{path', 'a}b', '{{path}', '{PATH}', 'a\uD800'];
  for (const template of invalid) {
    it(`rejects ${JSON.stringify(template)} with ref-template-invalid`, () => {
      expect(() => expandRef(template, context)).to.throw(LinkError).with.property('code', 'ref-template-invalid');
    });
  }

  it('reads a missing context as empty', () => {
    expect(expandRef('web-{path}', null as unknown as PageContext)).to.equal('web-home');
    expect(expandRef('{query.src|direct}', undefined as unknown as PageContext)).to.equal('direct');
  });

  it('refuses a context value that is an object, a function or a symbol, with a LinkError naming it, never a TypeError', () => {
    for (const context of [{ path: Object.create(null) }, { title: {} }, { query: { utm_source: [] as unknown as string } }, { path: () => 'page' }, { title: Symbol('x') }]) {
      expect(() => expandRef('web-{path}-{title}-{query.utm_source}', context as never))
        .to.throw(LinkError)
        .that.satisfies((error: LinkError) => error.code === 'options-invalid' && error.field === 'context');
    }
  });

  it('keeps pages in any script apart: distinct paths give distinct refs in the safe alphabet', () => {
    const paths = ['/日本語/', '/中文/', '/каталог/обувь/', '/каталог/сумки/', '/عربي/', '/ελληνικά/', '/עברית/', '/ภาษาไทย/', '/한국어/', '/हिन्दी/'];
    const refs = paths.map((path) => expandRef('web-{path}', { path: encodeURI(path) }));
    expect(new Set(refs).size, refs.join(' ')).to.equal(paths.length);
    for (const ref of refs) {
      expect(ref).to.match(/^web-[0-9a-f]{6}(-[0-9a-f]{6})*$/);
      expect(checkLink({ page: 'OriginalCoastClothing', ref }), `${ref} is a safe ref`).to.deep.equal([]);
    }
    expect(expandRef('web-{path}', { path: '/日本語/' }), 'stable').to.equal(refs[0]);
  });

  it('shortens a result over 2,083 characters and ends it in _ and a hash of the whole value', () => {
    const long = 'p'.repeat(3000);
    const { ref, problems } = expandRefDetailed('{path}', { path: `/${long}` });
    expect(ref).to.have.length(2083);
    expect(ref).to.match(/^p+_[0-9a-f]{8}$/);
    expect(problems.map((p) => p.code)).to.deep.equal(['ref-shortened']);
    expect(checkLink({ page: 'OriginalCoastClothing', ref }), 'the shortened ref is a valid ref').to.deep.equal([]);
  });

  it('gives two long values with the same start two different refs', () => {
    const a = expandRef('{path}', { path: '/' + 'x'.repeat(2100) + 'a' });
    const b = expandRef('{path}', { path: '/' + 'x'.repeat(2100) + 'b' });
    expect(a).to.not.equal(b);
    expect(a.slice(0, -8)).to.equal(b.slice(0, -8));
  });

  it('counts the encoded length when literal text is not URL-safe, and cuts on whole characters', () => {
    const { ref } = expandRefDetailed('é'.repeat(500) + '{path}', { path: '/x' });
    expect(encodeURIComponent(ref).length).to.be.at.most(2083);
    expect(ref).to.match(/^é+_[0-9a-f]{8}$/u);
  });

  it('returns a ref with no token as it is, however long: checkLink reports it instead', () => {
    const long = 'plain_ref_'.repeat(300);
    const { ref, problems } = expandRefDetailed(long, context);
    expect(ref).to.equal(long);
    expect(problems).to.deep.equal([]);
    expect(checkLink({ page: 'OriginalCoastClothing', ref }).map((p) => p.code)).to.deep.equal(['ref-too-long']);
  });

  it('leaves a result of exactly 2,083 characters as it is', () => {
    const { ref, problems } = expandRefDetailed('{path}', { path: '/' + 'y'.repeat(2083) });
    expect(ref).to.equal('y'.repeat(2083));
    expect(problems).to.deep.equal([]);
  });
});
