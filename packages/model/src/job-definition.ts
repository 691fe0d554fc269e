import type { FlowNode, JobDefinition } from './process-definition';

/**
 * The job a worker does for this node, if it is one: a service or send task, a script or business rule task
 * with a task definition, or a message throw event (intermediate or end), as Camunda 8 runs them.
 */
export function jobDefinitionOf(node: FlowNode): JobDefinition | undefined {
  switch (node.kind) {
    case 'serviceTask':
    case 'sendTask':
    case 'scriptTask':
    case 'businessRuleTask':
      return node.job;
    case 'intermediateThrowEvent':
    case 'endEvent':
      return typeof node.eventDefinition === 'object' && node.eventDefinition.kind === 'message'
        ? node.eventDefinition.job
        : undefined;
    default:
      return undefined;
  }
}
