import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { utf8ByteLength } from './utf8-bytes';

describe('contentHash (FNV-1a, 64 bits, over UTF-8)', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published FNV-1a 64 test vector for %j', (text, hash) => {
    expect(contentHash(text)).toBe(hash);
  });

  it('hashes the UTF-8 bytes, so the same text always gives the same hash', () => {
    expect(contentHash('Größe 🚚')).toBe(contentHash('Größe 🚚'));
    expect(contentHash('Größe 🚚')).not.toBe(contentHash('Grösse 🚚'));
  });
});

describe('utf8ByteLength', () => {
  it.each(['', 'ascii', 'é', '€', '🚚', 'a\uD800b', 'x\uDC00'])('agrees with TextEncoder for %j', (text) => {
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});
