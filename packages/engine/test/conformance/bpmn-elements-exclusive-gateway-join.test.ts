// bpmn-elements test/feature/issues/exclusive-gateway-join-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, timesCompleted } from './translation';

const corpus = 'bpmn-elements';
const countScript =
  "if ('count' in environment.output) environment.output.count++;\nelse environment.output.count = 0;\nnext();";

conformanceFeature(corpus, 'exclusive-gateway-join', {
  1: async () => {
    // When running a definition with exclusive gateways as join and split, a loop back, and a counting script
    // (environment.output.count is the process variable `loops`: an unset `count` would read FEEL's built-in
    // function count)
    const run = await given(corpus, 'test/resources/exclusive-gateway-as-join.bpmn', {
      scripts: { script: [countScript, 'if loops = null then 0 else loops + 1', 'loops'] },
      conditions: {
        'to-task1': ['${environment.output.count}', 'loops > 0'],
        'backto-loopback-join': ['${true}', 'true'],
      },
    });
    run.start();
    // Then the run completes: the first pass (count 0) takes task2, whose loop back takes task1 (count 1)
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'script')).toBe(2);
    expect(timesCompleted(run, 'task1')).toBe(1);
    expect(timesCompleted(run, 'task2')).toBe(1);
    expect(run.variables()).toMatchObject({ loops: 1 });
  },
});
