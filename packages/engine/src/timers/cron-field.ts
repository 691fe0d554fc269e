import { notParsed, parsed, quoted, type Parsed } from './parse-result';

/**
 * One field of a Spring cron expression: its name (for messages), its values, and the names it
 * accepts. Parsing gives the sorted values the field allows. Failures carry only the reason; the
 * expression's parser wraps it into a message that shows the whole expression.
 */
export interface CronFieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** What `*` covers: min..max, except day-of-week, where `*` is 1..7 (so `*\/2` is MON,WED,FRI,SUN, as in Spring). */
  readonly all: readonly [number, number];
  /** Names in value order, the first one meaning `firstNameValue`. */
  readonly names: readonly string[];
  readonly firstNameValue: number;
  /** Only the day fields accept `?` (any), and only day-of-week has two Sundays, 0 and 7. */
  readonly isDayField: boolean;
  readonly isDayOfWeek: boolean;
}

const numeric = (name: string, min: number, max: number, isDayField = false): CronFieldSpec => ({
  name,
  min,
  max,
  all: [min, max],
  names: [],
  firstNameValue: min,
  isDayField,
  isDayOfWeek: false,
});

export const SECOND_FIELD = numeric('second', 0, 59);
export const MINUTE_FIELD = numeric('minute', 0, 59);
export const HOUR_FIELD = numeric('hour', 0, 23);
export const DAY_OF_MONTH_FIELD = numeric('day-of-month', 1, 31, true);
export const MONTH_FIELD: CronFieldSpec = {
  ...numeric('month', 1, 12),
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  firstNameValue: 1,
};
/** 1 = Monday … 7 = Sunday, as in java.time; 0 is Sunday too. */
export const DAY_OF_WEEK_FIELD: CronFieldSpec = {
  ...numeric('day-of-week', 0, 7, true),
  all: [1, 7],
  names: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
  firstNameValue: 1,
  isDayOfWeek: true,
};

/** A comma-separated list of values, ranges `a-b`, and steps `*\/n`, `a-b/n`, `a/n` (a to the end by n). */
export function parseFieldValues(text: string, spec: CronFieldSpec): Parsed<readonly number[]> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const range = parseStepRange(part, spec);
    if (!range.ok) return range;
    const { from, to, step } = range.value;
    for (let value = from; value <= to; value += step) values.add(spec.isDayOfWeek && value === 0 ? 7 : value);
  }
  return parsed([...values].sort((a, b) => a - b));
}

/** One value: a number within the field's range, or a name (JAN, MON), in either case. */
export function parseFieldValue(token: string, spec: CronFieldSpec): Parsed<number> {
  if (token === '') return notParsed(`a ${spec.name} is missing`);
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    if (value < spec.min || value > spec.max) {
      return notParsed(`${spec.name} ${token} is out of range ${spec.min}-${spec.max}`);
    }
    return parsed(value);
  }
  const index = spec.names.indexOf(token.toUpperCase());
  if (index !== -1) return parsed(index + spec.firstNameValue);
  if (token === '?') return notParsed(`'?' may only stand in the day-of-month or day-of-week field`);
  const named = spec.names.length === 0 ? '' : ` or ${spec.names[0] ?? ''}-${spec.names.at(-1) ?? ''}`;
  return notParsed(`${quoted(token)} is not a ${spec.name}; use ${spec.min}-${spec.max}${named}`);
}

interface StepRange {
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

function parseStepRange(part: string, spec: CronFieldSpec): Parsed<StepRange> {
  if (part === '') return notParsed(`the ${spec.name} list has an empty item`);
  const pieces = part.split('/');
  if (pieces.length > 2) return notParsed(`${quoted(part)} has more than one '/'`);
  const [rangeText = '', stepText] = pieces;
  if (stepText !== undefined && !/^0*[1-9]\d*$/.test(stepText)) {
    return notParsed(`the step in ${quoted(part)} must be a whole number of 1 or more`);
  }
  const step = Number(stepText ?? 1);
  if (rangeText === '*' || (rangeText === '?' && spec.isDayField))
    return parsed({ from: spec.all[0], to: spec.all[1], step });

  const hyphen = rangeText.indexOf('-');
  if (hyphen === -1) {
    const value = parseFieldValue(rangeText, spec);
    if (!value.ok) return value;
    // Spring reads `a/n` as "from a to the end, every n".
    return parsed({ from: value.value, to: stepText === undefined ? value.value : spec.max, step });
  }
  const from = parseFieldValue(rangeText.slice(0, hyphen), spec);
  if (!from.ok) return from;
  const to = parseFieldValue(rangeText.slice(hyphen + 1), spec);
  if (!to.ok) return to;
  // As in Spring, Sunday (7) at the start of a range counts as 0, so SUN-SAT is the whole week
  // (but SUN-SUN stays Sunday).
  const start = spec.isDayOfWeek && from.value === 7 && to.value < 7 ? 0 : from.value;
  if (start > to.value) {
    const split = spec.isDayOfWeek ? ', or split it: FRI-SUN,MON' : '';
    return notParsed(
      `the ${spec.name} range ${quoted(rangeText)} runs backwards; write the earlier value first${split}`,
    );
  }
  return parsed({ from: start, to: to.value, step });
}
