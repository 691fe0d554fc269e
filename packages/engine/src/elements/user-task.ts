import type { UserTaskNode, ValueExpression } from '@operon/model';
import { markActivated } from '../behaviours/activation';
import { describeFailure, evaluateValue, expressionText } from '../behaviours/expressions';
import { raiseIncident } from '../behaviours/incidents';
import { leaveByConditions } from '../behaviours/leave-by-conditions';
import { visibleVariables } from '../behaviours/variable-scope';
import type { ElementBehaviour } from '../element-behaviour';
import { IncidentType, type ElementInstance, type UserTask, type Variables } from '../instance-state';
import type { Processing } from '../processing';

const DEFAULT_PRIORITY = 50;

/**
 * A user task opens an entry in the task inbox (assignee and candidates from
 * `zeebe:assignmentDefinition`) and waits until a person completes it.
 */
export const userTask: ElementBehaviour<UserTaskNode> = {
  activate(p, node, element) {
    const variables = visibleVariables(p, element.key);
    const read = reader(p, element, variables);
    const assignee = read.text('assignee', node.assignee);
    const candidateGroups = read.list('candidate groups', node.candidateGroups);
    const candidateUsers = read.list('candidate users', node.candidateUsers);
    const dueDate = read.text('due date', node.dueDate);
    const followUpDate = read.text('follow-up date', node.followUpDate);
    const priority = read.priority(node.priority);
    if (read.failed) return 'failed';
    markActivated(p, element);
    const task: UserTask = {
      key: p.newKey(),
      elementInstanceKey: element.key,
      elementId: node.id,
      name: node.name,
      assignee,
      candidateGroups,
      candidateUsers,
      dueDate,
      followUpDate,
      priority,
      formId: node.formId,
      formKey: node.formKey,
      headers: node.headers,
    };
    p.emit({ type: 'user-task-created', userTask: task });
    p.effect({ type: 'open-user-task', userTask: task, variables });
    return 'wait';
  },
  outgoing: leaveByConditions,
  terminate(p, _node, element) {
    if (element.userTaskKey === undefined) return;
    p.emit({ type: 'user-task-cancelled', userTaskKey: element.userTaskKey });
    p.effect({ type: 'close-user-task', userTaskKey: element.userTaskKey });
  },
};

/** Evaluates the task's attributes; the first failure raises an incident and sets `failed`. */
function reader(p: Processing, element: ElementInstance, variables: Variables) {
  const state = {
    failed: false,
    value(label: string, expression: ValueExpression | undefined): unknown {
      if (expression === undefined || state.failed) return undefined;
      const result = evaluateValue(p, expression, variables);
      if (result.ok) return result.value;
      fail(label, expression, describeFailure(result));
      return undefined;
    },
    text(label: string, expression: ValueExpression | undefined): string | undefined {
      const value = state.value(label, expression);
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value;
      fail(label, expression, `expected text, got ${JSON.stringify(value)}`);
      return undefined;
    },
    list(label: string, expression: ValueExpression | undefined): string[] {
      if (expression?.kind === 'static') return splitList(expression.value);
      const value = state.value(label, expression);
      if (value === undefined || value === null) return [];
      if (typeof value === 'string') return splitList(value);
      if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value;
      fail(label, expression, `expected a list of text, got ${JSON.stringify(value)}`);
      return [];
    },
    priority(expression: ValueExpression | undefined): number {
      const value = state.value('priority', expression);
      if (value === undefined || value === null) return DEFAULT_PRIORITY;
      const priority = Number(value);
      if (Number.isInteger(priority) && priority >= 0 && priority <= 100) return priority;
      fail('priority', expression, `expected a whole number from 0 to 100, got ${JSON.stringify(value)}`);
      return DEFAULT_PRIORITY;
    },
  };
  function fail(label: string, expression: ValueExpression | undefined, why: string): void {
    if (state.failed) return;
    state.failed = true;
    const text = expression ? expressionText(expression) : '';
    raiseIncident(
      p,
      element,
      IncidentType.expression,
      `The ${label} '${text}' of user task '${element.elementId}' failed: ${why}.`,
    );
  }
  return state;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
