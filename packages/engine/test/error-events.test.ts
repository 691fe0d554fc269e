import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmnWith, flow, serviceTask } from './scenario';

const ERRORS = `<bpmn:error id="declined" errorCode="DECLINED" name="Payment declined"/>
  <bpmn:error id="fraud" errorCode="FRAUD"/><bpmn:error id="any"/>`;
const catchError = (ref?: string): string =>
  ref === undefined ? '<bpmn:errorEventDefinition/>' : `<bpmn:errorEventDefinition errorRef="${ref}"/>`;

/** start → charge (job) → end, with error boundaries on charge leading to their own end events. */
function chargeWith(boundaries: string): string {
  return bpmnWith(
    ERRORS,
    `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'charge')}${serviceTask('charge', 'payment')}
     ${flow('f2', 'charge', 'end')}<bpmn:endEvent id="end"/>${boundaries}`,
  );
}

describe('BPMN errors thrown by job workers', () => {
  it('given an error boundary for the code, when the worker throws it, then the task ends and the boundary path runs with the variables', async () => {
    const scenario = await Scenario.of(
      chargeWith(
        `${boundary('onDeclined', 'charge', catchError('declined'))}${flow('f3', 'onDeclined', 'declinedEnd')}<bpmn:endEvent id="declinedEnd"/>`,
      ),
    );
    scenario.start({ amount: 10 });

    scenario.throwError('payment', 'DECLINED', { reason: 'card expired' }, 'no funds');

    expect(scenario.terminated()).toEqual(['charge']);
    expect(scenario.completed()).toEqual(['start', 'onDeclined', 'declinedEnd']);
    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ amount: 10, reason: 'card expired' });
    expect(scenario.effects).toContainEqual({ type: 'cancel-job', jobKey: expect.any(Number) });
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('prefers the boundary with the same code over a catch-all one, whatever their order', async () => {
    const scenario = await Scenario.of(
      chargeWith(
        `${boundary('catchAll', 'charge', catchError())}${flow('f3', 'catchAll', 'e1')}<bpmn:endEvent id="e1"/>
         ${boundary('onFraud', 'charge', catchError('fraud'))}${flow('f4', 'onFraud', 'e2')}<bpmn:endEvent id="e2"/>`,
      ),
    );
    scenario.start();

    scenario.throwError('payment', 'FRAUD');

    expect(scenario.completed()).toContain('onFraud');
    expect(scenario.completed()).not.toContain('catchAll');
  });

  it('catches any code with a catch-all boundary (an error without a code, or no error reference)', async () => {
    for (const definition of [catchError(), catchError('any')]) {
      const scenario = await Scenario.of(
        chargeWith(
          `${boundary('catchAll', 'charge', definition)}${flow('f3', 'catchAll', 'e1')}<bpmn:endEvent id="e1"/>`,
        ),
      );
      scenario.start();

      scenario.throwError('payment', 'ANYTHING');

      expect(scenario.completed()).toEqual(['start', 'catchAll', 'e1']);
    }
  });

  it('given no catch, when the worker throws, then an UNHANDLED_ERROR_EVENT incident holds the job; resolving it hands the job out again', async () => {
    const scenario = await Scenario.of(
      chargeWith(
        `${boundary('onFraud', 'charge', catchError('fraud'))}${flow('f3', 'onFraud', 'e1')}<bpmn:endEvent id="e1"/>`,
      ),
    );
    scenario.start();

    scenario.throwError('payment', 'DECLINED', {}, 'no funds');

    const incident = scenario.incidentAt('charge');
    expect(incident.type).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.message).toContain("The error 'DECLINED' (no funds) thrown by 'charge' is not caught");
    expect(scenario.job('payment').retries).toBe(0);

    scenario.when({ type: 'resolve-incident', incidentKey: incident.key, retries: 2 });
    expect(scenario.job('payment').retries).toBe(2);
    scenario.completeJob('payment');
    expect(scenario.status).toBe('completed');
  });

  it('is caught by a boundary of the enclosing sub-process when the task has none', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        ERRORS,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'charge')}${serviceTask('charge', 'payment')}
           ${flow('g2', 'charge', 's2')}<bpmn:endEvent id="s2"/></bpmn:subProcess>
         ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>
         ${boundary('onError', 'sub', catchError('declined'))}${flow('f3', 'onError', 'failed')}<bpmn:endEvent id="failed"/>`,
      ),
    );
    scenario.start();

    scenario.throwError('payment', 'DECLINED');

    expect(scenario.terminated()).toEqual(['charge', 'sub']);
    expect(scenario.completed()).toEqual(['start', 's1', 'onError', 'failed']);
    expect(scenario.status).toBe('completed');
  });

  it('rejects an empty error code and an unknown job', async () => {
    const scenario = await Scenario.of(chargeWith(''));
    scenario.start();

    expect(scenario.rejected({ type: 'throw-error', jobKey: scenario.job('payment').key, errorCode: ' ' })).toBe(
      'VALIDATION_FAILED',
    );
    expect(scenario.rejected({ type: 'throw-error', jobKey: 999, errorCode: 'X' })).toBe('JOB_NOT_FOUND');
  });
});

describe('error end events', () => {
  const subProcessThrowing = (catches: string, code = 'declined'): string =>
    bpmnWith(
      ERRORS,
      `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'fail')}
         <bpmn:endEvent id="fail">${catchError(code)}</bpmn:endEvent></bpmn:subProcess>
       ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>${catches}`,
    );

  it('given an error end event in a sub-process, when reached, then the boundary of the sub-process catches it', async () => {
    const scenario = await Scenario.of(
      subProcessThrowing(`${boundary('caught', 'sub', catchError('declined'))}${flow('f3', 'caught', 'handled')}
        <bpmn:endEvent id="handled"/>`),
    );

    scenario.start();

    expect(scenario.terminated()).toEqual(['fail', 'sub']);
    expect(scenario.completed()).toEqual(['start', 's1', 'caught', 'handled']);
    expect(scenario.takenFlows()).not.toContain('f2');
    expect(scenario.status).toBe('completed');
  });

  it('given no catch, when reached, then an UNHANDLED_ERROR_EVENT incident stops the end event', async () => {
    const scenario = await Scenario.of(subProcessThrowing(''));

    scenario.start();

    expect(scenario.incidentAt('fail').type).toBe('UNHANDLED_ERROR_EVENT');
    expect(scenario.incidentAt('fail').message).toContain("The error 'DECLINED' (Payment declined)");
    expect(scenario.status).toBe('active');
  });

  it('throws a FEEL error code', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        `<bpmn:error id="dynamic" errorCode="=code"/><bpmn:error id="late" errorCode="LATE"/>`,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'fail')}
           <bpmn:endEvent id="fail">${catchError('dynamic')}</bpmn:endEvent></bpmn:subProcess>
         ${boundary('caught', 'sub', catchError('late'))}`,
      ),
    );

    scenario.start({ code: 'LATE' });

    expect(scenario.completed()).toContain('caught');
  });
});
