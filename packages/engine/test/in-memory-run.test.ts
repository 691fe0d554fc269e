import { describe, expect, it } from 'vitest';
import { runInMemory } from '../src/index';
import { boundary, bpmn, deploy, flow, serviceTask, userTask } from './scenario';

// runInMemory fires timers in virtual time: when nothing else is left to do, the clock jumps to the
// earliest open timer and fires it.

const START = Date.parse('2025-03-01T08:00:00Z');
const HOUR = 3_600_000;

const timer = (kind: 'timeDuration' | 'timeCycle' | 'timeDate', text: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${text}</bpmn:${kind}></bpmn:timerEventDefinition>`;

const waitFor = (id: string, definition: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}">${definition}</bpmn:intermediateCatchEvent>`;

/** A user task nobody completes, with a non-interrupting reminder on the given cycle. */
const reviewWithReminders = (cycle: string): string =>
  bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}${userTask('review')}
    ${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>
    ${boundary('remind', 'review', timer('timeCycle', cycle), false)}${flow('f3', 'remind', 'reminded')}
    <bpmn:endEvent id="reminded"/>`);

describe('runInMemory in virtual time', () => {
  it('given a one-day timer, the run completes at once and reports the virtual time one day after the start', async () => {
    const definition = await deploy(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'wait')}${waitFor('wait', timer('timeDuration', 'P1D'))}
        ${flow('f2', 'wait', 'end')}<bpmn:endEvent id="end"/>`),
    );

    const run = runInMemory(definition, { now: START });

    expect(run.status).toBe('completed');
    expect(run.completedElements).toEqual(['start', 'wait', 'end']);
    expect(run.now).toBe(START + 24 * HOUR);
    expect(run.virtualTime).toBe('2025-03-02T08:00:00.000Z');
  });

  it('without timers the virtual clock stays at the start; by default it starts at the epoch', async () => {
    const definition = await deploy(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'end')}<bpmn:endEvent id="end"/>`),
    );

    expect(runInMemory(definition, { now: START }).now).toBe(START);
    expect(runInMemory(definition).virtualTime).toBe('1970-01-01T00:00:00.000Z');
  });

  it('fires the earliest timer first', async () => {
    const definition = await deploy(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f0', 'start', 'fork')}<bpmn:parallelGateway id="fork"/>
        ${flow('f1', 'fork', 'slow')}${waitFor('slow', timer('timeDuration', 'PT2H'))}${flow('f2', 'slow', 'join')}
        ${flow('f3', 'fork', 'fast')}${waitFor('fast', timer('timeDuration', 'PT1H'))}${flow('f4', 'fast', 'join')}
        <bpmn:parallelGateway id="join"/>${flow('f5', 'join', 'end')}<bpmn:endEvent id="end"/>`),
    );

    const run = runInMemory(definition, { now: START });

    expect(run.completedElements.filter((id) => id === 'slow' || id === 'fast')).toEqual(['fast', 'slow']);
    expect(run.now).toBe(START + 2 * HOUR);
  });

  it('a boundary timer interrupts a job nobody completes, at its due time', async () => {
    const definition = await deploy(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'charge')}${serviceTask('charge', 'payment')}
        ${flow('f2', 'charge', 'end')}<bpmn:endEvent id="end"/>
        ${boundary('late', 'charge', timer('timeDuration', 'PT30M'))}${flow('f3', 'late', 'gaveUp')}<bpmn:endEvent id="gaveUp"/>`),
    );

    const run = runInMemory(definition, { now: START });

    expect(run.status).toBe('completed');
    expect(run.completedElements).toEqual(['start', 'late', 'gaveUp']);
    expect(run.now).toBe(START + HOUR / 2);
  });

  it('re-arms a cycle as the engine does: R3/PT1H fires three times beside a waiting user task', async () => {
    const definition = await deploy(reviewWithReminders('R3/PT1H'));

    const run = runInMemory(definition, { now: START });

    expect(run.status).toBe('waiting');
    expect(run.completedElements.filter((id) => id === 'reminded')).toHaveLength(3);
    expect(run.now).toBe(START + 3 * HOUR);
  });

  it('stops an endless cycle after maxCommands, with the clock where it stopped', async () => {
    const definition = await deploy(reviewWithReminders('R/PT1H'));

    const run = runInMemory(definition, { now: START, maxCommands: 10 });

    // one command creates the instance, each of the other nine fires the cycle once
    expect(run.status).toBe('waiting');
    expect(run.completedElements.filter((id) => id === 'reminded')).toHaveLength(9);
    expect(run.now).toBe(START + 9 * HOUR);
  });

  it('fires the timers of a called child in memory too', async () => {
    const parent = await deploy(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'call')}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
        ${flow('f2', 'call', 'end')}<bpmn:endEvent id="end"/>`),
    );
    const child = await deploy(
      bpmn(
        `<bpmn:startEvent id="cs"/>${flow('c1', 'cs', 'cwait')}${waitFor('cwait', timer('timeDuration', 'PT5M'))}
        ${flow('c2', 'cwait', 'ce')}<bpmn:endEvent id="ce"/>`,
        'child',
      ),
    );

    const run = runInMemory(parent, { now: START, processes: (id) => (id === 'child' ? child : undefined) });

    expect(run.status).toBe('completed');
    expect(run.now).toBe(START + 5 * 60_000);
  });
});
