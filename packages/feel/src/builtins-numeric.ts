import { power } from './arithmetic';
import { asInteger, asNumber, asString, builtin, invalid, type BuiltinDefinition } from './builtin-definition';
import { Decimal, ZERO, type RoundingMode } from './decimal';
import { DayTimeDuration, YearMonthDuration } from './temporal';
import type { FeelValue } from './feel-value';

/** The scales IEEE 754 decimal128 can represent. */
function validScale(scale: Decimal): boolean {
  return scale.compare(Decimal.fromInt(-6111)) >= 0 && scale.compare(Decimal.fromInt(6176)) <= 0;
}

function rounding(name: string, mode: RoundingMode, scaleOptional: boolean): BuiltinDefinition {
  return builtin(name, scaleOptional ? 'n, scale?' : 'n, scale', (args, env) => {
    const n = asNumber(args[0]);
    const scale = args.length > 1 ? asNumber(args[1]) : ZERO;
    if (n === undefined || scale === undefined) return null;
    if (!scale.isInteger() || !validScale(scale)) return invalid(env, `${name}: invalid scale`);
    return n.round(scale.toNumber(), mode);
  });
}

function fromFloat(value: number, env: Parameters<BuiltinDefinition['invoke']>[1], name: string): FeelValue {
  const result = Decimal.fromNumber(value);
  return result ?? invalid(env, `${name}: the result is not a number`);
}

function parseNumber(args: readonly FeelValue[]): FeelValue {
  const text = asString(args[0]);
  if (text === undefined) return null;
  const grouping = args[1] ?? null;
  const decimal = args[2] ?? null;
  if (grouping !== null && (typeof grouping !== 'string' || ![' ', ',', '.'].includes(grouping))) return null;
  if (decimal !== null && (typeof decimal !== 'string' || !['.', ','].includes(decimal))) return null;
  if (grouping !== null && grouping === decimal) return null;
  let normalized = text;
  if (typeof grouping === 'string') normalized = normalized.split(grouping).join('');
  if (typeof decimal === 'string') normalized = normalized.replace(decimal, '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalized)) return null;
  return Decimal.parse(normalized) ?? null;
}

export const NUMERIC_BUILTINS: readonly BuiltinDefinition[] = [
  builtin('decimal', 'n, scale', (args, env) => {
    const n = asNumber(args[0]);
    const scale = asNumber(args[1]);
    if (n === undefined || scale === undefined) return null;
    const whole = scale.round(0, 'down');
    if (!validScale(whole)) return invalid(env, 'decimal: invalid scale');
    return n.round(whole.toNumber(), 'half-even');
  }),
  rounding('floor', 'floor', true),
  rounding('ceiling', 'ceiling', true),
  rounding('round up', 'up', false),
  rounding('round down', 'down', false),
  rounding('round half up', 'half-up', false),
  rounding('round half down', 'half-down', false),
  builtin('abs', 'n', ([n]) => {
    if (n instanceof Decimal) return n.abs();
    if (n instanceof DayTimeDuration) return new DayTimeDuration(n.seconds.abs());
    if (n instanceof YearMonthDuration) return new YearMonthDuration(Math.abs(n.months));
    return null;
  }),
  builtin('modulo', 'dividend, divisor', (args) => {
    const dividend = asNumber(args[0]);
    const divisor = asNumber(args[1]);
    if (dividend === undefined || divisor === undefined || divisor.isZero()) return null;
    const quotient = (dividend.div(divisor) ?? ZERO).floor();
    return dividend.sub(divisor.mul(quotient));
  }),
  builtin('sqrt', 'number', (args, env) => {
    const n = asNumber(args[0]);
    if (n === undefined) return null;
    if (n.isNegative()) return invalid(env, 'sqrt: negative number');
    return fromFloat(Math.sqrt(n.toNumber()), env, 'sqrt');
  }),
  builtin('log', 'number', (args, env) => {
    const n = asNumber(args[0]);
    if (n === undefined) return null;
    if (n.sign() <= 0) return invalid(env, 'log: the number must be positive');
    return fromFloat(Math.log(n.toNumber()), env, 'log');
  }),
  builtin('exp', 'number', (args, env) => {
    const n = asNumber(args[0]);
    return n === undefined ? null : fromFloat(Math.exp(n.toNumber()), env, 'exp');
  }),
  builtin('odd', 'number', ([n]) => (n instanceof Decimal && n.isInteger() ? n.toBigInt() % 2n !== 0n : null)),
  builtin('even', 'number', ([n]) => (n instanceof Decimal && n.isInteger() ? n.toBigInt() % 2n === 0n : null)),
  builtin('number', 'from, grouping separator?, decimal separator?', parseNumber),
  builtin('power', 'base, exponent', (args) => {
    const base = asNumber(args[0]);
    const exponent = asInteger(args[1]);
    return base === undefined || exponent === undefined ? null : power(base, Decimal.fromInt(exponent));
  }),
];
