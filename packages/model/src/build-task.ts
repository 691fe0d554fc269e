import type { BuildContext } from './build-context';
import { DiagnosticCode } from './diagnostic-code';
import { capitalize } from './element-label';
import type {
  JobDefinition,
  ScriptTaskNode,
  TaskNode,
  UserTaskNode,
  ValueExpression,
  VariableMapping,
} from './process-definition';
import type { RawMapping, ZeebeExtensions } from './zeebe-extensions';

// `subject` below names the element for messages, e.g. "service task 'charge'".

/** `zeebe:taskDefinition` + `zeebe:taskHeaders`; undefined when there is no job type. */
export function buildJob(
  zeebe: ZeebeExtensions,
  id: string,
  subject: string,
  context: BuildContext,
): JobDefinition | undefined {
  const type = zeebe.taskDefinition?.type;
  if (type === undefined) return undefined;
  const retries = context.expressions.value(zeebe.taskDefinition?.retries ?? '3', id, `the job retries of ${subject}`);
  if (retries.kind === 'static' && !/^\s*\d+\s*$/.test(retries.value)) {
    context.diagnostics.error(
      DiagnosticCode.RETRIES_INVALID,
      id,
      `${capitalize(subject)} has retries="${retries.value}", which is not a whole number. ` +
        'Write a number of attempts such as "3", or a FEEL expression starting with "=".',
    );
  }
  return { type: context.expressions.value(type, id, `the job type of ${subject}`), retries, headers: zeebe.headers };
}

/** What a user task adds to the fields every node has. */
type UserTaskFields = Omit<UserTaskNode, keyof TaskNode>;

export function buildUserTask(
  zeebe: ZeebeExtensions,
  id: string,
  subject: string,
  context: BuildContext,
): UserTaskFields {
  const read = (raw: string | undefined, what: string): ValueExpression | undefined =>
    raw === undefined ? undefined : context.expressions.value(raw, id, `the ${what} of ${subject}`);
  const priority = read(zeebe.priority, 'priority');
  if (priority?.kind === 'static' && !isPriority(priority.value)) {
    context.diagnostics.error(
      DiagnosticCode.PRIORITY_INVALID,
      id,
      `${capitalize(subject)} has priority "${priority.value}", which is not a whole number from 0 to 100. ` +
        'Write a number such as "50", or a FEEL expression starting with "=".',
    );
  }
  return {
    assignee: read(zeebe.assignee, 'assignee'),
    candidateGroups: read(zeebe.candidateGroups, 'candidate groups'),
    candidateUsers: read(zeebe.candidateUsers, 'candidate users'),
    dueDate: read(zeebe.dueDate, 'due date'),
    followUpDate: read(zeebe.followUpDate, 'follow-up date'),
    priority,
    formId: zeebe.formId,
    formKey: zeebe.formKey,
    headers: zeebe.headers,
  };
}

function isPriority(value: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(value) && Number(value) <= 100;
}

type ScriptTaskFields = Pick<ScriptTaskNode, 'script' | 'job'>;

/** A script task is either a FEEL script run by the engine (`zeebe:script`) or a job (`zeebe:taskDefinition`). */
export function buildScriptTask(
  zeebe: ZeebeExtensions,
  id: string,
  subject: string,
  context: BuildContext,
): ScriptTaskFields {
  const { script, taskDefinition } = zeebe;
  const invalid = (problem: string): ScriptTaskFields => {
    context.diagnostics.error(DiagnosticCode.SCRIPT_INVALID, id, `${capitalize(subject)} ${problem}`);
    return { script: undefined, job: undefined };
  };
  if (script !== undefined && taskDefinition !== undefined) {
    return invalid(
      'has both a zeebe:script and a zeebe:taskDefinition. Keep the script to run it in the engine, ' +
        'or the task definition to hand it to a job worker.',
    );
  }
  if (script !== undefined) {
    if (script.expression === undefined) {
      return invalid('has a zeebe:script without an expression. Write the FEEL expression, e.g. expression="=a + b".');
    }
    if (script.resultVariable === undefined) {
      return invalid(
        'has a zeebe:script without a resultVariable. Name the variable that receives the result, e.g. resultVariable="total".',
      );
    }
    const expression = context.expressions.feel(script.expression, id, `the script of ${subject}`);
    return { script: { expression, resultVariable: script.resultVariable }, job: undefined };
  }
  const job = buildJob(zeebe, id, subject, context);
  if (job === undefined) {
    context.diagnostics.error(
      DiagnosticCode.MISSING_TASK_TYPE,
      id,
      `${capitalize(subject)} has neither a script nor a job type. Add a zeebe:script with an expression and a ` +
        'resultVariable (e.g. expression="=a + b" resultVariable="sum"), or a zeebe:taskDefinition with a type ' +
        'for a job worker.',
    );
  }
  return { script: undefined, job };
}

/** A variable name or a dotted path into one. FEEL names may contain blanks ("Current Vacation Status"). */
function isTarget(target: string): boolean {
  return !target.trimStart().startsWith('=') && target.split('.').every((segment) => segment.trim() !== '');
}

/** `zeebe:input` / `zeebe:output` mappings. A missing source means null, as in Camunda 8. */
export function buildMappings(
  raw: readonly RawMapping[],
  direction: 'input' | 'output',
  id: string,
  subject: string,
  context: BuildContext,
): readonly VariableMapping[] {
  return raw.flatMap(({ source, target }, index) => {
    const name = `${direction} mapping ${index + 1}`;
    if (target === undefined || !isTarget(target)) {
      context.diagnostics.error(
        DiagnosticCode.MAPPING_TARGET_INVALID,
        id,
        `The ${name} of ${subject} ` +
          (target === undefined
            ? 'has no target'
            : `has the target "${target}", which is not a variable name or path`) +
          '. Write a variable name such as "orderId", or a path such as "order.id".',
      );
      return [];
    }
    const value: ValueExpression = context.expressions.value(
      source ?? '=null',
      id,
      `the source of the ${name} of ${subject}`,
    );
    return [{ source: value, target: target.trim() }];
  });
}
