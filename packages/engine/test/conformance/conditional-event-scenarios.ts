// The conditional-event scenarios that bpmn-elements and bpmn-engine share (the same models and steps), translated
// once (rules in docs/conformance.md): the JavaScript conditions become FEEL over the variable `signal`, which
// signalling the event sets (translation.ts, signalCondition).
import { expect } from 'vitest';
import type { CorpusName } from './corpus';
import {
  conditionWaiting,
  given,
  openUserTasks,
  recover,
  saveState,
  signalCondition,
  timesCompleted,
  wasActivated,
  type Rewrite,
} from './translation';

/** `${environment.services.conditionMet(content, properties.type)}`, whose function holds when signalled. */
const conditionMet = '${environment.services.conditionMet(content, properties.type)}';
/** `properties.type === 'signal' && content.message.type === "create"`: signalled with a message of type create. */
const createCondition = `next(null, properties.type === 'signal' && content.message.type === "create");`;

/** A service task (a job) with a bound conditional event that holds when signalled. */
export async function serviceWithBoundCondition(corpus: CorpusName, model: string): Promise<void> {
  const rewrite: Rewrite = {
    jobs: ['service'],
    expressions: { conditionalEvent: [conditionMet, 'signal != null'] },
  };
  // Given a process, and a condition evaluation function; when ran and the service completes
  const run = await given(corpus, model, rewrite);
  run.start();
  run.completeJob('service');
  // Then the run completes, and the bound condition was discarded
  expect(run.status).toBe('completed');
  expect(wasActivated(run, 'conditionalEvent')).toBe(false);

  // When ran again, then the bound condition is waiting
  const again = await given(corpus, model, rewrite);
  again.start();
  expect(conditionWaiting(again, 'conditionalEvent')).toBe(true);
  // When the condition is signalled, then the run completes and the bound condition was taken
  signalCondition(again, { id: 'conditionalEvent' });
  expect(again.status).toBe('completed');
  expect(timesCompleted(again, 'conditionalEvent')).toBe(1);
  expect(again.terminated()).toEqual(['service']);
}

/** bpmn-engine only: the condition holds from the start and the service would complete at once. */
export async function conditionTakesPrecedence(corpus: CorpusName, model: string): Promise<void> {
  const rewrite: Rewrite = {
    jobs: ['service'],
    expressions: { conditionalEvent: [conditionMet, 'signal != null'] },
  };
  // Given both condition and service complete immediately; when run with the same source
  const run = await given(corpus, model, rewrite);
  run.start({ signal: { id: 'conditionalEvent' } });
  // Then the condition takes precedence: the service task is ended before its job completes
  expect(run.status).toBe('completed');
  expect(timesCompleted(run, 'conditionalEvent')).toBe(1);
  expect(run.terminated()).toEqual(['service']);
  expect(run.openJobTypes()).toEqual([]);
}

/** conditional-bound-js-event.bpmn: a waiting manual task with a bound JavaScript condition. */
export async function boundJavaScriptCondition(corpus: CorpusName): Promise<void> {
  const model = 'test/resources/conditional-bound-js-event.bpmn';
  const rewrite: Rewrite = {
    waitingManualTasks: ['task'],
    expressions: { cond: ["next(null, properties.type === 'signal');", 'signal != null'] },
  };
  // Given a process matching the scenario; when ran and the conditional bound event is signalled
  const run = await given(corpus, model, rewrite);
  run.start();
  signalCondition(run, { id: 'cond' });
  // Then the run completes, and the bound condition was taken
  expect(run.status).toBe('completed');
  expect(timesCompleted(run, 'cond')).toBe(1);

  // When ran again and the task with the attached condition is signalled
  const again = await given(corpus, model, rewrite);
  again.start();
  again.completeUserTask('task');
  // Then the run completes, and the bound condition was discarded
  expect(again.status).toBe('completed');
  expect(wasActivated(again, 'cond')).toBe(false);

  // Given ran once again and stopped while waiting for the condition
  const once = await given(corpus, model, rewrite);
  once.start();
  const saved = saveState(once);
  // When the stopped run is resumed, then the condition is waiting again
  const resumed = recover(once, saved);
  expect(conditionWaiting(resumed, 'cond')).toBe(true);
  // When the condition is signalled, then the resumed run completes
  signalCondition(resumed, { id: 'cond' });
  expect(resumed.status).toBe('completed');
  // When the stopped state is used to recover and resume the run, then the condition is waiting again
  const recovered = recover(once, saved);
  expect(conditionWaiting(recovered, 'cond')).toBe(true);
  // And when it is signalled, then the recovered run completes
  signalCondition(recovered, { id: 'cond' });
  expect(recovered.status).toBe('completed');
}

const createRewrite: Rewrite = {
  waitingManualTasks: ['task'],
  expressions: { cond: [createCondition, 'signal.type = "create"'] },
};

/** A manual task with a bound condition on the signal's message, recovered and resumed at each evaluation. */
export async function recoverResumeCondition(corpus: CorpusName, model: string): Promise<void> {
  // Given a process with a bound JavaScript condition; when run, saving the state on the activity condition
  const run = await given(corpus, model, createRewrite);
  run.start();
  // Then the state is saved
  let saved = saveState(run);
  expect(conditionWaiting(run, 'cond')).toBe(true);
  // When recovered and resumed, and the condition is signalled with a non-matching message
  let resumed = recover(run, saved);
  signalCondition(resumed, { id: 'cond' });
  // Then the run is stopped (at rest, the condition still waiting), and the state saved on the condition
  expect(resumed.status).toBe('active');
  expect(conditionWaiting(resumed, 'cond')).toBe(true);
  saved = saveState(resumed);
  // When recovered and resumed from the signal, and the condition is signalled with a matching message
  const matched = recover(resumed, saved);
  signalCondition(matched, { id: 'cond', type: 'create' });
  // Then the run completes
  expect(matched.status).toBe('completed');
  // When recovered from the signal state again, and signalled with a non-matching message, then it is stopped
  resumed = recover(resumed, saved);
  signalCondition(resumed, { id: 'cond' });
  expect(resumed.status).toBe('active');
  // When the run is resumed and the condition signalled with a matching message, then the resumed run completes
  signalCondition(resumed, { id: 'cond', type: 'create' });
  expect(resumed.status).toBe('completed');
  // When recovered from the signal state yet again, and the attached task completes, then the run completes
  const last = recover(run, saved);
  expect(openUserTasks(last)).toEqual(['task']);
  last.completeUserTask('task');
  expect(last.status).toBe('completed');
}

/** Signalled fifteen times, the ninth signal matching the condition. */
export async function signalledManyTimes(corpus: CorpusName, model: string): Promise<void> {
  // Given a process matching the scenario; when ran waiting for a signal
  const run = await given(corpus, model, createRewrite);
  run.start();
  expect(conditionWaiting(run, 'cond')).toBe(true);
  // And signalled fifteen times where one in the middle (the ninth) matches the condition; signals after the
  // run completed reach no instance
  const signalled: number[] = [];
  for (let index = 0; index < 15 && run.state?.status === 'active'; index++) {
    signalCondition(run, { id: 'cond', type: index === 8 ? 'create' : 'ignore' });
    signalled.push(index);
  }
  // Then the run completes, at the matching signal
  expect(run.status).toBe('completed');
  expect(signalled.at(-1)).toBe(8);
}
