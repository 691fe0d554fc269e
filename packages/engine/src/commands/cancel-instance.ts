import { terminateElement } from '../lifecycle';
import type { CommandHandler } from './command-handler';

/** Terminates every element of the instance; the instance ends as terminated. */
export const cancelInstance: CommandHandler<'cancel-instance'> = (p, command) => {
  terminateElement(p, p.draft.rootKey);
  p.emit({ type: 'instance-terminated', reason: 'cancelled' });
  p.effect({ type: 'instance-ended', status: p.draft.status });
  // a child cancelled on its own leaves its call activity at an incident, rather than waiting for ever
  if (p.draft.parent && !command.byParent) {
    p.effect({
      type: 'fail-call-activity',
      parent: p.draft.parent,
      message: `The called instance ${p.draft.instanceKey} was cancelled. Resolve the incident to call the process again.`,
    });
  }
  return undefined;
};
