import { completeElement } from '../lifecycle';
import { invalidVariables, isVariables, type CommandHandler } from './command-handler';

export const completeUserTask: CommandHandler<'complete-user-task'> = (p, command) => {
  const task = p.draft.userTasks[command.userTaskKey];
  if (!task) {
    return {
      code: 'USER_TASK_NOT_FOUND',
      message: `User task ${command.userTaskKey} does not exist in this instance, or was already completed.`,
    };
  }
  const variables = command.variables ?? {};
  if (!isVariables(variables)) return invalidVariables;
  p.emit({ type: 'user-task-completed', userTaskKey: task.key, variables });
  p.effect({ type: 'close-user-task', userTaskKey: task.key });
  completeElement(p, task.elementInstanceKey, variables);
  return undefined;
};
