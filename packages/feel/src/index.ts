export { evaluateExpression, evaluateUnaryTests } from './evaluate';
export type { FeelClock, FeelContext } from './evaluate';
export type { FeelError, FeelResult } from './feel-error';
export { checkSyntax } from './syntax';
export { toJsonValue } from './json-value';
