import { startInstance } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

export const createInstance: CommandHandler<'create-instance'> = (p, command) => {
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  p.emit({
    type: 'instance-created',
    instanceKey: command.instanceKey,
    processId: p.definition.id,
    businessKey: command.businessKey,
    rootKey: p.newKey(),
  });
  startInstance(p, variables);
  return undefined;
};
