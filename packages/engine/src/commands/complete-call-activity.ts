import { waitingCallActivity } from '../behaviours/child-instance';
import { completeElement } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/**
 * The child instance of a call activity completed: its variables come out (all of them unless
 * `propagateAllChildVariables` is false; with output mappings they stay local and the mappings decide).
 */
export const completeCallActivity: CommandHandler<'complete-call-activity'> = (p, command) => {
  const found = waitingCallActivity(p, command.elementInstanceKey, command.childInstanceKey);
  if ('code' in found) return found;
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  const { node } = found;
  const passed = node.propagateAllChildVariables || node.outputs.length > 0 ? variables : {};
  completeElement(p, command.elementInstanceKey, passed);
  return undefined;
};
