// bpmn-elements test/feature/messaging-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given } from './translation';

const corpus = 'bpmn-elements';

conformanceFeature(corpus, 'messaging', {
  11: async () => {
    // Given an intermediate throw event with a signal (the participant processes are not executable)
    const main = await given(corpus, 'scenarios/bpmn/messaging-feature__12.bpmn');
    // When the definition is ran, then the main process completes, having broadcast the signal
    main.start();
    expect(main.status).toBe('completed');
    expect(main.effects).toContainEqual({ type: 'broadcast-signal', signalName: 'Start message', variables: {} });
    expect(main.definition.id).toBe('mainProcess');
  },
  12: async () => {
    // Given a throw event with a message flow to a process that is not executable
    const main = await given(corpus, 'test/resources/messageflow-target-process.bpmn');
    // When ran, then the executable process completes
    main.start();
    expect(main.status).toBe('completed');
    expect(main.definition.id).toBe('Process_1');
  },
});
