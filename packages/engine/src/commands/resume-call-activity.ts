import { requestChildInstance, waitingCallActivity } from '../behaviours/child-instance';
import type { CommandHandler } from './command-handler';

/**
 * After a crash between the parent's commit and the child's creation, the runtime asks again: the same
 * `create-child-instance` effect, for the child already named, and no events.
 */
export const resumeCallActivity: CommandHandler<'resume-call-activity'> = (p, command) => {
  const found = waitingCallActivity(p, command.elementInstanceKey, command.childInstanceKey);
  if ('code' in found) return found;
  if (found.element.incidentKey === undefined) {
    requestChildInstance(p, found.node, found.element, command.childInstanceKey);
  }
  return undefined;
};
