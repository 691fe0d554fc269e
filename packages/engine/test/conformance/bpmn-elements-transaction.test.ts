// bpmn-elements test/feature/transaction-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Scenario } from '../scenario';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, recover, saveState, timesCompleted, wasActivated, type Rewrite } from './translation';

const corpus = 'bpmn-elements';
const transactionModel = 'test/resources/transaction.bpmn';

/**
 * transaction.bpmn: a main task (compensated by a JavaScript service: a job), then "Are you sure?" and a decision.
 * The test's extension saves the user task's output (the signal's answer) to environment.output.areUSure: here,
 * the process variable areUSure, which the conditions compare as the compare service does (`answer === str`). The
 * anonymous error of the "Abort" end event gets a code; the error boundary event of the transaction catches any.
 */
const transaction: Rewrite = {
  jobs: ['compensateTask'],
  conditions: {
    yesFlow: ['${environment.services.compare(environment.output.areUSure,"Yes")}', 'areUSure = "Yes"'],
    errorFlow: ['${environment.services.compare(environment.output.areUSure,"abort")}', 'areUSure = "abort"'],
  },
  codes: { endInError: 'ABORT' },
};

/** The user signals "Are you sure?" with an answer. */
function answer(run: Scenario, reply: 'Yes' | 'No' | 'abort'): void {
  run.completeUserTask('areUSure', { areUSure: reply });
}

/** The transaction waits for user input: its "Are you sure?" task is open inside it. */
function expectUserInput(run: Scenario): void {
  expect(run.active()).toEqual(['areUSure', 'atomic']);
  expect(openUserTasks(run)).toEqual(['areUSure']);
}

/** Compensation handlers that started for an activity (bpmn-elements: the compensation service was called). */
function compensationsOf(run: Scenario, activityId: string): string[] {
  return run.events.flatMap((event) =>
    event.type === 'compensation-handler-started' && event.elementId === activityId ? [event.handlerId] : [],
  );
}

/** transaction-feature__02: the transaction has no incoming flow (it gets a start event); its services are jobs. */
const volatile: Rewrite = { jobs: ['compensate', 'volatile'], startEvents: { theProcess: ['atomic'] } };

conformanceFeature(corpus, 'transaction', {
  1: async () => {
    // Given a transaction with a user task, monitored by cancel and error boundary events
    const run = await given(corpus, transactionModel, transaction);
    // When the definition is ran, then the transaction waits for user input, and no compensation service started
    run.start();
    expectUserInput(run);
    expect(run.openJobTypes()).toEqual([]);
    // When the user decides to cancel, then the compensation service is waiting for its callback
    answer(run, 'No');
    expect(run.openJobTypes()).toEqual(['compensateTask']);
    expect(compensationsOf(run, 'mainTask')).toEqual(['compensateTask']);
    // And the transaction waits for the compensation, and the cancel event for the transaction to complete
    expect(run.active()).toContain('atomic');
    expect(wasActivated(run, 'cancelled')).toBe(false);
    // And it has the execute complete data from the service task: the handler's job
    expect(run.job('compensateTask').elementId).toBe('compensateTask');
    // When the compensation service completes, then the definition completes
    run.completeJob('compensateTask');
    expect(run.status).toBe('completed');
    // And the transaction was discarded, and the cancel was triggered
    expect(run.terminated()).toContain('atomic');
    expect(timesCompleted(run, 'cancelled')).toBe(1);

    // When the definition is ran again, then the transaction again waits for user input, no compensation started
    const again = await given(corpus, transactionModel, transaction);
    again.start();
    expectUserInput(again);
    expect(again.openJobTypes()).toEqual([]);
    // When the user decides to continue, then the definition completes, and the cancel was not triggered
    answer(again, 'Yes');
    expect(again.status).toBe('completed');
    expect(timesCompleted(again, 'atomic')).toBe(1);
    expect(wasActivated(again, 'cancelled')).toBe(false);

    // Given the definition is ran again and stopped; when resumed (or recovered with its state)
    for (const mode of ['resumed', 'recovered']) {
      const stopped = await given(corpus, transactionModel, transaction);
      stopped.start();
      const resumed = recover(stopped, saveState(stopped));
      // Then user input is expected
      expectUserInput(resumed);
      // When the user decides to cancel, then the compensation service is waiting for its callback
      answer(resumed, 'No');
      expect(resumed.openJobTypes(), mode).toEqual(['compensateTask']);
      // When compensated, then the definition completes, and the cancel was triggered
      resumed.completeJob('compensateTask');
      expect(resumed.status, mode).toBe('completed');
      expect(timesCompleted(resumed, 'cancelled'), mode).toBe(1);
    }
  },

  2: async () => {
    // Given a transaction with a user task, monitored by cancel and error boundary events
    const run = await given(corpus, transactionModel, transaction);
    // When the definition is ran, then the transaction waits for user input, and no compensation service started
    run.start();
    expectUserInput(run);
    expect(run.openJobTypes()).toEqual([]);
    // When the user decides to abort, then the compensation service is not waiting for its callback
    answer(run, 'abort');
    expect(run.openJobTypes()).toEqual([]);
    expect(compensationsOf(run, 'mainTask')).toEqual([]);
    // And the transaction is discarded, and the definition completes
    expect(run.terminated()).toContain('atomic');
    expect(run.status).toBe('completed');
    // And the cancel event was discarded, and the error was triggered
    expect(wasActivated(run, 'cancelled')).toBe(false);
    expect(timesCompleted(run, 'errored')).toBe(1);

    // When the definition is ran again, then the transaction again waits for user input, no compensation started
    const again = await given(corpus, transactionModel, transaction);
    again.start();
    expectUserInput(again);
    expect(again.openJobTypes()).toEqual([]);
    // When the user decides to continue, then the definition completes; neither error nor cancel was triggered
    answer(again, 'Yes');
    expect(again.status).toBe('completed');
    expect(wasActivated(again, 'errored')).toBe(false);
    expect(wasActivated(again, 'cancelled')).toBe(false);

    // Given the definition is ran again and stopped; when resumed (or recovered with its state)
    for (const mode of ['resumed', 'recovered']) {
      const stopped = await given(corpus, transactionModel, transaction);
      stopped.start();
      const resumed = recover(stopped, saveState(stopped));
      // Then user input is expected
      expectUserInput(resumed);
      // When the user decides to abort, then the compensation service is not waiting for its callback
      answer(resumed, 'abort');
      expect(resumed.openJobTypes(), mode).toEqual([]);
      // And the definition completes, the error was triggered, and the cancel was not
      expect(resumed.status, mode).toBe('completed');
      expect(timesCompleted(resumed, 'errored'), mode).toBe(1);
      expect(wasActivated(resumed, 'cancelled'), mode).toBe(false);
    }
  },

  4: async () => {
    const model = 'scenarios/bpmn/transaction-feature__02.bpmn';
    // Given a transaction with a monitored task, followed by a user task and a volatile service task
    const run = await given(corpus, model, volatile);
    // When the definition is ran, the user task is signalled and the succeeding service task completes
    run.start().completeUserTask('wait').completeJob('volatile');
    // Then compensation is triggered, for the task
    expect(compensationsOf(run, 'task')).toEqual(['compensate']);
    expect(run.openJobTypes()).toEqual(['compensate']);
    // When compensated, then the transaction is discarded (and the run ends)
    run.completeJob('compensate');
    expect(run.terminated()).toContain('atomic');
    expect(run.status).toBe('completed');
    // And the monitoring cancel event was taken, and the catch error event was discarded
    expect(timesCompleted(run, 'cancelled')).toBe(1);
    expect(wasActivated(run, 'errored')).toBe(false);

    // Given the definition is ran again; when the user task is signalled and the service task fails with an error
    // (its worker throws a BPMN error, which the transaction's anonymous error boundary event catches)
    const again = await given(corpus, model, volatile);
    again.start().completeUserTask('wait').throwError('volatile', 'SERVICE_ERROR', {}, 'Unexpected');
    // Then compensation is NOT triggered, and the run completes
    expect(compensationsOf(again, 'task')).toEqual([]);
    expect(again.openJobTypes()).toEqual([]);
    expect(again.status).toBe('completed');
    // And the catch error event was taken
    expect(timesCompleted(again, 'errored')).toBe(1);
  },
});
