import { evaluateExpression } from '@operon/feel';
import type { FlowNode, LoopCharacteristics, MultiInstanceLoop } from '@operon/model';
import type { Lifecycle } from '../element-behaviour';
import { IncidentType, type ElementInstance, type Variables } from '../instance-state';
import type { Processing } from '../processing';
import { raiseIncident } from './incidents';
import { markActivated } from './activation';
import { propagateVariables, setLocalVariables, visibleVariables } from './variable-scope';

/**
 * Multi-instance and standard loops, as Camunda 8 runs multi-instance: the activity's first element instance
 * is the **body**, a scope holding its boundary events and the output collection; each run of the activity is
 * an **iteration** inside it (same element id) with the local variables `loopCounter` (1, 2, …) and the input
 * element. Parallel bodies start every iteration at once, sequential ones the next when one completes; the body
 * completes when no iteration is left (the lifecycle's scope rule), or ends the others when the completion
 * condition is true.
 */
export type LoopRole = 'body' | 'iteration';

/** A standard loop without a maximum stops at an incident after this many runs, rather than running for ever. */
const MAX_STANDARD_LOOPS = 10_000;

/** Whether this element instance of a looping activity is its body or one iteration; undefined for other elements. */
export function loopRoleOf(p: Processing, node: FlowNode, element: ElementInstance): LoopRole | undefined {
  if (node.loop === undefined) return undefined;
  const scope = element.scopeKey === undefined ? undefined : p.element(element.scopeKey);
  return scope?.elementId === element.elementId ? 'iteration' : 'body';
}

/**
 * Activates a body: evaluates the input collection (an incident when it is not a list), sets up the output
 * collection and starts the first iteration(s). Returns false on an incident, `complete` for no iteration.
 */
export function activateLoopBody(
  p: Processing,
  loop: LoopCharacteristics,
  body: ElementInstance,
  lifecycle: Lifecycle,
): 'wait' | 'complete' | 'failed' {
  if (loop.kind === 'standardLoop') {
    if (loop.testBefore) {
      const holds = loopConditionHolds(p, loop, body, visibleVariables(p, body.key));
      if (holds === undefined) return 'failed';
      if (!holds) return markedComplete(p, body);
    }
    markActivated(p, body);
    if (loop.loopMaximum === 0) return 'complete';
    startIteration(p, body, lifecycle, 0, undefined);
    return 'wait';
  }
  const items = inputItems(p, loop, body);
  if (items === undefined) return 'failed';
  p.emit({ type: 'loop-started', key: body.key, items });
  if (loop.outputCollection !== undefined) {
    setLocalVariables(p, body.key, { [loop.outputCollection]: items.map(() => null) });
  }
  markActivated(p, body);
  if (items.length === 0) return 'complete';
  const first = loop.sequential ? items.slice(0, 1) : items;
  first.forEach((item, index) => startIteration(p, body, lifecycle, index, loop.inputElement, item));
  return 'wait';
}

function markedComplete(p: Processing, body: ElementInstance): 'complete' {
  markActivated(p, body);
  return 'complete';
}

/** The items of the input collection, or `loopCardinality` nulls; undefined when it failed (an incident was raised). */
function inputItems(p: Processing, loop: MultiInstanceLoop, body: ElementInstance): readonly unknown[] | undefined {
  const variables = body.scopeKey === undefined ? {} : visibleVariables(p, body.scopeKey);
  if (loop.inputCollection !== undefined) {
    const result = evaluateExpression(loop.inputCollection, variables, { now: p.context.now });
    if (result.ok && Array.isArray(result.value)) return result.value as unknown[];
    const gave = result.ok ? `gave ${JSON.stringify(result.value)}` : result.error.message;
    raiseIncident(
      p,
      body,
      IncidentType.expression,
      `The input collection '${loop.inputCollection}' of '${body.elementId}' must give a list, but ${gave}. ` +
        'Set the variable it reads to a list, then resolve the incident.',
    );
    return undefined;
  }
  const result = evaluateExpression(loop.cardinality ?? '0', variables, { now: p.context.now });
  const count = result.ok && typeof result.value === 'number' ? result.value : Number.NaN;
  if (result.ok && Number.isInteger(count) && count >= 0 && count <= 10_000)
    return Array.from({ length: count }, () => null);
  raiseIncident(
    p,
    body,
    IncidentType.expression,
    `The loop cardinality '${loop.cardinality ?? ''}' of '${body.elementId}' must give a whole number from 0 to 10000.`,
  );
  return undefined;
}

function startIteration(
  p: Processing,
  body: ElementInstance,
  lifecycle: Lifecycle,
  index: number,
  inputElement: string | undefined,
  item?: unknown,
): void {
  const key = lifecycle.activate(body.elementId, body.key);
  const locals: Record<string, unknown> = { loopCounter: index + 1 };
  if (inputElement !== undefined) locals[inputElement] = item ?? null;
  setLocalVariables(p, key, locals);
}

/**
 * While an iteration completes (after its output mappings): writes its output element into the body's output
 * collection and evaluates the completion condition (or, for a standard loop, the loop condition). Returns
 * what the body does next, or undefined when an expression failed (an incident stops the iteration; resolving
 * it runs this again, which is safe: the write goes to the same index).
 */
export function finishIteration(
  p: Processing,
  loop: LoopCharacteristics,
  iteration: ElementInstance,
): 'next' | 'done' | 'wait' | undefined {
  const body = iteration.scopeKey === undefined ? undefined : p.element(iteration.scopeKey);
  if (!body) return 'wait';
  const counter = Number(p.draft.variables[iteration.key]?.['loopCounter'] ?? 1);
  const variables = visibleVariables(p, iteration.key);
  if (loop.kind === 'standardLoop') {
    if (loop.loopMaximum !== undefined && counter >= loop.loopMaximum) return 'done';
    if (counter >= MAX_STANDARD_LOOPS) {
      raiseIncident(
        p,
        iteration,
        IncidentType.expression,
        `The loop of '${iteration.elementId}' ran ${counter} times and its condition still holds. ` +
          'Give it a loopMaximum, or a loop condition that becomes false.',
      );
      return undefined;
    }
    const again = loopConditionHolds(p, loop, iteration, variables);
    if (again === undefined) return undefined;
    return again ? 'next' : 'done';
  }
  if (loop.outputCollection !== undefined && loop.outputElement !== undefined) {
    const result = evaluateExpression(loop.outputElement, variables, { now: p.context.now });
    if (!result.ok) {
      raiseIncident(
        p,
        iteration,
        IncidentType.expression,
        `The output element '${loop.outputElement}' of '${iteration.elementId}' failed: ${result.error.message}.`,
      );
      return undefined;
    }
    const current = p.draft.variables[body.key]?.[loop.outputCollection];
    const collection = Array.isArray(current) ? [...(current as unknown[])] : [];
    collection[counter - 1] = result.value ?? null;
    setLocalVariables(p, body.key, { [loop.outputCollection]: collection });
  }
  const total = body.loopItems?.length ?? 0;
  const active = p.childrenOf(body.key).length - 1;
  if (loop.completionCondition !== undefined) {
    const counts = {
      numberOfInstances: total,
      numberOfActiveInstances: active,
      numberOfCompletedInstances: loop.sequential ? counter : total - active,
    };
    const result = evaluateExpression(loop.completionCondition, { ...variables, ...counts }, { now: p.context.now });
    if (!result.ok || typeof result.value !== 'boolean') {
      const gave = result.ok ? `gave ${JSON.stringify(result.value)}` : result.error.message;
      raiseIncident(
        p,
        iteration,
        IncidentType.expression,
        `The completion condition '${loop.completionCondition}' of '${iteration.elementId}' must give true or false, but ${gave}.`,
      );
      return undefined;
    }
    if (result.value) return 'done';
  }
  return loop.sequential && counter < total ? 'next' : 'wait';
}

/** After an iteration completed: starts the next one, or ends the others when the loop is done. */
export function continueLoop(
  p: Processing,
  loop: LoopCharacteristics,
  body: ElementInstance,
  completedCounter: number,
  next: 'next' | 'done' | 'wait',
  lifecycle: Lifecycle,
): void {
  if (next === 'done') {
    for (const child of p.childrenOf(body.key)) lifecycle.terminate(child.key);
    return;
  }
  if (next !== 'next') return;
  const inputElement = loop.kind === 'multiInstance' ? loop.inputElement : undefined;
  startIteration(p, body, lifecycle, completedCounter, inputElement, body.loopItems?.[completedCounter]);
}

/** When the body completes: its output collection leaves the body, as Camunda 8 propagates it. */
export function propagateOutputCollection(p: Processing, loop: LoopCharacteristics, body: ElementInstance): void {
  if (loop.kind !== 'multiInstance' || loop.outputCollection === undefined || body.scopeKey === undefined) return;
  const collection: Variables = { [loop.outputCollection]: p.draft.variables[body.key]?.[loop.outputCollection] ?? [] };
  propagateVariables(p, body.scopeKey, collection);
}

function loopConditionHolds(
  p: Processing,
  loop: Extract<LoopCharacteristics, { kind: 'standardLoop' }>,
  element: ElementInstance,
  variables: Variables,
): boolean | undefined {
  if (loop.loopCondition === undefined) return false;
  const result = evaluateExpression(loop.loopCondition, variables, { now: p.context.now });
  if (result.ok && typeof result.value === 'boolean') return result.value;
  const gave = result.ok ? `gave ${JSON.stringify(result.value)}` : result.error.message;
  raiseIncident(
    p,
    element,
    IncidentType.expression,
    `The loop condition '${loop.loopCondition}' of '${element.elementId}' must give true or false, but ${gave}.`,
  );
  return undefined;
}
