import { externalFunction, FeelFunction, isContext, isList, type FeelValue } from '@operon/feel';
import { feelExpression, type BuildContext } from './build-context';
import { compileIteration } from './boxed-iteration';
import { compileDecisionTable } from './decision-table';
import { diagnostic, DmnDiagnosticCode } from './dmn-diagnostic';
import type { BoxedEvaluator, DmnEnv } from './dmn-env';
import { dmnFunction, type DmnParameter } from './dmn-function';
import { coerceToType, type ItemType } from './item-type';
import { child, children, idOf, kindOf, text, type ModdleElement } from './moddle-element';

const nothing: BoxedEvaluator = () => null;

function typeOf(element: ModdleElement | undefined, context: BuildContext): ItemType | undefined {
  const typeRef = text(element, 'typeRef');
  return typeRef === undefined ? undefined : context.resolveType(typeRef, idOf(element));
}

function compileContext(element: ModdleElement, context: BuildContext): BoxedEvaluator {
  const entries = children(element, 'contextEntry').map((entry) => {
    const variable = child(entry, 'variable');
    const type = typeOf(variable, context);
    return { name: text(variable, 'name'), type, value: compileBoxed(child(entry, 'value'), context, type) };
  });
  return (scope, env) => {
    const result = new Map<string, FeelValue>();
    const inner = scope.with(result);
    for (const entry of entries) {
      const value = coerceToType(entry.value(inner, env), entry.type, env, `context entry '${entry.name ?? 'result'}'`);
      if (entry.name === undefined) return value;
      result.set(entry.name, value);
    }
    return result;
  };
}

function compileInvocation(element: ModdleElement, context: BuildContext): BoxedEvaluator {
  const calledText = text(child(element, 'calledFunction'), 'text') ?? '';
  const callee = feelExpression(context, calledText.trim() || 'null', idOf(element));
  const bindings = children(element, 'binding').map((binding) => ({
    name: text(child(binding, 'parameter'), 'name') ?? '',
    value: compileBoxed(child(binding, 'bindingFormula'), context, undefined),
  }));
  return (scope, env) => {
    const fn = callee.evaluate(scope, env);
    if (!(fn instanceof FeelFunction)) {
      env.errors.push(`invocation: '${calledText}' is not a function`);
      return null;
    }
    return fn.call(new Map(bindings.map((binding) => [binding.name, binding.value(scope, env)])), env);
  };
}

export function compileFunctionDefinition(
  element: ModdleElement,
  context: BuildContext,
  name: string,
): (scope: Parameters<BoxedEvaluator>[0]) => FeelFunction {
  const kind = (text(element, 'kind') ?? 'FEEL').toUpperCase();
  const parameters: DmnParameter[] = children(element, 'formalParameter').map((parameter) => ({
    name: text(parameter, 'name') ?? '',
    type: typeOf(parameter, context),
  }));
  const bodyElement = child(element, 'body');
  const resultType = typeOf(element, context);
  if (kind === 'JAVA') {
    // The body is a context naming the class and method: mapped onto an allowlist (see @operon/feel).
    const definition = compileBoxed(bodyElement, context, undefined);
    const feelParameters = parameters.map((parameter) => ({ name: parameter.name }));
    return (scope) => {
      const probe: DmnEnv = { errors: [], now: undefined, matchedRules: [] };
      const body = definition(scope, probe);
      return externalFunction(isContext(body) && !body.has('java') ? new Map([['java', body]]) : body, feelParameters);
    };
  }
  if (kind !== 'FEEL') {
    context.diagnostics.push(
      diagnostic(DmnDiagnosticCode.unsupported, `function kind ${kind} is not supported`, idOf(element)),
    );
    const unsupported: BoxedEvaluator = (_scope, env) => {
      env.errors.push(`${name}: function kind ${kind} is not supported`);
      return null;
    };
    return (scope) => dmnFunction(name, parameters, unsupported, scope, undefined);
  }
  const body = compileBoxed(bodyElement, context, typeOf(bodyElement, context));
  return (scope) => dmnFunction(name, parameters, body, scope, resultType);
}

function compileRelation(element: ModdleElement, context: BuildContext): BoxedEvaluator {
  const columns = children(element, 'column').map((column) => ({
    name: text(column, 'name') ?? '',
    type: typeOf(column, context),
  }));
  const rows = children(element, 'row').map((row) =>
    children(row, 'elements').map((cell, index) => compileBoxed(cell, context, columns[index]?.type)),
  );
  return (scope, env) =>
    rows.map((row) => {
      if (row.length !== columns.length) {
        env.errors.push('relation: a row does not have one cell per column');
        return null;
      }
      return new Map(
        columns.map((column, index) => [
          column.name,
          coerceToType((row[index] ?? nothing)(scope, env), column.type, env, `column '${column.name}'`),
        ]),
      );
    });
}

function compileList(element: ModdleElement, context: BuildContext, type: ItemType | undefined): BoxedEvaluator {
  const itemType = type?.kind === 'collection' ? type.item : undefined;
  const items = children(element, 'elements').map((item) => compileBoxed(item, context, itemType));
  return (scope, env) => items.map((item) => item(scope, env));
}

function compileConditional(element: ModdleElement, context: BuildContext, type: ItemType | undefined): BoxedEvaluator {
  const part = (name: string, partType?: ItemType): BoxedEvaluator =>
    compileBoxed(child(child(element, name), 'value'), context, partType);
  const condition = part('if');
  const then = part('then', type);
  const otherwise = part('else', type);
  return (scope, env) => {
    const test = condition(scope, env);
    if (test !== null && typeof test !== 'boolean') {
      env.errors.push('conditional: the if expression is not a boolean');
      return null;
    }
    return test === true ? then(scope, env) : otherwise(scope, env);
  };
}

function compileFilter(element: ModdleElement, context: BuildContext): BoxedEvaluator {
  const source = compileBoxed(child(child(element, 'in'), 'value'), context, undefined);
  const match = compileBoxed(child(child(element, 'match'), 'value'), context, undefined);
  return (scope, env) => {
    const value = source(scope, env);
    if (value === null) return null;
    const list = isList(value) ? value : [value];
    const kept: FeelValue[] = [];
    for (const item of list) {
      const variables = new Map<string, FeelValue>([['item', item]]);
      if (isContext(item)) for (const [key, entry] of item) variables.set(key, entry);
      const keep = match(scope.with(variables), env);
      if (keep !== null && typeof keep !== 'boolean') {
        env.errors.push('filter: the match expression is not a boolean');
        return null;
      }
      if (keep === true) kept.push(item);
    }
    return kept;
  };
}

/**
 * Compiles any boxed expression; a missing one evaluates to null. An expression that declares
 * its own typeRef has its value conformed to that type.
 */
export function compileBoxed(
  element: ModdleElement | undefined,
  context: BuildContext,
  type: ItemType | undefined,
): BoxedEvaluator {
  if (element === undefined) return nothing;
  const ownType = kindOf(element) === 'DecisionTable' ? undefined : typeOf(element, context);
  const evaluator = compileBoxedKind(element, context, ownType ?? type);
  if (ownType === undefined) return evaluator;
  return (scope, env) => coerceToType(evaluator(scope, env), ownType, env, `expression ${idOf(element) ?? ''}`);
}

function compileBoxedKind(element: ModdleElement, context: BuildContext, type: ItemType | undefined): BoxedEvaluator {
  switch (kindOf(element)) {
    case 'LiteralExpression': {
      const source = text(element, 'text') ?? '';
      if (source.trim() === '') return nothing;
      const expression = feelExpression(context, source, idOf(element));
      return (scope, env) => expression.evaluate(scope, env);
    }
    case 'DecisionTable':
      return compileDecisionTable(element, context, type);
    case 'Context':
      return compileContext(element, context);
    case 'Invocation':
      return compileInvocation(element, context);
    case 'FunctionDefinition': {
      const build = compileFunctionDefinition(element, context, '');
      return (scope) => build(scope);
    }
    case 'Relation':
      return compileRelation(element, context);
    case 'List':
      return compileList(element, context, type);
    case 'Conditional':
      return compileConditional(element, context, type);
    case 'Filter':
      return compileFilter(element, context);
    case 'For':
    case 'Some':
    case 'Every':
      return compileIteration(element, context, compileBoxed);
    default:
      context.diagnostics.push(
        diagnostic(DmnDiagnosticCode.unsupported, `unsupported expression ${element.$type}`, idOf(element)),
      );
      return (_scope, env) => {
        env.errors.push(`unsupported expression ${element.$type}`);
        return null;
      };
  }
}
