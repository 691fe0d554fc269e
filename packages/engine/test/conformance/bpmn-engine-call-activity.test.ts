// bpmn-engine test/feature/call-activity-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { calledProcess, calledProcessThrows, multiInstanceCall } from './call-activity-scenarios';
import { CalledProcesses } from './called-processes';
import { conformanceFeature } from './feature-suite';
import { timesCompleted } from './translation';

const corpus = 'bpmn-engine';

conformanceFeature(corpus, 'call-activity', {
  1: async () => {
    // Given a process with a call activity referencing a process (its task gets a start event)
    const runs = await CalledProcesses.of(corpus, 'test/resources/call-activity.bpmn', calledProcess(['task']));
    // When ran, then run completes
    const run = runs.start('Process_1');
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'call-activity')).toBe(1);
    expect(runs.children('called-process').map((child) => child.status)).toEqual(['completed']);
  },
  2: () => calledProcessThrows(corpus),
  5: () => multiInstanceCall(corpus, 'scenarios/bpmn/call-activity-feature__06.bpmn'),
});
