// bpmn-elements test/feature/call-activity-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { calledProcess, calledProcessThrows, multiInstanceCall } from './call-activity-scenarios';
import { CalledProcesses } from './called-processes';
import { conformanceFeature } from './feature-suite';
import { timesCompleted, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'call-activity', {
  1: async () => {
    // Given a process with a call activity referencing a process (its task gets a start event)
    const plain = await CalledProcesses.of(corpus, 'test/resources/call-activity.bpmn', calledProcess(['task']));
    // When ran, then run completes, and the call activity was taken
    const run = plain.start('Process_1');
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'call-activity')).toBe(1);
    expect(plain.children('called-process').map((child) => child.status)).toEqual(['completed']);

    // Given a process with a call activity referencing a process with a task awaiting signal (the manual task
    // that waits becomes a user task)
    const signal = await CalledProcesses.of(corpus, 'test/resources/call-activity-signal.bpmn', {
      ...calledProcess(['task']),
      waitingManualTasks: ['task'],
    });
    // When ran, and the waiting task is signalled
    const waiting = signal.start('Process_1');
    const [child] = signal.children('called-process');
    if (!child) throw new Error('the call activity started no process');
    expect(waiting.status).toBe('active');
    signal.completeUserTask(child, 'task');
    // Then run completes, and the call activity was taken
    expect(waiting.status).toBe('completed');
    expect(timesCompleted(waiting, 'call-activity')).toBe(1);
  },
  2: () => calledProcessThrows(corpus),
  5: () =>
    multiInstanceCall(corpus, 'scenarios/bpmn/call-activity-feature__07.bpmn', (runs) => {
      // When the first iteration completes: its called process completes, the other two still run
      const [first] = runs.children('called-process');
      if (!first) throw new Error('no called process');
      runs.completeJob(first, 'task');
      expect(runs.children('called-process').map((child) => child.status)).toEqual(['completed', 'active', 'active']);
      expect(runs.root.status).toBe('active');
    }),
  6: async () => {
    const model = 'scenarios/bpmn/call-activity-feature__08.bpmn';
    const rewrite = calledProcess(['task1']);
    /** The open user task of each called process still running, in the order they started. */
    const waitingAt = (runs: CalledProcesses): string[] =>
      runs.children('called-process').flatMap((child) => (child.status === 'active' ? child.active() : []));
    /** Signalled by id: every open user task of that id, in every called process. */
    const signalById = (runs: CalledProcesses, id: string): void => {
      for (const child of runs.children('called-process')) {
        if (child.active().includes(id)) runs.completeUserTask(child, id);
      }
    };
    // Given two processes; when ran, then the user tasks are waiting (the first of each called process)
    const runs = await CalledProcesses.of(corpus, model, rewrite);
    const main = runs.start('main-process');
    expect(main.active()).toContain('call-activity');
    expect(waitingAt(runs)).toEqual(['task1', 'task1', 'task1']);
    // When the first user task is signalled by id, then the second user task in all called processes is waiting
    signalById(runs, 'task1');
    expect(waitingAt(runs)).toEqual(['task2', 'task2', 'task2']);
    // When the second user task is signalled by id, then run completes
    signalById(runs, 'task2');
    expect(main.status).toBe('completed');

    // When ran again, then multi-instance is waiting to complete
    const again = await CalledProcesses.of(corpus, model, rewrite);
    again.start('main-process');
    const [first, second] = again.children('called-process');
    if (!first || !second) throw new Error('the call activity started fewer than two processes');
    expect(waitingAt(again)).toEqual(['task1', 'task1', 'task1']);
    // When the first iteration's user task is signalled (by its instance), then its second user task is waiting
    again.completeUserTask(first, 'task1');
    expect(waitingAt(again)).toEqual(['task2', 'task1', 'task1']);
    // When the first iteration's second user task is signalled, then the first iteration completes
    again.completeUserTask(first, 'task2');
    expect(first.status).toBe('completed');
    expect(waitingAt(again)).toEqual(['task1', 'task1']);
    // When the second iteration's user task is signalled, then its second user task is waiting
    again.completeUserTask(second, 'task1');
    expect(waitingAt(again)).toEqual(['task2', 'task1']);
    // Given stopped (the state saved); when resumed, then multi-instance is waiting to complete
    const saved = again.save();
    const resumed = again.recover(saved);
    expect(resumed.root.active()).toContain('call-activity');
    expect(waitingAt(resumed)).toEqual(['task2', 'task1']);
    // When the tasks are signalled, then run completes
    signalById(resumed, 'task2');
    signalById(resumed, 'task1');
    signalById(resumed, 'task2');
    expect(resumed.root.status).toBe('completed');

    // Given recovered from stopped: three running processes (the main process and two called processes)
    const recovered = again.recover(saved);
    expect([...recovered.instances.values()].filter((run) => run.status === 'active')).toHaveLength(3);
    // When resumed, then multi-instance is waiting to complete; when the tasks are signalled, then run completes
    expect(waitingAt(recovered)).toEqual(['task2', 'task1']);
    signalById(recovered, 'task2');
    signalById(recovered, 'task1');
    signalById(recovered, 'task2');
    expect(recovered.root.status).toBe('completed');
  },
  7: async () => {
    // Given a process with a call activity referencing an unknown process
    const runs = await CalledProcesses.of(corpus, 'scenarios/bpmn/call-activity-feature__09.bpmn');
    // When ran, then the call activity is waiting
    const main = runs.start('Process_1');
    expect(main.active()).toEqual(['call-activity']);
    expect(main.incidents()).toEqual([]);
    // (When the call activity is signalled through bpmn-elements' API, then the run completes: not asserted)
  },
  8: async () => {
    // Given a process whose call activity's called element is an expression: the service getProcessById, which
    // the original test defines as answering its argument, gives "called-process" (the called process is made
    // executable and gets a start event before its user task)
    const rewrite: Rewrite = {
      ...calledProcess(['task1']),
      attributeExpressions: {
        'call-activity': [
          'calledElement',
          "${environment.services.getProcessById('called-process')}",
          '"called-process"',
        ],
      },
    };
    const runs = await CalledProcesses.of(corpus, 'scenarios/bpmn/call-activity-feature__10.bpmn', rewrite);
    // When ran, then the called process's activity is waiting
    const main = runs.start('main-process');
    const [child] = runs.children('called-process');
    if (!child) throw new Error('the call activity started no process');
    expect(child.active()).toEqual(['task1']);
    // When it is signalled, then the run completes
    runs.completeUserTask(child, 'task1');
    expect(main.status).toBe('completed');
    // (When ran with a service that throws, then the run fails: not asserted, see the review)
  },
  9: async () => {
    // Given a process with a call activity referencing a process (waiting at a user task), bound by a 1-day timer
    const runs = await CalledProcesses.of(
      corpus,
      'scenarios/bpmn/call-activity-feature__11.bpmn',
      calledProcess(['task']),
    );
    // When ran, then the call activity has started the process, and a timer is running
    const main = runs.start('main-process');
    const [child] = runs.children('called-process');
    expect(child?.active()).toEqual(['task']);
    expect(main.timer('bound-timer').dueAt).toBe(24 * 60 * 60 * 1000);
    // Given the state is saved and the run stopped; when it is recovered and resumed at the timeout
    const recovered = runs.recover(runs.save());
    recovered.fireTimer(recovered.root, 'bound-timer');
    // Then run completes: the timer interrupted the call activity, which cancelled the called process
    expect(recovered.root.status).toBe('completed');
    expect(timesCompleted(recovered.root, 'bound-timer')).toBe(1);
    expect(recovered.children('called-process').map((called) => called.status)).toEqual(['terminated']);
  },
});
