import { startInstance } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

export const createInstance: CommandHandler<'create-instance'> = (p, command) => {
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  const startEventId = command.startEventId ?? p.definition.startEventId;
  const startsHere = command.startEventId === undefined || p.definition.triggeredStartEventIds.includes(startEventId);
  if (startEventId === '' || !startsHere) {
    return {
      code: 'VALIDATION_FAILED',
      message:
        command.startEventId === undefined
          ? `Process '${p.definition.id}' has no none start event: it starts by its timer, message, signal or conditional start events.`
          : `'${startEventId}' is not a timer, message, signal or conditional start event of process '${p.definition.id}'.`,
    };
  }
  p.emit({
    type: 'instance-created',
    instanceKey: command.instanceKey,
    processId: p.definition.id,
    businessKey: command.businessKey,
    rootKey: p.newKey(),
    ...(command.parent ? { parent: command.parent } : {}),
  });
  startInstance(p, variables, startEventId);
  return undefined;
};
