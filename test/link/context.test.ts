import { expect } from '@open-wc/testing';
import { expandRef, pageContext } from '../../src/link/index.js';

describe('pageContext (in the browser)', () => {
  it('reads the path, host, title, language, query and hash of the page', () => {
    const original = { title: document.title, lang: document.documentElement.lang, url: location.href };
    try {
      history.replaceState(null, '', '/shoes/red%20sale/?utm_source=news&x=1#size');
      document.title = 'Red shoes';
      document.documentElement.lang = 'pt-BR';
      const context = pageContext();
      expect(context).to.deep.equal({ path: '/shoes/red%20sale/', host: location.host, title: 'Red shoes', lang: 'pt-BR', query: { utm_source: 'news', x: '1' }, hash: 'size' });
      expect(expandRef('web-{path}-{query.utm_source|direct}', context)).to.equal('web-shoes-red-sale-news');
    } finally {
      history.replaceState(null, '', original.url);
      document.title = original.title;
      document.documentElement.lang = original.lang;
    }
  });
});
