import { Decimal } from './decimal';
import { feelCompare, FeelRange, type FeelValue } from './feel-value';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal';
import { unescapeString } from './syntax-tree';

/** An endpoint literal of `range("…")`: a number, a string, or a temporal literal. undefined if invalid. */
function endpoint(text: string): FeelValue | undefined {
  if (text === '' || text === 'null') return null;
  const number = /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Decimal.parse(text) : undefined;
  if (number !== undefined) return number;
  if (/^"([^"\\]|\\.)*"$/.test(text)) return unescapeString(text);
  const call = /^(date and time|date|time|duration|@)\s*\(?\s*("(?:[^"\\]|\\.)*")\s*\)?$/.exec(text);
  if (call === null) return undefined;
  const literal = unescapeString(call[2] ?? '""');
  switch (call[1]) {
    case 'date':
      return parseDate(literal);
    case 'time':
      return parseTime(literal);
    case 'date and time':
      return parseDateTime(literal);
    case 'duration':
      return parseDuration(literal);
    default:
      if (/^-?P/.test(literal)) return parseDuration(literal);
      if (/^-?\d+-\d\d-\d\dT/.test(literal)) return parseDateTime(literal);
      return literal.includes(':') ? parseTime(literal) : parseDate(literal);
  }
}

function sameKind(a: FeelValue, b: FeelValue): boolean {
  if (a === null || b === null) return true;
  return typeof a === typeof b && (typeof a !== 'object' || a.constructor === b.constructor);
}

/** Parses the text of a range, as DMN 1.5's `range()` takes it: `[1..10)`, `[@"2020-01-01"..@"2020-12-31"]`. */
export function parseRangeLiteral(text: string): FeelRange | undefined {
  const trimmed = text.trim();
  const interval = /^([[\]()])\s*(.*?)\s*\.\.\s*(.*?)\s*([[\]()])$/.exec(trimmed);
  if (interval !== null) {
    const [, open = '', startText = '', endText = '', close = ''] = interval;
    const start = endpoint(startText);
    const end = endpoint(endText);
    if (start === undefined || end === undefined || start === null || end === null || !sameKind(start, end))
      return undefined;
    const order = feelCompare(start, end);
    if (order === undefined || order > 0) return undefined;
    return new FeelRange(start, end, open === '[', close === ']');
  }
  return undefined;
}
