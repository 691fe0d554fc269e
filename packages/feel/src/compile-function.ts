import { builtinFunction } from './builtins';
import { CompileError, textOf, type CompileUnit, type Evaluator } from './compile-unit';
import { coerceArgument } from './coercion';
import { externalFunction } from './external-java';
import { FeelFunction, type EvalEnv, type Parameter } from './feel-function';
import { parseType } from './feel-type';
import { typeName, type FeelValue } from './feel-value';
import type { Scope } from './scope';
import { childrenOf, normalizeName, type SyntaxNode } from './syntax-tree';

type Arguments = (scope: Scope, env: EvalEnv) => readonly FeelValue[] | ReadonlyMap<string, FeelValue>;

function compileArguments(node: SyntaxNode | undefined, unit: CompileUnit): Arguments {
  if (node === undefined) return () => [];
  if (node.name === 'NamedParameters') {
    const named = childrenOf(node).map((parameter) => {
      const [nameNode, valueNode] = childrenOf(parameter);
      if (nameNode === undefined || valueNode === undefined) throw new CompileError('incomplete named parameter');
      return { name: normalizeName(textOf(nameNode, unit)), value: unit.compile(valueNode, unit) };
    });
    return (scope, env) => new Map(named.map(({ name, value }) => [name, value(scope, env)]));
  }
  const positional = childrenOf(node).map((child) => unit.compile(child, unit));
  return (scope, env) => positional.map((argument) => argument(scope, env));
}

/** A function invocation; `fixedName` is set for the date/time constructors the grammar knows. */
export function compileCall(node: SyntaxNode, fixedName: string | undefined, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const argumentsNode = children.find(
    (child) => child.name === 'PositionalParameters' || child.name === 'NamedParameters',
  );
  const args = compileArguments(argumentsNode, unit);
  let callee: Evaluator;
  let label: string;
  const calleeNode = children[0];
  if (fixedName !== undefined) {
    const builtin = builtinFunction(fixedName);
    if (builtin === undefined) throw new CompileError(`unknown function ${fixedName}`);
    callee = (scope) => {
      const shadow = scope.lookup(fixedName);
      return shadow !== undefined ? shadow : builtin;
    };
    label = fixedName;
  } else if (
    calleeNode !== undefined &&
    (calleeNode.name === 'VariableName' || calleeNode.name === 'SpecialFunctionName')
  ) {
    const name = normalizeName(textOf(calleeNode, unit));
    const builtin = builtinFunction(name);
    label = name;
    callee = (scope, env) => {
      const value = scope.lookup(name);
      if (value !== undefined) return value;
      if (builtin !== undefined) return builtin;
      env.errors.push(`no function named '${name}'`);
      return null;
    };
  } else if (calleeNode !== undefined) {
    callee = unit.compile(calleeNode, unit);
    label = textOf(calleeNode, unit);
  } else throw new CompileError('missing function');
  return (scope, env) => {
    const fn = callee(scope, env);
    if (!(fn instanceof FeelFunction)) {
      if (fn !== null) env.errors.push(`'${label}' is a ${typeName(fn)}, not a function`);
      return null;
    }
    return fn.call(args(scope, env), env);
  };
}

/** Binds arguments to parameter names, checking declared types, and evaluates a body. */
export function userFunction(
  name: string,
  parameters: readonly Parameter[],
  body: (scope: Scope, env: EvalEnv) => FeelValue,
  scope: Scope,
  resultType?: Parameter['type'],
): FeelFunction {
  return new FeelFunction(
    name,
    [
      {
        parameters: parameters.map((parameter) => ({ ...parameter, optional: true })),
        invoke: (args, env) => {
          const variables = new Map<string, FeelValue>();
          for (const [index, parameter] of parameters.entries()) {
            const value = coerceArgument(args[index] ?? null, parameter.type);
            if (value === undefined) {
              env.errors.push(`${name || 'function'}: argument '${parameter.name}' does not conform to its type`);
              return null;
            }
            variables.set(parameter.name, value);
          }
          if (args.length > parameters.length) {
            env.errors.push(`${name || 'function'}: too many arguments`);
            return null;
          }
          return body(scope.with(variables), env);
        },
      },
    ],
    resultType,
  );
}

export function compileFunctionDefinition(node: SyntaxNode, unit: CompileUnit): Evaluator {
  const children = childrenOf(node);
  const formal = children.find((child) => child.name === 'FormalParameters');
  const parameters: Parameter[] = (formal === undefined ? [] : childrenOf(formal)).map((parameter) => {
    const [nameNode, typeNode] = childrenOf(parameter);
    if (nameNode === undefined) throw new CompileError('missing parameter name');
    const name = normalizeName(textOf(nameNode, unit));
    if (typeNode === undefined) return { name };
    const type = parseType(textOf(typeNode, unit));
    if (type === undefined) throw new CompileError(`unknown parameter type ${textOf(typeNode, unit)}`);
    return { name, type };
  });
  const bodyNode = children.find((child) => child.name === 'FunctionBody');
  const inner = bodyNode && childrenOf(bodyNode)[0];
  if (inner === undefined) throw new CompileError('missing function body');
  if (children.some((child) => child.name === 'external')) {
    const definition = unit.compile(inner, unit);
    return (scope, env) => externalFunction(definition(scope, env), parameters);
  }
  const body = unit.compile(inner, unit);
  return (scope) => userFunction('', parameters, body, scope);
}
