import { forEachUtf8Byte } from './utf8-bytes';

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of the text, as 16 hex digits.
 * Not a cryptographic hash: it names a text for caching, and a cache hit is confirmed by comparing the text.
 * The 64-bit product is computed on four 16-bit limbs so that it stays exact in doubles, without BigInt.
 */
export function contentHash(text: string): string {
  // offset basis 0xcbf29ce484222325, limbs from least significant
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;

  const mix = (byte: number): void => {
    h0 ^= byte;
    // multiply by the prime 0x100000001b3 = 2^40 + 0x1b3
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };

  forEachUtf8Byte(text, mix);
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
