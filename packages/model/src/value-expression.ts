import type { ValueExpression } from './process-definition';

/** Camunda 8 rule: an attribute that starts with `=` is a FEEL expression; anything else is a static value. */
export function toValueExpression(raw: string): ValueExpression {
  const trimmed = raw.trimStart();
  return trimmed.startsWith('=')
    ? { kind: 'feel', expression: trimmed.slice(1).trim() }
    : { kind: 'static', value: raw };
}

/** For places that are always FEEL (conditions, scripts): the text without its optional leading `=`. */
export function toFeelBody(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}
