// bpmn-elements test/feature/activity-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks } from './translation';

conformanceFeature('bpmn-elements', 'activity', {
  1: async () => {
    // Given a process with several decisions all ending up in one manual task that waits for a signal
    const scenario = await given('bpmn-elements', 'test/resources/consumer_error.bpmn', {
      conditions: {
        flow1: ['next(null, false)', 'false'],
        flow2: ['next(null, true)', 'true'],
        flow3: ['next(null, false)', 'false'],
      },
      waitingManualTasks: ['task'],
    });

    // When the definition is run
    scenario.start();

    // Then the manual task eventually executes and waits
    expect(scenario.active()).toEqual(['task']);
    expect(openUserTasks(scenario)).toEqual(['task']);
    expect(scenario.status).toBe('active');
  },
});
