import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import { format, preferredLanguage } from '../src/i18n/language';
import zhCN from '../src/i18n/zh-CN.json';

const SOURCE = join(import.meta.dirname, '..', 'src');
/** Words that are the same in every language: the product's name. */
const UNTRANSLATED_TEXT = new Set(['Operon']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = sourceFiles(SOURCE).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const usedKeys = new Set(
  sources.flatMap(({ text }) => [...text.matchAll(/\b(?:t|messageKey)\('([^']+)'/g)].map((match) => match[1] ?? '')),
);
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translations', () => {
  it('gives English and Simplified Chinese the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('has every key the source uses, and no key it does not use', () => {
    expect(usedKeys.size).toBeGreaterThan(50);
    expect([...usedKeys].filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    expect(Object.keys(en).filter((key) => !usedKeys.has(key))).toEqual([]);
  });

  it('fills the same placeholders in both languages, and leaves no message empty', () => {
    for (const [key, message] of Object.entries(en)) {
      const chinese = (zhCN as Record<string, string>)[key] ?? '';
      expect(chinese.trim(), key).not.toBe('');
      expect(message.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(message));
    }
  });

  it('has no visible text written straight into the components', () => {
    const hardCoded = sources.flatMap(({ path, text }) => [
      // JSX text: between a tag's `>` (not an arrow's `=>`) and the next `<`, on one line.
      ...[...text.matchAll(/(?<![=-])>([^<>{}\n;=()]*[A-Za-z\u4e00-\u9fff][^<>{}\n;=()]*)</g)]
        .map((match) => (match[1] ?? '').trim())
        .filter((words) => !UNTRANSLATED_TEXT.has(words))
        .map((words) => `${path}: ${words}`),
      ...[...text.matchAll(/\b(?:aria-label|title|placeholder|alt)="([A-Za-z][^"]*)"/g)].map(
        (match) => `${path}: ${match[1] ?? ''}`,
      ),
    ]);
    expect(hardCoded).toEqual([]);
  });
});

describe('choosing a language', () => {
  it('takes the saved choice first, then the browser’s languages, then English', () => {
    expect(preferredLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(preferredLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(preferredLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(preferredLanguage(null, ['de'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(format('Instance {key} of {process}', { key: 'k1' })).toBe('Instance k1 of {process}');
  });
});
