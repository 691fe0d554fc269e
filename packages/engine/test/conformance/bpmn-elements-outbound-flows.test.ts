// bpmn-elements test/feature/outbound-flows-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Variables } from '../../src/index';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, wasActivated, type Rewrite } from './translation';

/** task1 has a default flow to task3, an expression flow to task2 and a script flow to task4. */
const conditionalFlows: Rewrite = {
  conditions: {
    'cond-to-task2': ['${environment.variables.take2}', 'take2 = true'],
    'cond-to-task4': ['next(null, environment.variables.take4);', 'take4 = true'],
  },
};

async function run(variables: Variables): Promise<Scenario> {
  const scenario = await given('bpmn-elements', 'test/resources/conditional-flows.bpmn', conditionalFlows);
  scenario.start(variables);
  expect(scenario.status).toBe('completed');
  return scenario;
}

/** The tasks after task1 that were taken; the others were discarded (never activated). */
function taken(scenario: Scenario): string[] {
  return ['task2', 'task3', 'task4'].filter((id) => wasActivated(scenario, id));
}

conformanceFeature('bpmn-elements', 'outbound-flows', {
  1: async () => {
    // When the definition is ran with a truthy script condition
    const script = await run({ take4: true });
    // Then the script flow is taken, and the other two are discarded
    expect(taken(script)).toEqual(['task4']);

    // When ran with a truthy expression
    const expression = await run({ take2: true, take4: false });
    // Then the expression flow is taken, and the other two are discarded
    expect(taken(expression)).toEqual(['task2']);

    // When ran with a falsy script and expression
    const neither = await run({ take2: false, take4: false });
    // Then the default flow is taken, and the other two are discarded
    expect(taken(neither)).toEqual(['task3']);
  },
});
