import { Decimal } from './decimal';
import { FeelFunction, type EvalEnv, type Parameter } from './feel-function';
import { isContext, type FeelValue } from './feel-value';
import { stringOf } from './builtins-string';

/**
 * FEEL `external` functions name a Java class and method. We do not run Java: a fixed allowlist of
 * pure `java.lang` methods is mapped onto equivalents, and anything else is an error (null).
 */
type JavaMethod = (args: readonly FeelValue[]) => FeelValue;

const num = (value: FeelValue | undefined): number | undefined =>
  value instanceof Decimal ? value.toNumber() : undefined;
const fromFloat = (value: number | undefined): FeelValue =>
  value === undefined ? null : (Decimal.fromNumber(value) ?? null);

function numeric(fn: (...values: number[]) => number): JavaMethod {
  return (args) => {
    const values = args.map(num).filter((value): value is number => value !== undefined);
    return values.length === args.length ? fromFloat(fn(...values)) : null;
  };
}

function parseNumber(integer: boolean): JavaMethod {
  return ([text]) => {
    if (
      typeof text !== 'string' ||
      !(integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/).test(text.trim())
    )
      return null;
    return Decimal.parse(text.trim()) ?? null;
  };
}

const identityNumber: JavaMethod = ([value]) => (value instanceof Decimal ? value : null);

function format([pattern, ...rest]: readonly FeelValue[]): FeelValue {
  if (typeof pattern !== 'string') return null;
  const values = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as FeelValue[]) : rest;
  let index = 0;
  return pattern.replace(/%[sd]/g, () => {
    const value = values[index++] ?? null;
    return value === null ? 'null' : stringOf(value);
  });
}

const METHODS: Readonly<Record<string, JavaMethod>> = {
  'java.lang.Math.max(double,double)': numeric(Math.max),
  'java.lang.Math.max(float,float)': numeric(Math.max),
  'java.lang.Math.max(int,int)': numeric((a, b) => Math.max(Math.trunc(a), Math.trunc(b))),
  'java.lang.Math.max(long,long)': numeric((a, b) => Math.max(Math.trunc(a), Math.trunc(b))),
  'java.lang.Math.min(double,double)': numeric(Math.min),
  'java.lang.Math.min(int,int)': numeric((a, b) => Math.min(Math.trunc(a), Math.trunc(b))),
  'java.lang.Math.abs(double)': numeric(Math.abs),
  'java.lang.Math.cos(double)': numeric(Math.cos),
  'java.lang.Math.sin(double)': numeric(Math.sin),
  'java.lang.Math.tan(double)': numeric(Math.tan),
  'java.lang.Math.sqrt(double)': numeric(Math.sqrt),
  'java.lang.Math.exp(double)': numeric(Math.exp),
  'java.lang.Math.log(double)': numeric(Math.log),
  'java.lang.Math.floor(double)': numeric(Math.floor),
  'java.lang.Math.ceil(double)': numeric(Math.ceil),
  'java.lang.Math.pow(double,double)': numeric(Math.pow),
  'java.lang.Integer.valueOf(java.lang.String)': parseNumber(true),
  'java.lang.Integer.parseInt(java.lang.String)': parseNumber(true),
  'java.lang.Long.valueOf(java.lang.String)': parseNumber(true),
  'java.lang.Double.valueOf(java.lang.String)': parseNumber(false),
  'java.lang.Double.parseDouble(java.lang.String)': parseNumber(false),
  'java.lang.Float.valueOf(java.lang.String)': parseNumber(false),
  'java.lang.Byte.valueOf(byte)': identityNumber,
  'java.lang.Short.valueOf(short)': identityNumber,
  'java.lang.Integer.valueOf(int)': identityNumber,
  'java.lang.String.valueOf(char)': ([value]) =>
    typeof value === 'string' && Array.from(value).length === 1 ? value : null,
  'java.lang.String.valueOf(java.lang.Object)': ([value]) =>
    value === null || value === undefined ? 'null' : stringOf(value),
  'java.lang.String.format(java.lang.String,[Ljava.lang.Object;)': format,
};

/** The function an `external` definition describes (`{java: {class: …, method signature: …}}`). */
export function externalFunction(definition: FeelValue, parameters: readonly Parameter[]): FeelFunction {
  const java = isContext(definition) ? definition.get('java') : undefined;
  const className = isContext(java ?? null) ? (java as ReadonlyMap<string, FeelValue>).get('class') : undefined;
  const signature = isContext(java ?? null)
    ? (java as ReadonlyMap<string, FeelValue>).get('method signature')
    : undefined;
  const key =
    typeof className === 'string' && typeof signature === 'string'
      ? `${className}.${signature.replace(/\s+/g, '')}`
      : '';
  const method = METHODS[key];
  return new FeelFunction(`external ${key}`, [
    {
      parameters: parameters.map((parameter) => ({ ...parameter, optional: true })),
      invoke: (args: readonly FeelValue[], env: EvalEnv) => {
        if (method === undefined) {
          env.errors.push(`external function ${key || '(no java class and method)'} is not available`);
          return null;
        }
        const result = method(args);
        if (result === null) env.errors.push(`external function ${key} failed for its arguments`);
        return result;
      },
    },
  ]);
}
