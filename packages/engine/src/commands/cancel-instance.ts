import { terminateElement } from '../lifecycle';
import type { CommandHandler } from './command-handler';

/** Terminates every element of the instance; the instance ends as terminated. */
export const cancelInstance: CommandHandler<'cancel-instance'> = (p) => {
  terminateElement(p, p.draft.rootKey);
  p.emit({ type: 'instance-terminated', reason: 'cancelled' });
  p.effect({ type: 'instance-ended', status: p.draft.status });
  return undefined;
};
