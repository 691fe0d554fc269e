// bpmn-elements test/feature/multiple-startEvent-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { Collaboration } from './collaboration';
import { conformanceFeature } from './feature-suite';
import { timesCompleted, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * Two signal start events: the anonymous one gets the name "anonymous", the other is named "start2". The test's
 * extension sets `environment.output[<id>] = 1` when an activity ends, which the condition
 * `next(null, environment.output.start2)` reads: start2 gets the output mapping `start2 = 1`, and the condition
 * becomes `start2 = 1` (unset, it is null, and the default flow is taken).
 */
const twoStarts: Rewrite = {
  signalNames: { start1: 'anonymous' },
  outputs: { start2: { start2: '1' } },
  conditions: { 'to-named-end': ['next(null, environment.output.start2)', 'start2 = 1'] },
};

conformanceFeature(corpus, 'multiple-startEvent', {
  1: async () => {
    // Given a process with two signal start events into one task, then a decision between two end events
    const collaboration = await Collaboration.of(
      corpus,
      'scenarios/bpmn/multiple-startEvent-feature__01.bpmn',
      twoStarts,
    );
    // When the process is ran and the first start event is signalled (anonymously)
    collaboration.broadcast('anonymous');
    const [first] = collaboration.instances;
    if (!first) throw new Error('the signal started no instance');
    // Then the first end event is taken, the second end event discarded, and the process is completed
    expect(timesCompleted(first, 'end')).toBe(1);
    expect(wasActivated(first, 'named-end')).toBe(false);
    expect(first.status).toBe('completed');
    // When the process is ran again and the second start event is signalled (by its signal's name)
    collaboration.broadcast('start2');
    const [, second] = collaboration.instances;
    if (!second) throw new Error('the signal started no instance');
    // Then the second end event is taken, the first discarded, and the process is completed (twice in all)
    expect(timesCompleted(second, 'named-end')).toBe(1);
    expect(wasActivated(second, 'end')).toBe(false);
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
  2: async () => {
    // Given a process with two signal start events joined by a parallel gateway, then a decision
    const collaboration = await Collaboration.of(
      corpus,
      'scenarios/bpmn/multiple-startEvent-feature__02.bpmn',
      twoStarts,
    );
    // When the process is ran and the first start event is signalled, then the parallel join is pending
    collaboration.broadcast('anonymous');
    expect(collaboration.completed()).not.toContain('join');
    // When the second start event is signalled, then the process is completed
    collaboration.broadcast('start2');
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed']);
    // Then the first end event is discarded, and the second end event is taken
    expect(collaboration.completed().filter((id) => id === 'end')).toEqual([]);
    expect(collaboration.completed().filter((id) => id === 'named-end')).toEqual(['named-end']);
    // When the process is ran again and both start events are signalled
    collaboration.broadcast('anonymous');
    collaboration.broadcast('start2');
    // Then the first end event is discarded, the second taken (twice in all), and the process is completed twice
    expect(collaboration.completed().filter((id) => id === 'end')).toEqual([]);
    expect(collaboration.completed().filter((id) => id === 'named-end')).toEqual(['named-end', 'named-end']);
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
});
