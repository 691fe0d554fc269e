// bpmn-engine test/feature/timers-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { deployErrors } from './translation';

const corpus = 'bpmn-engine';

conformanceFeature(corpus, 'timers', {
  3: async () => {
    // Given a source with a user task and a bound timer event with an invalid date, 2023-01-32 (the user task gets
    // a start event)
    // When the source is executed, then the run fails: the model is refused (rule 11), as Camunda 8 checks static
    // timers when deploying
    const invalidDate = await deployErrors(corpus, 'scenarios/bpmn/timers-feature__02.bpmn', {
      startEvents: { bp2: ['task'] },
    });
    expect(invalidDate).toContainEqual(
      expect.objectContaining({
        code: 'TIMER_INVALID',
        elementId: 'bound-timer-2',
        message: expect.stringContaining('2023-01-32'),
      }),
    );

    // Given a source with a start event timer with an invalid cycle, R-3/2023-01-32
    // When the source is executed, then the run fails: the model is refused (rule 11)
    const errors = await deployErrors(corpus, 'scenarios/bpmn/timers-feature__03.bpmn');
    expect(errors).toContainEqual(expect.objectContaining({ code: 'TIMER_INVALID', elementId: 'bound-timer-2' }));
  },
});
