// The executable processes of one corpus model, run together: the test plays the runtime between them, as
// packages/runtime does with messages (a published message correlates to the waiting subscriptions of its name
// and starts every process with a message start event of that name, runtime/src/start-events.ts).
import { checkSyntax } from '@operon/feel';
import { parseBpmn, type ProcessDefinition } from '@operon/model';
import type { Variables } from '../../src/index';
import { Scenario } from '../scenario';
import type { CorpusName } from './corpus';
import { corpusModel, type Rewrite } from './translation';

function messageStartEvents(definition: ProcessDefinition, messageName: string): string[] {
  return definition.triggeredStartEventIds.filter((id) => {
    const node = definition.nodes.get(id);
    if (node?.kind !== 'startEvent' || node.eventDefinition === 'none') return false;
    const trigger = node.eventDefinition;
    return (
      trigger.kind === 'message' && trigger.messageName.kind === 'static' && trigger.messageName.value === messageName
    );
  });
}

export class Collaboration {
  /** Every instance started, in the order it started. */
  readonly instances: Scenario[] = [];

  private constructor(readonly processes: readonly ProcessDefinition[]) {}

  /** Given a corpus model (rewritten): its executable processes, deployed together. */
  static async of(corpus: CorpusName, path: string, rewrite?: Rewrite): Promise<Collaboration> {
    const outcome = await parseBpmn(corpusModel(corpus, path, rewrite), { checkExpression: checkSyntax });
    if (!outcome.ok) throw new Error(`model does not parse: ${JSON.stringify(outcome.diagnostics, null, 2)}`);
    return new Collaboration(outcome.model.processes);
  }

  /** Starts an instance of a process at its none start event, or at the given start event. */
  start(processId: string, startEventId?: string, variables: Variables = {}): Scenario {
    const definition = this.processes.find((candidate) => candidate.id === processId);
    if (!definition) throw new Error(`process '${processId}' is not deployed`);
    const run = new Scenario(definition);
    const instanceKey = `instance-${this.instances.length + 1}`;
    this.instances.push(run);
    run.when({ type: 'create-instance', instanceKey, variables, ...(startEventId ? { startEventId } : {}) });
    return run;
  }

  /** A message is published by name: it reaches the waiting subscriptions and starts processes. */
  publish(messageName: string, variables: Variables = {}): void {
    for (const run of [...this.instances]) {
      const subscription = run.subscriptions().find((candidate) => candidate.messageName === messageName);
      if (subscription && run.status === 'active') {
        run.when({ type: 'correlate-message', subscriptionKey: subscription.key, variables });
      }
    }
    for (const definition of this.processes) {
      for (const startEventId of messageStartEvents(definition, messageName)) {
        this.start(definition.id, startEventId, variables);
      }
    }
  }

  /** The worker of a message throw event (or send task) whose job type is its id: sends the message, then completes. */
  sendMessage(run: Scenario, jobType: string, messageName: string): void {
    run.job(jobType);
    this.publish(messageName);
    run.completeJob(jobType);
  }

  /** The instances of a process. */
  runsOf(processId: string): Scenario[] {
    return this.instances.filter((run) => run.definition.id === processId);
  }

  /** Ids of the elements completed, over every instance. */
  completed(): string[] {
    return this.instances.flatMap((run) => run.completed());
  }
}
