import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { moddleTypeLabel } from './element-label';
import { elementId, elementProperty, isInstanceOf, stringProperty, type ModdleElement } from './moddle-element';
import type { SequenceFlow } from './process-definition';

/** The flow nodes of one process or sub-process: the only ones its sequence flows may connect. */
export interface FlowScope {
  /** Nodes built (supported kinds). */
  readonly nodeIds: ReadonlySet<string>;
  /** Every flow node of the scope, including unsupported ones (already reported). */
  readonly flowNodeIds: ReadonlySet<string>;
}

/** A sequence flow, or undefined when an end of it is missing or unusable (reported). */
export function buildSequenceFlow(
  element: ModdleElement,
  scope: FlowScope,
  context: BuildContext,
): SequenceFlow | undefined {
  const id = elementId(element);
  if (id === undefined) {
    context.diagnostics.error(
      DiagnosticCode.MISSING_ID,
      undefined,
      'A sequence flow has no id. Give it a unique id, e.g. id="Flow_1".',
    );
    return undefined;
  }
  const sourceId = endOf(element, id, 'source', scope, context);
  const targetId = endOf(element, id, 'target', scope, context);
  const body = elementProperty(element, 'conditionExpression');
  const text = body === undefined ? undefined : stringProperty(body, 'body');
  const language = body === undefined ? undefined : stringProperty(body, 'language');
  if (language !== undefined && !/^(feel|https?:\/\/www\.omg\.org\/spec\/FEEL\/.*)$/i.test(language.trim())) {
    context.diagnostics.error(
      DiagnosticCode.CONDITION_LANGUAGE_UNSUPPORTED,
      id,
      `The condition of sequence flow '${id}' is written in '${language}'; Operon evaluates FEEL only. ` +
        'Rewrite it in FEEL (e.g. =amount > 100) and remove the language attribute.',
    );
    return undefined;
  }
  const condition =
    text === undefined ? undefined : context.expressions.feel(text, id, `the condition of sequence flow '${id}'`);
  if (sourceId === undefined || targetId === undefined) return undefined;
  return { id, name: stringProperty(element, 'name'), sourceId, targetId, condition };
}

type FlowEnd = { readonly nodeId: string } | { readonly problem: string } | 'unsupported';

function endOf(
  flow: ModdleElement,
  flowId: string,
  end: 'source' | 'target',
  scope: FlowScope,
  context: BuildContext,
): string | undefined {
  const found = findEnd(flow, end, scope, context);
  if (found === 'unsupported') return undefined; // an unsupported element, reported on its own
  if ('nodeId' in found) return found.nodeId;
  const code = end === 'source' ? DiagnosticCode.MISSING_FLOW_SOURCE : DiagnosticCode.MISSING_FLOW_TARGET;
  context.diagnostics.error(code, flowId, `Sequence flow '${flowId}' ${found.problem}`);
  return undefined;
}

function findEnd(flow: ModdleElement, end: 'source' | 'target', scope: FlowScope, context: BuildContext): FlowEnd {
  const property = end === 'source' ? 'sourceRef' : 'targetRef';
  const verb = end === 'source' ? 'starts at' : 'ends at';
  const unresolved = context.references.get(flow, `bpmn:${property}`);
  if (unresolved !== undefined) {
    return {
      problem:
        `${verb} '${unresolved}', but the document has no element with that id. ` +
        `Connect the flow's ${end} to an element of the same process, or delete the flow.`,
    };
  }
  const node = elementProperty(flow, property);
  const nodeId = node === undefined ? undefined : elementId(node);
  if (node === undefined || nodeId === undefined) {
    return { problem: `has no ${end} (${property}). Connect its ${end} to an element, or delete the flow.` };
  }
  if (scope.nodeIds.has(nodeId)) return { nodeId };
  if (scope.flowNodeIds.has(nodeId)) return 'unsupported';
  if (isInstanceOf(node, 'bpmn:FlowNode')) {
    return {
      problem:
        `${verb} '${nodeId}', which is in another process or sub-process. Sequence flows cannot cross the border ` +
        'of a sub-process or a pool: connect elements on the same level.',
    };
  }
  return {
    problem:
      `${verb} '${nodeId}', which is a ${moddleTypeLabel(node.$type)}, not an event, task, gateway or sub-process. ` +
      `Connect the flow's ${end} to one of those.`,
  };
}
