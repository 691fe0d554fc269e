// bpmn-elements test/feature/signal-feature.js, translated (rules in docs/conformance.md).
import { expect } from 'vitest';
import type { Variables } from '../../src/index';
import type { Scenario } from '../scenario';
import { Collaboration } from './collaboration';
import { conformanceFeature } from './feature-suite';
import { given, openUserTasks, timesCompleted, type Rewrite } from './translation';

const corpus = 'bpmn-elements';

/**
 * signals.bpmn: the spot price service is a job whose worker plays bpmn-elements' `getSpotPrice` service (its
 * result variable is `spotPrice`); the price admin process, which a signal starts, is marked executable.
 */
const trade: Rewrite = { jobs: ['getSpotPrice'], executable: ['spotPriceProcess'] };

/**
 * The trade and price admin processes of signals.bpmn, with the Prices data store the test plays: the spot price
 * service reads it, and the approve task's output (`price`, its form's new price) is written to it by the task's
 * data output association.
 */
class SpotPriceTrade {
  private price = 100;

  private constructor(public collaboration: Collaboration) {}

  static async given(): Promise<SpotPriceTrade> {
    return new SpotPriceTrade(await Collaboration.of(corpus, 'test/resources/signals.bpmn', trade));
  }

  get trader(): Scenario {
    return this.only('tradeProcess');
  }

  get admin(): Scenario {
    return this.only('spotPriceProcess');
  }

  /** When the definition is ran: the trade process starts, and gets the spot price. */
  run(): void {
    const trader = this.collaboration.start('tradeProcess');
    this.serveSpotPrice(trader);
  }

  /** The worker of "Get spot price": the price in the Prices store, as the service's result variable. */
  serveSpotPrice(trader: Scenario): void {
    this.collaboration.completeJob(trader, 'getSpotPrice', { spotPrice: this.price });
  }

  /** "Spot price is updated": the signal "Update spot price" starts the price admin process. */
  updateSpotPrice(): void {
    this.collaboration.broadcast('Update spot price');
  }

  /**
   * "Admin approves new spot price": the approve task is signalled with the form; its output goes to the Prices
   * store, and its throw event broadcasts "Spot price updated", which sends the trader back to get the price.
   */
  approve(newPrice: number): void {
    this.price = newPrice;
    this.collaboration.completeUserTask(this.admin, 'approveSpotPrice', { form: { newPrice } });
    this.serveSpotPrice(this.trader);
  }

  /** "Stop and save state", then "recover and resume": every instance continues from the saved JSON. */
  stopAndResume(): void {
    this.collaboration = this.collaboration.recover(this.collaboration.save());
  }

  private only(processId: string): Scenario {
    const [run, ...others] = this.collaboration.runsOf(processId);
    if (!run || others.length > 0) throw new Error(`expected one instance of '${processId}'`);
    return run;
  }
}

/** "Trader is presented the price": the trade task waits, and sees this spot price. */
function expectPresentedPrice(trader: Scenario, price: number): void {
  expect(openUserTasks(trader)).toEqual(['tradeTask']);
  expect(trader.variables()).toMatchObject({ spotPrice: price });
}

/** Elements with an open signal subscription, and the names they wait for. */
function signalWaits(run: Scenario): string[] {
  return Object.values(run.state?.signalSubscriptions ?? {}).map((wait) => `${wait.elementId}: ${wait.signalName}`);
}

/** The variables one command set, merged: what bpmn-elements calls the output of the element it completed. */
function variablesSetBy(run: Scenario, act: () => void): Variables {
  const before = run.events.length;
  act();
  const set: Record<string, unknown> = {};
  for (const event of run.events.slice(before)) if (event.type === 'variables-set') Object.assign(set, event.variables);
  return set;
}

/** signal-feature__06: the anonymous receive task, signal and message events get names; the named message a key. */
const resumeAndSignal: Rewrite = {
  receiveTaskMessages: { receiveAnon: 'anonymous message' },
  signalNames: { anonSignalEvent: 'anonymous signal', secondAnonSignalEvent: 'anonymous signal' },
  messageNames: { anonMessageEvent: 'anonymous message' },
  correlationKeys: { namedMessage: '"NamedMessage"' },
};

conformanceFeature(corpus, 'signal', {
  1: async () => {
    // Given a trade process waiting for the spot price update signal, and an admin process that updates the price
    const trade = await SpotPriceTrade.given();
    // When the definition is ran
    trade.run();
    // Then the trader is considering to trade, at the spot price 100
    expectPresentedPrice(trade.trader, 100);
    // And the spot price is monitored by the process
    expect(signalWaits(trade.trader)).toEqual(['catchSpotUpdate: Spot price updated']);
    // Given the spot price is updated; when the admin approves the new spot price 99
    trade.updateSpotPrice();
    expect(openUserTasks(trade.admin)).toEqual(['approveSpotPrice']);
    trade.approve(99);
    // Then the trade task is discarded, and update price is taken
    expect(trade.trader.terminated()).toEqual(['tradeTask']);
    expect(timesCompleted(trade.trader, 'catchSpotUpdate')).toBe(1);
    // And the trader is presented the new price
    expectPresentedPrice(trade.trader, 99);
    // When the trader trades, then the trade task is taken (once, after it was discarded once)
    trade.collaboration.completeUserTask(trade.trader, 'tradeTask', { form: { amount: 42 } });
    expect(timesCompleted(trade.trader, 'tradeTask')).toBe(1);
    expect(trade.trader.terminated()).toEqual(['tradeTask']);
    // And the run is completed
    expect(trade.collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
  2: async () => {
    // Given the trade and price admin processes; when the definition is ran, then the trader considers 100
    const trade = await SpotPriceTrade.given();
    trade.run();
    expectPresentedPrice(trade.trader, 100);
    // Given the spot price is updated; when the admin approves the new spot price 101
    trade.updateSpotPrice();
    trade.approve(101);
    // Then the trade task is discarded, and update price is taken
    expect(trade.trader.terminated()).toEqual(['tradeTask']);
    expect(timesCompleted(trade.trader, 'catchSpotUpdate')).toBe(1);
    // Given the trade is stopped; when resumed, then the trader is presented the new price (task and boundary wait)
    trade.stopAndResume();
    expectPresentedPrice(trade.trader, 101);
    expect(signalWaits(trade.trader)).toEqual(['catchSpotUpdate: Spot price updated']);
    // When the trader trades, then the run is completed
    trade.collaboration.completeUserTask(trade.trader, 'tradeTask', { amount: 42 });
    expect(trade.collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
  3: async () => {
    // Given the trade and price admin processes; when the definition is ran, then the trader considers 100
    const trade = await SpotPriceTrade.given();
    trade.run();
    expectPresentedPrice(trade.trader, 100);
    // When the spot price is updated, then the run is stopped and the state saved; given it is recovered and resumed
    trade.updateSpotPrice();
    trade.stopAndResume();
    // When the admin approves the new spot price 101, then the trader is presented it (task and boundary wait)
    trade.approve(101);
    expectPresentedPrice(trade.trader, 101);
    expect(signalWaits(trade.trader)).toEqual(['catchSpotUpdate: Spot price updated']);
    // When the trader trades, then the run completes
    trade.collaboration.completeUserTask(trade.trader, 'tradeTask', { amount: 42 });
    expect(trade.collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
  4: async () => {
    // Given a broadcasting main process (without a start event: it gets one), two processes started by its
    // anonymous signal (all three given the name "anonymous"), and two started by the named signal the first throws
    const collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/signal-feature__01.bpmn', {
      startEvents: { broadCastProcess: ['throw'] },
      signalNames: { throw: 'anonymous', start1: 'anonymous', start2: 'anonymous' },
      executable: ['anonProcess1', 'anonProcess2', 'namedProcess1', 'namedProcess2'],
    });
    // When the definition is ran
    collaboration.start('broadCastProcess');
    // Then the run completes
    expect(collaboration.instances.map((run) => run.status)).toEqual(Array(5).fill('completed'));
    // And the broadcast process completed, both anonymous and both named signal processes completed, once each
    const processes = ['broadCastProcess', 'anonProcess1', 'anonProcess2', 'namedProcess1', 'namedProcess2'];
    for (const processId of processes) expect(collaboration.runsOf(processId), processId).toHaveLength(1);
  },
  5: async () => {
    // Given a signal broadcast within the process to two catch events (anonymous signals, given one name), all
    // three joined by a parallel gateway without outgoing flow (given an end event)
    const run = await given(corpus, 'scenarios/bpmn/signal-feature__02.bpmn', {
      signalNames: { catch1: 'anonymous', catch2: 'anonymous', throw: 'anonymous' },
      endEvents: ['join'],
    });
    // When the definition is ran, then the run completes
    run.start();
    expect(run.status).toBe('completed');
    expect(timesCompleted(run, 'join')).toBe(1);
  },
  6: async () => {
    // Given a process throwing an anonymous signal (it gets a start event), a process started by an anonymous signal
    // (both given one name), a process started by a signal reference naming an escalation, and one with an
    // escalation start event
    const collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/signal-feature__03.bpmn', {
      startEvents: { signalProcess: ['escalate'] },
      signalNames: { escalate: 'anonymous', wakeManager: 'anonymous' },
      executable: ['managerProcess'],
    });
    // When the definition is ran, then the run completes
    collaboration.start('signalProcess');
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
    // And the escalate process completed, and the manager process completed
    expect(collaboration.runsOf('signalProcess')).toHaveLength(1);
    expect(collaboration.runsOf('managerProcess')).toHaveLength(1);
    // And the boss is not bothered, and the escalation process is not touched
    expect(collaboration.runsOf('bossProcess')).toEqual([]);
    expect(collaboration.runsOf('signaledProcess')).toEqual([]);
  },
  7: async () => {
    // Given a process with two flows: the first ends with a signal, the second starts with it (anonymous signals,
    // given one name) and then waits for user input
    const collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/signal-feature__04.bpmn', {
      signalNames: { end1: 'anonymous', start2: 'anonymous' },
    });
    // When the definition is ran
    const first = collaboration.start('signalProcess');
    // Then the first user task waits for input, and the second start event waits for the signal
    expect(openUserTasks(first)).toEqual(['task1']);
    expect(first.definition.triggeredStartEventIds).toEqual(['start2']);
    // When the first user task receives input
    collaboration.completeUserTask(first, 'task1');
    // Then the first flow is completed, and the second flow is continued
    expect(timesCompleted(first, 'end1')).toBe(1);
    expect(first.status).toBe('completed');
    expect(collaboration.completed().filter((id) => id === 'start2')).toHaveLength(1);
    // And the second user task is awaiting input
    const second = collaboration.instances[1];
    if (!second) throw new Error('the signal did not start the second flow');
    expect(collaboration.instances.flatMap(openUserTasks)).toEqual(['task2']);
    // When the second user task receives input, then the run completes
    collaboration.completeUserTask(second, 'task2');
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
  },
  8: async () => {
    // Given two flows that log through scripts (their FEEL values are asserted instead), the first ending with a
    // signal, the second started by it
    const collaboration = await Collaboration.of(corpus, 'test/resources/issue-3.bpmn', {
      scripts: {
        Task_1eq3n1s: ['environment.services.log("task1"); next()', '"task1"', 'logged'],
        Task_1ldwx43: ['environment.services.log("task2"); next()', '"task2"', 'logged'],
      },
    });
    // When the definition is ran, then it completes immediately
    collaboration.start('Process_0pkt3xj');
    expect(collaboration.instances.map((run) => run.status)).toEqual(['completed', 'completed']);
    // And the first flow's script logged "task1", then the second flow's "task2"
    expect(collaboration.instances.map((run) => run.variables().logged)).toEqual(['task1', 'task2']);
  },
  10: async () => {
    // Given a user task, receive tasks, signal events and message events in sequence
    let collaboration = await Collaboration.of(corpus, 'scenarios/bpmn/signal-feature__06.bpmn', resumeAndSignal);
    const run = (): Scenario => collaboration.instances[0] as Scenario;
    // When the definition is ran, then execution stops at the first user task
    collaboration.start('signalProcess');
    expect(openUserTasks(run())).toEqual(['task1']);

    /** Given the execution state is saved; when the definition is resumed and at once signalled. */
    const resumedAndSignalled = (signal: () => void): Variables => {
      collaboration = collaboration.recover(collaboration.save());
      return variablesSetBy(run(), signal);
    };
    // The user task gets the input as output; the next activity is running
    let output = resumedAndSignalled(() => collaboration.completeUserTask(run(), 'task1', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['receiveAnon']);
    // The anonymous receive task (its message given a name) gets the message as output
    output = resumedAndSignalled(() => collaboration.publish('anonymous message', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['receive']);
    // The receive task gets its message
    output = resumedAndSignalled(() => collaboration.publish('NamedMessage', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['anonSignalEvent']);
    // The anonymous signal event (given a name) gets the signal
    output = resumedAndSignalled(() => collaboration.broadcast('anonymous signal', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['secondAnonSignalEvent']);
    // The second anonymous signal event gets the signal
    output = resumedAndSignalled(() => collaboration.broadcast('anonymous signal', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['namedSignalEvent']);
    // The anonymous signal does not reach the named signal event: nothing is set, and it is still running
    output = resumedAndSignalled(() => collaboration.broadcast('anonymous signal', { input: 1 }));
    expect(output).toEqual({});
    expect(run().active()).toEqual(['namedSignalEvent']);
    // The named signal reaches it
    output = resumedAndSignalled(() => collaboration.broadcast('NamedSignal', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['anonMessageEvent']);
    // The anonymous message event (given a name) gets the message
    output = resumedAndSignalled(() => collaboration.publish('anonymous message', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().active()).toEqual(['namedMessageEvent']);
    // The named message event gets its message, and the execution completes
    output = resumedAndSignalled(() => collaboration.publish('NamedMessage', { input: 1 }));
    expect(output).toEqual({ input: 1 });
    expect(run().status).toBe('completed');
  },
});
