// Timers checked when a model is deployed, as Zeebe does: static timer text on every timer event, and the
// expression of a process's timer start event, evaluated without variables. Other FEEL timers wait for their run.
import { parseBpmn } from '@operon/model';
import { describe, expect, it } from 'vitest';
import { DEPLOY_CHECKS } from '../src/index';
import { bpmn, flow } from './scenario';

const timer = (kind: 'timeDate' | 'timeDuration' | 'timeCycle', text: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${text}</bpmn:${kind}></bpmn:timerEventDefinition>`;

/** A process timer start event with the timer → end. */
const startingAt = (definition: string) =>
  bpmn(
    `<bpmn:startEvent id="clock">${definition}</bpmn:startEvent>${flow('f1', 'clock', 'end')}<bpmn:endEvent id="end"/>`,
  );

/** start → a user task with a timer boundary event → ends. */
const boundedBy = (definition: string) =>
  bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'task')}<bpmn:userTask id="task"/>
    ${flow('f2', 'task', 'end')}<bpmn:endEvent id="end"/>
    <bpmn:boundaryEvent id="late" attachedToRef="task">${definition}</bpmn:boundaryEvent>
    ${flow('f3', 'late', 'lateEnd')}<bpmn:endEvent id="lateEnd"/>`);

async function timerErrors(xml: string) {
  const outcome = await parseBpmn(xml, DEPLOY_CHECKS);
  return outcome.ok ? [] : outcome.diagnostics.filter((diagnostic) => diagnostic.code === 'TIMER_INVALID');
}

describe('timers checked at deployment', () => {
  it('given valid static timers, then the model deploys', async () => {
    for (const xml of [
      startingAt(timer('timeCycle', 'R3/PT1H')),
      startingAt(timer('timeCycle', '0 0 9 * * MON-FRI')),
      startingAt(timer('timeDate', '2030-01-01T09:00:00Z')),
      boundedBy(timer('timeDuration', 'PT15M')),
    ]) {
      expect((await parseBpmn(xml, DEPLOY_CHECKS)).ok).toBe(true);
    }
  });

  it('given a static timer that does not parse, on a start or a boundary event, then the model is refused saying why', async () => {
    const [onStart] = await timerErrors(startingAt(timer('timeCycle', 'R-3/2023-01-32')));
    expect(onStart).toMatchObject({ elementId: 'clock', severity: 'error' });
    expect(onStart?.message).toContain('R-3/2023-01-32');

    const [onBoundary] = await timerErrors(boundedBy(timer('timeDate', '2023-01-32')));
    expect(onBoundary).toMatchObject({ elementId: 'late' });
    expect(onBoundary?.message).toContain('2023-01-32');
  });

  it('given a timer start event whose expression needs a variable, then the model is refused: it has none at deployment', async () => {
    const [problem] = await timerErrors(startingAt(timer('timeCycle', '=interval')));

    expect(problem?.elementId).toBe('clock');
    expect(problem?.message).toContain('without variables');
  });

  it('given a timer start event whose expression gives a valid timer without variables, then the model deploys', async () => {
    expect((await parseBpmn(startingAt(timer('timeCycle', '="R/P1D"')), DEPLOY_CHECKS)).ok).toBe(true);
    expect(await timerErrors(startingAt(timer('timeDate', '="2023-12-32"')))).toHaveLength(1);
  });

  it('given a FEEL timer on a boundary event, then it is left for its run (it may read variables)', async () => {
    expect((await parseBpmn(boundedBy(timer('timeDuration', '=reminder')), DEPLOY_CHECKS)).ok).toBe(true);
  });
});
