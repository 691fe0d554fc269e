export { evaluateExpression, evaluateUnaryTests } from './evaluate';
export type { FeelClock, FeelContext } from './evaluate';
export type { FeelError, FeelResult } from './feel-error';
export { checkSyntax } from './syntax';
export { toJsonValue } from './json-value';

// The FEEL evaluator of our own (decimals, full date/time semantics, DMN 1.5 built-ins): see README.
export { compileExpression, compileUnaryTests } from './feel-program';
export type { CompiledExpression, CompiledUnaryTests } from './feel-program';
export { Scope } from './scope';
export { Decimal } from './decimal';
export { FeelFunction } from './feel-function';
export type { EvalEnv, Parameter } from './feel-function';
export { FeelRange, feelEquals, isContext, isList, typeName } from './feel-value';
export type { FeelContextValue, FeelList, FeelValue } from './feel-value';
export {
  DayTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelTime,
  YearMonthDuration,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
} from './temporal';
export { ANY, conformsTo, parseType, primitiveType, isSubtype } from './feel-type';
export type { FeelType, PrimitiveTypeName } from './feel-type';
export { coerceArgument } from './coercion';
export { userFunction } from './compile-function';
export { externalFunction } from './external-java';
export { builtinFunction } from './builtins';
export { stringOf } from './builtins-string';
export { fromJs, toJs } from './js-value';
export { clockInstant } from './clock-instant';
