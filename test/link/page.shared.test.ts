import { expect } from 'chai';
import { LinkError, normalizePage } from '../../src/link/index.js';
import { describe, it } from '../helpers/harness.js';

describe('normalizePage', () => {
  const cases: { input: string | number; expected: string }[] = [
    { input: 'OriginalCoastClothing', expected: 'OriginalCoastClothing' },
    { input: '  @OriginalCoastClothing ', expected: 'OriginalCoastClothing' },
    { input: 'original.coast.clothing', expected: 'original.coast.clothing' },
    { input: '106123456789012', expected: '106123456789012' },
    { input: 106123456789012, expected: '106123456789012' },
    { input: 'https://www.facebook.com/OriginalCoastClothing/', expected: 'OriginalCoastClothing' },
    { input: 'facebook.com/OriginalCoastClothing?ref=bookmarks', expected: 'OriginalCoastClothing' },
    { input: 'http://m.facebook.com/OriginalCoastClothing#about', expected: 'OriginalCoastClothing' },
    { input: 'https://web.facebook.com/OriginalCoastClothing/about', expected: 'OriginalCoastClothing' },
    { input: 'https://fb.com/OriginalCoastClothing', expected: 'OriginalCoastClothing' },
    { input: 'https://www.facebook.com/profile.php?id=100083123456789', expected: '100083123456789' },
    { input: 'https://www.facebook.com/pages/Original-Coast-Clothing/106123456789012', expected: '106123456789012' },
    { input: 'https://www.facebook.com/people/Original-Coast/100083123456789/', expected: '100083123456789' },
    { input: 'https://m.me/OriginalCoastClothing?ref=x', expected: 'OriginalCoastClothing' },
    { input: 'm.me/rn/OriginalCoastClothing?topic=a', expected: 'OriginalCoastClothing' },
    { input: 'www.m.me/OriginalCoastClothing', expected: 'OriginalCoastClothing' },
    { input: 'https://www.facebook.com/p/Original-Coast-Clothing-100064123456789/', expected: '100064123456789' },
    // Usernames that merely start like a domain are usernames.
    { input: 'm.meals', expected: 'm.meals' },
    { input: 'fb.comedy', expected: 'fb.comedy' },
    { input: 'facebook.community', expected: 'facebook.community' },
  ];
  for (const { input, expected } of cases) {
    it(`${input} → ${expected}`, () => expect(normalizePage(input)).to.equal(expected));
  }

  const bad: { input: unknown; code: string }[] = [
    { input: '', code: 'page-missing' },
    { input: '@', code: 'page-invalid' },
    { input: 'https://www.facebook.com/', code: 'page-invalid' },
    { input: 'https://www.facebook.com/profile.php', code: 'page-invalid' },
    { input: 'Original Coast', code: 'page-invalid' },
    { input: 'https://example.com/OriginalCoastClothing', code: 'page-invalid' },
    { input: null, code: 'page-missing' },
    { input: '.', code: 'page-invalid' },
    { input: '..', code: 'page-invalid' },
    // Addresses of things that are not a Page name none: never a made-up page "watch", "sharer"
    // or "messages", which would send every click to a page that does not exist.
    ...[
      'https://www.facebook.com/watch/?v=123',
      'https://www.facebook.com/share/1AbCdEf/',
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2F',
      'https://www.facebook.com/messages/t/100064123456789',
      'https://www.facebook.com/groups/123456/',
      'https://www.facebook.com/events/123456/',
      'https://www.facebook.com/marketplace/item/123/',
      'https://www.facebook.com/gaming/somebody',
      'https://www.facebook.com/login/?next=%2FOriginalCoastClothing',
      'https://www.facebook.com/help/123',
      'https://www.facebook.com/settings?tab=account',
      'https://www.facebook.com/search/top?q=coast',
      'https://www.facebook.com/hashtag/summersale',
      'https://www.facebook.com/photo.php?fbid=1',
      'https://www.facebook.com/story.php?story_fbid=1&id=2',
      'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
      'https://www.facebook.com/reel/123456',
      'https://www.facebook.com/stories/123456/',
      'https://www.facebook.com/notifications',
      'https://m.facebook.com/friends/requests/',
      'https://www.facebook.com/bookmarks/',
      'https://www.facebook.com/p/',
    ].map((input) => ({ input, code: 'page-invalid' })),
  ];
  for (const { input, code } of bad) {
    it(`rejects ${JSON.stringify(input)} with ${code}`, () => {
      expect(() => normalizePage(input as string)).to.throw(LinkError).with.property('code', code);
    });
  }

  it('says in plain words that a pasted Facebook address names no Page', () => {
    expect(() => normalizePage('https://www.facebook.com/sharer/sharer.php?u=x')).to.throw(LinkError, /^page "https:\/\/www\.facebook\.com\/sharer[^"]*" names no Page: give the Page's own address or username$/);
  });
});
