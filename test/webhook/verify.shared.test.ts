import { expect } from 'chai';
import { WebhookError, verifySignature, verifySubscription } from '../../src/webhook/index.js';
import { describe, it } from '../helpers/harness.js';

const SECRET = 'app-secret-123';
// The HMAC-SHA256 of BODY with SECRET, computed independently (openssl dgst -sha256 -hmac).
const BODY = '{"object":"page","entry":[{"id":"1","messaging":[{"referral":{"ref":"caf\\u00e9"}}]}]}';
const HEX = 'e56af20a2d611b9cd9ba7f13bb545fba136a38d85538927e287eb0ae3911d1c4';

describe('verifySignature', () => {
  it('matches an independently computed HMAC-SHA256 of the raw body', async () => {
    expect(await verifySignature(BODY, `sha256=${HEX}`, SECRET)).to.equal(true);
  });

  it('accepts the body as bytes and the header in upper case', async () => {
    expect(await verifySignature(new TextEncoder().encode(BODY), `sha256=${HEX.toUpperCase()}`, SECRET)).to.equal(true);
    expect(await verifySignature(new TextEncoder().encode(BODY).buffer, `sha256=${HEX}`, SECRET)).to.equal(true);
  });

  it('rejects a changed body, a wrong secret, and malformed or missing headers', async () => {
    expect(await verifySignature(BODY + ' ', `sha256=${HEX}`, SECRET), 'changed body').to.equal(false);
    expect(await verifySignature(BODY, `sha256=${HEX}`, 'other-secret'), 'wrong secret').to.equal(false);
    for (const header of [null, undefined, '', HEX, `sha1=${HEX}`, `sha256=${HEX.slice(2)}`, `sha256=${'z'.repeat(64)}`]) {
      expect(await verifySignature(BODY, header, SECRET), `header ${header}`).to.equal(false);
    }
  });

  it('rejects re-serialised JSON, the classic mistake: the signature covers the raw bytes', async () => {
    expect(await verifySignature(JSON.stringify(JSON.parse(BODY)), `sha256=${HEX}`, SECRET)).to.equal(false);
  });

  it('throws clear errors for a missing secret or a parsed body', async () => {
    const codes: string[] = [];
    for (const call of [() => verifySignature(BODY, 'sha256=00', ''), () => verifySignature({} as string, 'sha256=00', SECRET)]) {
      try {
        await call();
      } catch (error) {
        expect(error).to.be.instanceOf(WebhookError);
        codes.push((error as WebhookError).code);
      }
    }
    expect(codes).to.deep.equal(['secret-missing', 'body-not-raw']);
  });
});

describe('verifySubscription', () => {
  const query = 'hub.mode=subscribe&hub.verify_token=tok3n&hub.challenge=1158201444';
  const cases: { name: string; params: any; token: string; expected: string | null }[] = [
    { name: 'URLSearchParams with the right token', params: new URLSearchParams(query), token: 'tok3n', expected: '1158201444' },
    { name: 'a plain object of query values', params: Object.fromEntries(new URLSearchParams(query)), token: 'tok3n', expected: '1158201444' },
    { name: 'a nested { hub: { … } } object', params: { hub: { mode: 'subscribe', verify_token: 'tok3n', challenge: 'c' } }, token: 'tok3n', expected: 'c' },
    { name: 'array values (repeated parameters)', params: { 'hub.mode': ['subscribe'], 'hub.verify_token': ['tok3n'], 'hub.challenge': ['c'] }, token: 'tok3n', expected: 'c' },
    { name: 'a wrong token', params: new URLSearchParams(query), token: 'other', expected: null },
    { name: 'a token that is a prefix', params: new URLSearchParams(query), token: 'tok3', expected: null },
    { name: 'an empty expected token', params: new URLSearchParams('hub.mode=subscribe&hub.verify_token=&hub.challenge=c'), token: '', expected: null },
    { name: 'another mode', params: new URLSearchParams(query.replace('subscribe', 'unsubscribe')), token: 'tok3n', expected: null },
    { name: 'no challenge', params: new URLSearchParams('hub.mode=subscribe&hub.verify_token=tok3n'), token: 'tok3n', expected: null },
    { name: 'no parameters at all', params: {}, token: 'tok3n', expected: null },
    { name: 'null instead of parameters', params: null, token: 'tok3n', expected: null },
    { name: 'undefined instead of parameters', params: undefined, token: 'tok3n', expected: null },
  ];
  for (const { name, params, token, expected: challenge } of cases) {
    it(name, () => expect(verifySubscription(params, token)).to.equal(challenge));
  }
});
