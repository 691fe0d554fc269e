import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import en from './en.json';
import zhCN from './zh-CN.json';
import { format, preferredLanguage } from './language';

/** Every visible string has a key in en.json; zh-CN.json has the same keys (test/i18n.test.ts). */
export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

export const LANGUAGES = { en: en as Messages, 'zh-CN': zhCN as Messages } as const;
export type Language = keyof typeof LANGUAGES;

const STORAGE_KEY = 'operon.language';

/** Marks a string as a message key (for tables of keys); its key is checked like a translate call's. */
export function messageKey<K extends MessageKey>(key: K): K {
  return key;
}

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

interface I18n {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    preferredLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages),
  );
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = language;
    const messages = LANGUAGES[language];
    return { language, setLanguage, t: (key, params) => format(messages[key], params) };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
