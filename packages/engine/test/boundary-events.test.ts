import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmn, bpmnWith, flow, serviceTask, userTask } from './scenario';

const HOUR = 3_600_000;
const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', text: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${text}</bpmn:${kind}></bpmn:timerEventDefinition>`;

/** start → review (user task) → end, with the given boundaries on review. */
function reviewWith(boundaries: string, roots = ''): string {
  const content = `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'review')}${userTask('review')}
     ${flow('f2', 'review', 'end')}<bpmn:endEvent id="end"/>${boundaries}`;
  return roots === '' ? bpmn(content) : bpmnWith(roots, content);
}

describe('timer boundary events', () => {
  it('given an interrupting timer, when it fires, then the task ends and the timer path runs', async () => {
    const scenario = await Scenario.of(
      reviewWith(`${boundary('late', 'review', timer('timeDuration', 'PT1H'))}${flow('f3', 'late', 'escalated')}
        <bpmn:endEvent id="escalated"/>`),
    );
    scenario.start();
    expect(scenario.timer('late').dueAt).toBe(HOUR);

    scenario.fireTimer('late');

    expect(scenario.terminated()).toEqual(['review']);
    expect(scenario.completed()).toEqual(['start', 'late', 'escalated']);
    expect(scenario.effects).toContainEqual({ type: 'close-user-task', userTaskKey: expect.any(Number) });
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a timer boundary, when the task completes first, then the timer is cancelled', async () => {
    const scenario = await Scenario.of(reviewWith(boundary('late', 'review', timer('timeDuration', 'PT1H'))));
    scenario.start();

    scenario.completeUserTask('review');

    expect(scenario.timers()).toEqual([]);
    expect(scenario.effects).toContainEqual({ type: 'cancel-timer', timerKey: expect.any(Number) });
    expect(scenario.status).toBe('completed');
  });

  it('given a timer date, then it is due at that date', async () => {
    const scenario = await Scenario.of(reviewWith(boundary('at', 'review', timer('timeDate', '2030-01-01T00:00:00Z'))));
    scenario.start();

    expect(scenario.timer('at').dueAt).toBe(Date.UTC(2030, 0, 1));
  });

  it('given a non-interrupting cycle R3/PT1H, then it fires three times beside the task and stops', async () => {
    const scenario = await Scenario.of(
      reviewWith(`${boundary('remind', 'review', timer('timeCycle', 'R3/PT1H'), false)}${flow('f3', 'remind', 'sent')}
        <bpmn:endEvent id="sent"/>`),
    );
    scenario.start();

    scenario.fireTimer('remind').fireTimer('remind');
    expect(scenario.timer('remind').dueAt).toBe(3 * HOUR);
    scenario.fireTimer('remind');

    expect(scenario.timers()).toEqual([]);
    expect(scenario.completed().filter((id) => id === 'remind')).toHaveLength(3);
    expect(scenario.active()).toEqual(['review']);
    scenario.completeUserTask('review');
    expect(scenario.status).toBe('completed');
  });

  it('given a non-interrupting cron cycle, then it is scheduled again at the next cron time', async () => {
    const scenario = await Scenario.of(
      reviewWith(boundary('daily', 'review', timer('timeCycle', '0 0 9 * * *'), false)),
    );
    scenario.start();
    expect(scenario.timer('daily').dueAt).toBe(9 * HOUR);

    scenario.fireTimer('daily');

    expect(scenario.timer('daily').dueAt).toBe(33 * HOUR);
    expect(scenario.timer('daily').cycle).toMatchObject({ kind: 'cron' });
  });

  it('given a monthly cycle, then each firing is one calendar month after the last', async () => {
    const scenario = await Scenario.of(
      reviewWith(boundary('monthly', 'review', timer('timeCycle', 'R/2030-01-31T00:00:00Z/P1M'), false)),
    );
    scenario.start();

    scenario.fireTimer('monthly');

    expect(scenario.timer('monthly').dueAt).toBe(Date.UTC(2030, 1, 28));
  });

  it('raises an incident on the task when its boundary timer is invalid', async () => {
    const scenario = await Scenario.of(reviewWith(boundary('late', 'review', timer('timeDuration', '=wait'))));

    scenario.start({ wait: 'soon' });

    expect(scenario.incidentAt('review').type).toBe('EXPRESSION_ERROR');
    expect(scenario.timers()).toEqual([]);
    scenario.when({ type: 'set-variables', variables: { wait: 'PT5M' } });
    scenario.when({ type: 'resolve-incident', incidentKey: scenario.incidentAt('review').key });
    expect(scenario.timers()).toHaveLength(1);
    expect(scenario.userTask('review').elementId).toBe('review');
  });

  it('interrupts a sub-process with everything inside it', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
        <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'work')}${serviceTask('work')}
          ${flow('g2', 'work', 's2')}<bpmn:endEvent id="s2"/></bpmn:subProcess>
        ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>
        ${boundary('timeout', 'sub', timer('timeDuration', 'PT10M'))}${flow('f3', 'timeout', 'end2')}<bpmn:endEvent id="end2"/>`),
    );
    scenario.start();

    scenario.fireTimer('timeout');

    expect(scenario.terminated()).toEqual(['work', 'sub']);
    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });
});

describe('message boundary events', () => {
  const MESSAGE = `<bpmn:message id="cancelMsg" name="cancel"><bpmn:extensionElements>
      <zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`;
  const onMessage = '<bpmn:messageEventDefinition messageRef="cancelMsg"/>';

  it('given an interrupting message boundary, when the message is correlated, then the task ends and its variables arrive', async () => {
    const scenario = await Scenario.of(
      reviewWith(
        `${boundary('cancelled', 'review', onMessage)}${flow('f3', 'cancelled', 'end2')}<bpmn:endEvent id="end2"/>`,
        MESSAGE,
      ),
    );
    scenario.start({ orderId: 'A-1' });
    expect(scenario.subscription('cancelled')).toMatchObject({ messageName: 'cancel', correlationKey: 'A-1' });

    scenario.correlate('cancelled', { reason: 'customer' });

    expect(scenario.terminated()).toEqual(['review']);
    expect(scenario.variables()).toEqual({ orderId: 'A-1', reason: 'customer' });
    expect(scenario.status).toBe('completed');
  });

  it('given a non-interrupting message boundary, then each message runs its path and the subscription stays open', async () => {
    const scenario = await Scenario.of(
      reviewWith(
        `${boundary('note', 'review', onMessage, false)}${flow('f3', 'note', 'noted')}<bpmn:endEvent id="noted"/>`,
        MESSAGE,
      ),
    );
    scenario.start({ orderId: 'A-1' });

    scenario.correlate('note').correlate('note');

    expect(scenario.completed().filter((id) => id === 'noted')).toHaveLength(2);
    expect(scenario.active()).toEqual(['review']);
    expect(scenario.subscriptions()).toHaveLength(1);
    scenario.completeUserTask('review');
    expect(scenario.subscriptions()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });

  it('maps the message variables with the boundary event output mappings', async () => {
    const scenario = await Scenario.of(
      reviewWith(
        `<bpmn:boundaryEvent id="cancelled" attachedToRef="review"><bpmn:extensionElements><zeebe:ioMapping>
           <zeebe:output source="=reason" target="cancelReason"/></zeebe:ioMapping></bpmn:extensionElements>${onMessage}
         </bpmn:boundaryEvent>`,
        MESSAGE,
      ),
    );
    scenario.start({ orderId: 'A-1' });

    scenario.correlate('cancelled', { reason: 'customer', noise: 1 });

    expect(scenario.variables()).toEqual({ orderId: 'A-1', cancelReason: 'customer' });
  });
});

describe('boundary events in the model', () => {
  it('refuses a non-interrupting error boundary event and a boundary on a gateway', async () => {
    const { parseBpmn } = await import('@operon/model');
    const outcome = await parseBpmn(
      reviewWith(`${boundary('b1', 'review', '<bpmn:errorEventDefinition/>', false)}
        <bpmn:exclusiveGateway id="gw"/>${boundary('b2', 'gw', timer('timeDuration', 'PT1H'))}`),
    );
    expect(outcome.ok).toBe(false);
    const invalid = outcome.diagnostics.filter((diagnostic) => diagnostic.code === 'BOUNDARY_EVENT_INVALID');
    expect(invalid.map((diagnostic) => diagnostic.elementId).sort()).toEqual(['b1', 'b2']);
  });
});
