import type { EngineEvent } from '@operon/engine';
import type { ProcessDefinition } from '@operon/model';

/** One readable line per event that matters to a person watching a run. */
export function traceLine(event: EngineEvent, definition: ProcessDefinition): string | undefined {
  const label = (elementId: string) => {
    const node = definition.nodes.get(elementId);
    if (!node) return `process ${elementId}`;
    return node.name ? `${node.kind} ${elementId} "${node.name}"` : `${node.kind} ${elementId}`;
  };
  switch (event.type) {
    case 'element-activated':
      return `  ▶ ${label(event.elementId)}`;
    case 'element-completed':
      return `  ✔ ${label(event.elementId)} completed`;
    case 'element-terminated':
      return `  ✖ ${label(event.elementId)} terminated`;
    case 'flow-taken':
      return `    → ${event.flowId}`;
    case 'job-created':
      return `    ⚙ job '${event.job.type}' (#${event.job.key}, ${event.job.retries} retries)`;
    case 'timer-scheduled':
      return `    ⏱ timer #${event.timer.key} for ${event.timer.elementId} due ${new Date(event.timer.dueAt).toISOString()}`;
    case 'timer-triggered':
      return `    ⏱ timer #${event.timerKey} fired`;
    case 'job-completed':
      return `    ⚙ job #${event.jobKey} completed`;
    case 'user-task-created': {
      const who = event.userTask.assignee ?? (event.userTask.candidateGroups.join(', ') || 'anyone');
      return `    👤 user task #${event.userTask.key} for ${who}`;
    }
    case 'user-task-completed':
      return `    👤 user task #${event.userTaskKey} completed`;
    case 'variables-set':
      return `    = ${JSON.stringify(event.variables)}`;
    case 'decision-evaluated':
      return event.decisions
        .map((audit) => {
          const rules = audit.matchedRules.map((rule) => rule.ruleId ?? `#${rule.index}`).join(', ');
          return `    ⚖ decision ${audit.decisionId} → ${JSON.stringify(audit.output)}${rules ? ` (rules ${rules})` : ''}`;
        })
        .join('\n');
    case 'compensation-handler-started':
      return `    ↺ compensating ${label(event.elementId)} with ${event.handlerId}`;
    case 'incident-raised':
      return `  ⚠ incident at ${event.elementId} (${event.incidentType}): ${event.message}`;
    case 'instance-terminated':
      return `  ✖ instance terminated (${event.reason})`;
    default:
      return undefined;
  }
}
