// The call-activity scenarios that bpmn-elements and bpmn-engine share (the same models, the same steps),
// translated once (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { CalledProcesses } from './called-processes';
import type { CorpusName } from './corpus';
import { timesCompleted, type Rewrite } from './translation';

/**
 * The called process, marked `isExecutable="false"` and without a start event, is marked executable and gets a
 * start event before its activities (bpmn-elements calls it from the same definitions); its JavaScript service
 * tasks become jobs.
 */
export function calledProcess(activities: readonly string[], jobs: readonly string[] = []): Rewrite {
  return { executable: ['called-process'], startEvents: { 'called-process': activities }, jobs };
}

/** The error the job worker throws for bpmn-elements' failing service (`new Error('No cigarr')`). */
const SERVICE_ERROR = 'No cigarr';

/** A child instance is waiting at an open job of this type. */
function waitsAtJob(run: Scenario, type: string): boolean {
  return run.status === 'active' && run.openJobTypes().includes(type);
}

/** "called process throws": its service fails; uncaught, and then caught by an error boundary event. */
export async function calledProcessThrows(corpus: CorpusName): Promise<void> {
  const rewrite = calledProcess(['task'], ['task']);
  // Given a process with a call activity referencing a process that throws
  const uncaught = await CalledProcesses.of(corpus, 'scenarios/bpmn/call-activity-feature__01.bpmn', rewrite);
  // When ran: the called process's service fails (its worker fails the job, no retries left)
  const root = uncaught.start('main-process');
  const [child] = uncaught.children('called-process');
  if (!child) throw new Error('the call activity started no process');
  uncaught.failJob(child, 'task', SERVICE_ERROR);
  // Then run fails: an incident at the failing service, and the run does not complete
  expect(child.incidentAt('task').message).toContain(SERVICE_ERROR);
  expect(root.status).toBe('active');

  // Given a process with a call activity with bound error handling referencing a process that throws
  const caught = await CalledProcesses.of(corpus, 'scenarios/bpmn/call-activity-feature__02.bpmn', rewrite);
  // When ran: the called process's service fails; its worker throws a BPMN error, which the error boundary event
  // (no error reference: any error) expects
  const main = caught.start('main-process');
  const [called] = caught.children('called-process');
  if (!called) throw new Error('the call activity started no process');
  caught.throwError(called, 'task', SERVICE_ERROR);
  // Then run completes, and the bound activity was taken (the error caught by the boundary event)
  expect(main.status).toBe('completed');
  expect(timesCompleted(main, 'bound')).toBe(1);
  expect(timesCompleted(main, 'failedend')).toBe(1);
}

/** The jobs of the called processes complete, in the order the processes started. */
function completeEvery(runs: CalledProcesses): void {
  for (const child of runs.children('called-process')) runs.completeJob(child, 'task');
}

/** "Multi-instance is waiting to complete": the call activity waits for three called processes at their service. */
function expectWaitingForThree(runs: CalledProcesses): void {
  expect(new Set(runs.root.active())).toEqual(new Set(['call-activity']));
  const children = runs.children('called-process');
  expect(children.map((child) => waitsAtJob(child, 'task'))).toEqual([true, true, true]);
}

/**
 * "a process with a parallel multi-instance call activity with cardinality of three", calling a process with a
 * service task (a job): the steps both corpora state; bpmn-elements also counts its execute queue (returned for
 * the caller to check between the first and the rest).
 */
export async function multiInstanceCall(
  corpus: CorpusName,
  model: string,
  afterFirst?: (runs: CalledProcesses) => void,
): Promise<void> {
  const rewrite = calledProcess(['task'], ['task']);
  // Given two processes; when ran
  const runs = await CalledProcesses.of(corpus, model, rewrite);
  const main = runs.start('main-process');
  // Then multi-instance is waiting to complete, and the executable process is running
  expectWaitingForThree(runs);
  expect(main.status).toBe('active');
  // And three instances of called process are running with unique execution ids
  const keys = runs.children('called-process').map((child) => child.state?.instanceKey);
  expect(new Set(keys).size).toBe(3);
  if (afterFirst) afterFirst(runs);
  // When (the rest of) multi-instance completes, then run completes
  for (const child of runs.children('called-process')) if (waitsAtJob(child, 'task')) runs.completeJob(child, 'task');
  expect(main.status).toBe('completed');

  // When ran again, then multi-instance is waiting to complete
  const again = await CalledProcesses.of(corpus, model, rewrite);
  again.start('main-process');
  expectWaitingForThree(again);
  // Given stopped (the state saved); when resumed, then multi-instance is waiting to complete
  const saved = again.save();
  const resumed = again.recover(saved);
  expectWaitingForThree(resumed);
  // When multi-instance completes, then run completes
  completeEvery(resumed);
  expect(resumed.root.status).toBe('completed');

  // Given recovered from stopped: four running processes (the main process and three called processes)
  const recovered = again.recover(saved);
  expect([...recovered.instances.values()].filter((run) => run.status === 'active')).toHaveLength(4);
  // When resumed, then multi-instance is waiting to complete; when it completes, then run completes
  expectWaitingForThree(recovered);
  completeEvery(recovered);
  expect(recovered.root.status).toBe('completed');
}
