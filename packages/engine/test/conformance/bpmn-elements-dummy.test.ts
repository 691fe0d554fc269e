// bpmn-elements test/feature/dummy-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given } from './translation';

conformanceFeature('bpmn-elements', 'dummy', {
  1: async () => {
    // Given a source with a group of elements and a category
    const scenario = await given('bpmn-elements', 'test/resources/groups.bpmn');

    // When ran
    scenario.start();

    // Then it runs to the end
    expect(scenario.status).toBe('completed');
    expect(scenario.completed()).toEqual(['StartEvent_1', 'Activity_1kgsmgl', 'Activity_1v17yu5', 'Event_09abgyv']);
  },
});
