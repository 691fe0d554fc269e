// bpmn-elements test/feature/errors-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'errors', {
  11: async () => {
    // Given a manual task whose multi-instance loop cardinality is not a number ("notanumber")
    const run = await given(corpus, 'scenarios/bpmn/errors-feature__10.bpmn');
    // When ran, then the run fails: an incident stops the task
    run.start();
    const incident = run.incidentAt('task');
    expect(incident.message).toContain('loop cardinality');
    // When resumed on the error state (the incident resolved), then it fails again
    run.when({ type: 'resolve-incident', incidentKey: incident.key });
    expect(run.incidentAt('task').key).not.toBe(incident.key);
    expect(run.status).toBe('active');
  },
});
