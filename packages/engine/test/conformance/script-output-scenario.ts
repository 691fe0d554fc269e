// "Process completes with output", which bpmn-elements (definition-output) and bpmn-engine (engine-output) share,
// translated once (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { CorpusName } from './corpus';
import { given } from './translation';

/** A script task writes environment.output.foo, which is the process variable foo; the task gets a start event. */
export async function processCompletesWithOutput(corpus: CorpusName, model: string): Promise<void> {
  // Given a process with output
  const run = await given(corpus, model, {
    startEvents: { 'my-process': ['task'] },
    scripts: { task: ["environment.output.foo = 'bar'; next();", '"bar"', 'foo'] },
  });
  // When ran, then the run completes
  run.start();
  expect(run.status).toBe('completed');
  // And the definition's (the engine's) state contains the hoisted process output
  expect(run.variables()).toEqual({ foo: 'bar' });
}
