/** XPath regular expressions (as FEEL's `matches`, `replace`, `split` use them) mapped onto JavaScript's. */
const cache = new Map<string, RegExp | undefined>();

/** Unicode blocks (`\p{IsBasicLatin}`): JavaScript knows scripts, not blocks. */
const BLOCKS: Readonly<Record<string, string>> = {
  BasicLatin: '\\u0000-\\u007F',
  'Latin-1Supplement': '\\u0080-\\u00FF',
  LatinExtended: '\\u0100-\\u024F',
  Greek: '\\u0370-\\u03FF',
  Cyrillic: '\\u0400-\\u04FF',
};

/** The `x` flag removes whitespace, except inside character classes. */
function removeWhitespace(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '\\' && inClass) {
      out += char + pattern.charAt(i + 1);
      i++;
    } else if (inClass) {
      out += char;
      if (char === ']') inClass = false;
    } else if (char === '[') {
      out += char;
      inClass = true;
    } else if (!/\s/.test(char)) out += char;
  }
  return out;
}

function translate(pattern: string): { source: string; sets: boolean } | undefined {
  // XPath forbids back-references and \0 inside classes, which JavaScript would accept.
  if (/\[[^\]]*\\0/.test(pattern)) return undefined;
  let source = pattern.replace(/\\p\{Is([A-Za-z0-9-]+)\}/g, (whole, name: string) => {
    const block = BLOCKS[name];
    return block === undefined ? `\\p{Script=${name}}` : `[${block}]`;
  });
  // Character class subtraction `[a-z-[aeiou]]` is the `v` flag's `[[a-z]--[aeiou]]`.
  const subtraction = /\[([^[\]]+)-\[([^[\]]+)\]\]/g;
  const sets = subtraction.test(source);
  if (sets) source = source.replace(subtraction, '[[$1]--[$2]]');
  return { source, sets };
}

export function regexOf(pattern: string, flags: string, global: boolean): RegExp | undefined {
  const key = `${global ? 'g' : ''}${flags}/${pattern}`;
  if (cache.has(key)) return cache.get(key);
  let regex: RegExp | undefined;
  const quoted = flags.includes('q');
  const spaced = flags.includes('x') && !quoted ? removeWhitespace(pattern) : pattern;
  const translated = quoted
    ? { source: pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), sets: false }
    : translate(spaced);
  if (!/[^smixq]/.test(flags) && translated !== undefined) {
    const mode = translated.sets ? 'v' : 'u';
    const jsFlags = `${mode}${global ? 'g' : ''}${flags.includes('s') ? 's' : ''}${flags.includes('m') ? 'm' : ''}${flags.includes('i') ? 'i' : ''}`;
    try {
      regex = new RegExp(translated.source, jsFlags);
    } catch {
      regex = undefined;
    }
  }
  cache.set(key, regex);
  return regex;
}
