/** Choosing a language and filling in messages: no React, so that unit tests can use it. */

/** The saved choice, else the browser's first language we have (any zh → 简体中文), else English. */
export function preferredLanguage(saved: string | null, browser: readonly string[]): 'en' | 'zh-CN' {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** `{name}` in a message is replaced by `params.name`. */
export function format(message: string, params: Readonly<Record<string, string | number>> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
