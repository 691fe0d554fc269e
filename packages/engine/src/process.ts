import type { Command, CommandType } from './command';
import type { CommandHandler } from './commands/command-handler';
import { cancelInstance } from './commands/cancel-instance';
import { completeJob } from './commands/complete-job';
import { completeUserTask } from './commands/complete-user-task';
import { createInstance } from './commands/create-instance';
import { failJob } from './commands/fail-job';
import { resolveIncident } from './commands/resolve-incident';
import { setVariables } from './commands/set-variables';
import { triggerTimer } from './commands/trigger-timer';
import { correlateMessage } from './commands/correlate-message';
import { throwErrorCommand } from './commands/throw-error';
import { triggerSignal } from './commands/trigger-signal';
import { completeCallActivity } from './commands/complete-call-activity';
import { failCallActivity } from './commands/fail-call-activity';
import { resumeCallActivity } from './commands/resume-call-activity';
import { errorNotCaught, throwErrorFromChild } from './commands/throw-error-from-child';
import type { Effect } from './effect';
import type { EngineEvent } from './engine-event';
import type { InstanceState } from './instance-state';
import { Processing, type EngineContext } from './processing';
import { settleConditions } from './behaviours/conditions';
import type { Rejection } from './rejection';
import { draftOf, emptyDraft } from './state-draft';

export interface ProcessResult {
  /** The state after the events; the input state when the command was rejected. */
  readonly state: InstanceState | undefined;
  readonly events: readonly EngineEvent[];
  readonly effects: readonly Effect[];
  readonly rejection?: Rejection;
}

const handlers: { readonly [K in CommandType]: CommandHandler<K> } = {
  'create-instance': createInstance,
  'complete-job': completeJob,
  'fail-job': failJob,
  'throw-error': throwErrorCommand,
  'complete-user-task': completeUserTask,
  'cancel-instance': cancelInstance,
  'resolve-incident': resolveIncident,
  'set-variables': setVariables,
  'trigger-timer': triggerTimer,
  'correlate-message': correlateMessage,
  'trigger-signal': triggerSignal,
  'complete-call-activity': completeCallActivity,
  'fail-call-activity': failCallActivity,
  'resume-call-activity': resumeCallActivity,
  'throw-error-from-child': throwErrorFromChild,
  'error-not-caught': errorNotCaught,
};

/**
 * `process(state, command, ctx) → { events, effects }`: the whole engine. Pure: the same state,
 * command and context always give the same result; `state` is never changed.
 * The returned `state` equals folding `apply` over the events, handed back to save the caller the work.
 */
export function process(state: InstanceState | undefined, command: Command, context: EngineContext): ProcessResult {
  const refused = precondition(state, command);
  if (refused) return { state, events: [], effects: [], rejection: refused };
  const draft = state ? draftOf(state) : emptyDraft();
  const p = new Processing(draft, context);
  const rejection = (handlers[command.type] as CommandHandler<CommandType>)(p, command);
  if (rejection) return { state, events: [], effects: [], rejection };
  p.drain();
  settleConditions(p, 0);
  return { state: draft, events: p.events, effects: p.effects };
}

function precondition(state: InstanceState | undefined, command: Command): Rejection | undefined {
  if (command.type === 'create-instance') {
    return state
      ? { code: 'INSTANCE_EXISTS', message: `Instance ${command.instanceKey} already exists; use a new instance key.` }
      : undefined;
  }
  if (!state) return { code: 'INSTANCE_NOT_FOUND', message: 'The instance does not exist; create it first.' };
  if (state.status !== 'active') {
    return {
      code: 'INSTANCE_NOT_ACTIVE',
      message: `Instance ${state.instanceKey} is ${state.status}; commands only apply to active instances.`,
    };
  }
  return undefined;
}
