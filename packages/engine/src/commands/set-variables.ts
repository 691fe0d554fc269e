import { propagateVariables, setLocalVariables } from '../behaviours/variable-scope';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

/** Sets variables on the process or on an element instance's scope, as Camunda 8's SetVariables does. */
export const setVariables: CommandHandler<'set-variables'> = (p, command) => {
  if (!isVariables(command.variables)) return invalidVariables;
  const scopeKey = command.scopeKey ?? p.draft.rootKey;
  if (!p.element(scopeKey)) {
    return {
      code: 'SCOPE_NOT_FOUND',
      message: `Element instance ${scopeKey} is not active in this instance; variables can only be set on active scopes.`,
    };
  }
  if (command.local) setLocalVariables(p, scopeKey, command.variables);
  else propagateVariables(p, scopeKey, command.variables);
  return undefined;
};
