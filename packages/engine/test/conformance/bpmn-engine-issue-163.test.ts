// bpmn-engine test/feature/issue-163-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks } from './translation';

const corpus = 'bpmn-engine';

conformanceFeature(corpus, 'issue-163', {
  1: async () => {
    // When one user task, two user tasks in a sub-process (whose first gets a start event), and a final user task
    const run = await given(corpus, 'test/resources/issue-163.bpmn', {
      startEvents: { Activity_0h5hxio: ['Activity_0xqu0xt'] },
    });
    run.start();
    // Then execution waits for the first user task
    expect(openUserTasks(run)).toEqual(['Activity_1bpb168']);
    // When the first user task is signalled, then the sub-process has started, its first user task waiting
    run.completeUserTask('Activity_1bpb168');
    expect(run.active()).toContain('Activity_0h5hxio');
    expect(openUserTasks(run)).toEqual(['Activity_0xqu0xt']);
    // When the first sub-process user task is signalled, then execution still waits for the sub-process
    run.completeUserTask('Activity_0xqu0xt');
    expect(run.active()).toContain('Activity_0h5hxio');
    // And the second user task in the sub-process is waiting
    expect(openUserTasks(run)).toEqual(['Activity_0c0569x']);
    // When the second sub-process user task is signalled, then execution waits for the final user task
    run.completeUserTask('Activity_0c0569x');
    expect(openUserTasks(run)).toEqual(['Activity_09fprjg']);
    // When the final user task is signalled, then execution completes
    run.completeUserTask('Activity_09fprjg');
    expect(run.status).toBe('completed');
  },
});
