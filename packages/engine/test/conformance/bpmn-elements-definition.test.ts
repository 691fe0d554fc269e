// bpmn-elements test/feature/Definition-feature.js, translated (rules in docs/conformance.md).
import { DEPLOY_CHECKS } from '../../src/index';
import { parseBpmn } from '@operon/model';
import { expect } from 'vitest';
import { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { corpusModel, given, lifecycle, runsThrough } from './translation';

conformanceFeature('bpmn-elements', 'Definition', {
  1: async () => {
    // Given a definition whose one process has a start event only
    const scenario = await given('bpmn-elements', 'scenarios/bpmn/Definition-feature__01.bpmn');

    // When run
    scenario.start();

    // Then it completes with the expected execution sequence (the definition-level messages have no counterpart)
    expect(scenario.status).toBe('completed');
    expect(lifecycle(scenario.events)).toEqual([
      'enter theProcess',
      'start theProcess',
      ...runsThrough('activity'),
      'end theProcess',
      'leave theProcess',
    ]);
  },

  5: async () => {
    // Given a definition with two executable processes
    const outcome = await parseBpmn(
      corpusModel('bpmn-elements', 'test/resources/two-executable-processes.bpmn'),
      DEPLOY_CHECKS,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));

    // When run: one instance per executable process, in document order
    const runs = outcome.model.processes.map((definition) => new Scenario(definition).start());

    // Then both complete, with the expected execution sequence
    expect(runs.map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(runs.flatMap((run) => lifecycle(run.events))).toEqual(
      [1, 2].flatMap((n) => [
        `enter Process_${n}`,
        `start Process_${n}`,
        ...runsThrough(`StartEvent_${n}`),
        ...runsThrough(`Task_${n}`),
        ...runsThrough(`EndEvent_${n}`),
        `end Process_${n}`,
        `leave Process_${n}`,
      ]),
    );
  },

  6: async () => {
    // Given a definition with no executable process
    const xml = corpusModel('bpmn-elements', 'scenarios/bpmn/Definition-feature__02.bpmn');

    // When it is deployed to run
    const outcome = await parseBpmn(xml, DEPLOY_CHECKS);

    // Then it is refused with an error (bpmn-elements throws on run, or returns the error in the callback)
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.map((diagnostic) => diagnostic.code)).toContain('NO_PROCESS');
  },
});
