// bpmn-elements test/feature/gateway-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Variables } from '../../src/index';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/** The default flow goes to end1, the script condition to end2, the expression to end3. */
const decisions: Rewrite = {
  conditions: {
    condFlow1: ['next(null, this.environment.variables.condition.var1)', 'condition.var1'],
    condFlow2: ['${environment.variables.condition2}', 'condition2 = true'],
  },
};

/**
 * gateway-feature__03: the second condition calls an asynchronous service, evaluateRule, which the original test
 * defines as resolving `variables.condition.var1`: its FEEL translation is that value.
 */
const asyncDecisions: Rewrite = {
  conditions: {
    condFlow1: [
      "this.environment.services.evaluateRule('my-rule', this.environment.variables, next);",
      'condition.var1',
    ],
    condFlow2: ['${environment.variables.condition2}', 'condition2 = true'],
  },
};

async function run(model: string, variables: Variables, rewrite: Rewrite): Promise<Scenario> {
  const scenario = await given(corpus, model, rewrite);
  scenario.start(variables);
  return scenario;
}

/** The end events reached; the others were discarded (never activated). */
function ends(scenario: Scenario): string[] {
  const reached = scenario.completed().filter((id) => id.startsWith('end'));
  for (const id of ['end1', 'end2', 'end3'].filter((end) => !reached.includes(end))) {
    expect(wasActivated(scenario, id), `${id} is discarded`).toBe(false);
  }
  return reached;
}

/** The four runs of the three gateway scenarios; they differ only in the third run. */
async function runsOf(model: string, thirdRunEnds: readonly string[], rewrite = decisions): Promise<void> {
  // When the definition is ran with falsy second and third conditions
  const falsy = await run(model, { condition: { var1: false } }, rewrite);
  // Then the default flow is taken and the other two are discarded
  expect(falsy.status).toBe('completed');
  expect(ends(falsy)).toEqual(['end1']);

  // When ran with a truthy second condition script
  const second = await run(model, { condition: { var1: true } }, rewrite);
  // Then the default flow is discarded, the second flow is taken and the third discarded
  expect(second.status).toBe('completed');
  expect(ends(second)).toEqual(['end2']);

  // When ran with truthy second and third conditions
  const both = await run(model, { condition: { var1: true }, condition2: true }, rewrite);
  // Then the default flow is discarded and the second flow is taken; the third as the gateway decides
  expect(both.status).toBe('completed');
  expect(ends(both)).toEqual(thirdRunEnds);

  // When ran with a type error in the second flow's condition (condition is unset)
  const failing = await run(model, { condition2: true }, rewrite);
  // Then the run is errored
  expect(failing.incidentAt('decisions').type).toBe('EXPRESSION_ERROR');
  expect(failing.status).toBe('active');
  expect(ends(failing)).toEqual([]);
}

conformanceFeature(corpus, 'gateway', {
  // an inclusive gateway also takes the third flow
  1: () => runsOf('scenarios/bpmn/gateway-feature__01.bpmn', ['end2', 'end3']),

  // an exclusive gateway takes the first flow whose condition holds: the third stays discarded
  2: () => runsOf('scenarios/bpmn/gateway-feature__02.bpmn', ['end2']),

  4: async () => {
    // Given a decision followed by a parallel gateway whose joined flows are touched more than once
    const scenario = await given(corpus, 'test/resources/parallel-join-edgecase.bpmn', {
      conditions: { toTask1: ['${true}', 'true'], toTask2: ['${false}', 'false'] },
    });

    // When the definition is ran
    scenario.start();

    // Then the run completes
    expect(scenario.status).toBe('completed');
  },

  // an exclusive gateway whose second condition is an asynchronous service: the same runs as #2
  5: () => runsOf('scenarios/bpmn/gateway-feature__03.bpmn', ['end2'], asyncDecisions),
});
