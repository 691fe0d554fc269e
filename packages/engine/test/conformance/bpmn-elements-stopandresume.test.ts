// bpmn-elements test/feature/stopAndResume-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { fireTimer, given, openUserTasks, recover, saveState } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'stopAndResume', {
  3: async () => {
    // Given a task with two timeouts, the first looping back to the previous task
    const run = await given(corpus, 'scenarios/bpmn/stopAndResume-feature__03.bpmn');
    // When ran (the first task signalled) and stopped once the second timer is set, then the state is saved
    run.start().completeUserTask('task1');
    expect(run.timers().map((timer) => timer.elementId)).toEqual(['timeout1', 'timeout2']);
    let saved = saveState(run);
    // When recovered and resumed, and the first timeout kicks, then the state is saved
    let resumed = recover(run, saved);
    fireTimer(resumed, 'timeout1');
    expect(openUserTasks(resumed)).toEqual(['task1']);
    saved = saveState(resumed);
    // When recovered and resumed, the previous task signalled, and the second timeout kicks, state saved
    resumed = recover(resumed, saved);
    resumed.completeUserTask('task1');
    fireTimer(resumed, 'timeout2');
    saved = saveState(resumed);
    // When recovered and resumed, then the run completes (the terminate end event ended it)
    resumed = recover(resumed, saved);
    expect(resumed.status).toBe('completed');
    expect(resumed.completed()).toContain('terminate');
  },
});
