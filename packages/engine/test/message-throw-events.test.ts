import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmn, bpmnWith, flow } from './scenario';

// Camunda 8 runs message throw events and send tasks exactly like service tasks: a job
// (`zeebe:taskDefinition`) whose worker sends the message; the element completes when the job does.

const sender = (type: string, extra = ''): string =>
  `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="2"/>${extra}</bpmn:extensionElements>`;

const HEADERS = '<zeebe:taskHeaders><zeebe:header key="channel" value="mail"/></zeebe:taskHeaders>';

describe('send task', () => {
  const model = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'notify')}
    <bpmn:sendTask id="notify">${sender('send-invoice', HEADERS)}</bpmn:sendTask>
    ${flow('f2', 'notify', 'end')}<bpmn:endEvent id="end"/>`);

  it('given a send task, when the instance reaches it, then a job with its type, retries and headers is handed out', async () => {
    const scenario = await Scenario.of(model);

    scenario.start({ orderId: 'A-1' });

    expect(scenario.active()).toEqual(['notify']);
    expect(scenario.effects.find((effect) => effect.type === 'activate-job')).toMatchObject({
      job: { type: 'send-invoice', retries: 2, headers: { channel: 'mail' }, elementId: 'notify' },
      variables: { orderId: 'A-1' },
    });
  });

  it('when the job completes with variables, then they are merged and the instance goes on', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();

    scenario.completeJob('send-invoice', { sentAt: 'today' });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ sentAt: 'today' });
    expect(scenario.completed()).toEqual(['start', 'notify', 'end']);
  });

  it('given no retries left, when the job fails, then an incident is raised; resolving it hands the job out again', async () => {
    const scenario = await Scenario.of(model);
    scenario.start();
    const jobKey = scenario.job('send-invoice').key;

    scenario.when({ type: 'fail-job', jobKey, retries: 0, errorMessage: 'mail server down' });

    const incident = scenario.incidentAt('notify');
    expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', jobKey });
    scenario.when({ type: 'resolve-incident', incidentKey: incident.key, retries: 1 });
    expect(scenario.effects.at(-1)).toMatchObject({ type: 'activate-job', job: { key: jobKey, retries: 1 } });
    scenario.completeJob('send-invoice');
    expect(scenario.status).toBe('completed');
  });

  it('when the worker throws a BPMN error, then the error boundary event of the send task catches it', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '<bpmn:error id="bounced" errorCode="BOUNCED"/>',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'notify')}
        <bpmn:sendTask id="notify">${sender('send-invoice')}</bpmn:sendTask>
        ${flow('f2', 'notify', 'end')}<bpmn:endEvent id="end"/>
        ${boundary('onBounce', 'notify', '<bpmn:errorEventDefinition errorRef="bounced"/>')}
        ${flow('f3', 'onBounce', 'failed')}<bpmn:endEvent id="failed"/>`,
      ),
    );
    scenario.start();

    scenario.throwError('send-invoice', 'BOUNCED', { reason: 'no such mailbox' });

    expect(scenario.status).toBe('completed');
    expect(scenario.terminated()).toEqual(['notify']);
    expect(scenario.completed()).toEqual(['start', 'onBounce', 'failed']);
  });

  it('when an interrupting timer ends the send task, then its job is withdrawn', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'notify')}
        <bpmn:sendTask id="notify">${sender('send-invoice')}</bpmn:sendTask>
        ${flow('f2', 'notify', 'end')}<bpmn:endEvent id="end"/>
        ${boundary('late', 'notify', '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>')}
        ${flow('f3', 'late', 'gaveUp')}<bpmn:endEvent id="gaveUp"/>`),
    );
    scenario.start();
    const jobKey = scenario.job('send-invoice').key;

    scenario.fireTimer('late');

    expect(scenario.effects).toContainEqual({ type: 'cancel-job', jobKey });
    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });
});

describe('message intermediate throw event', () => {
  const ANNOUNCE = bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'announce')}
    <bpmn:intermediateThrowEvent id="announce">${sender('announce')}<bpmn:messageEventDefinition/></bpmn:intermediateThrowEvent>
    ${flow('f2', 'announce', 'end')}<bpmn:endEvent id="end"/>`);

  it('hands its input mappings to the job and goes on with its output mappings when the job completes', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '<bpmn:message id="m" name="invoice-sent"/>',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'announce')}
        <bpmn:intermediateThrowEvent id="announce">
          ${sender(
            'announce',
            `<zeebe:ioMapping><zeebe:input source="=orderId" target="key"/>
              <zeebe:output source="=messageId" target="announcedAs"/></zeebe:ioMapping>`,
          )}
          <bpmn:messageEventDefinition messageRef="m"/>
        </bpmn:intermediateThrowEvent>
        ${flow('f2', 'announce', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );
    scenario.start({ orderId: 'A-1' });

    expect(scenario.effects.find((effect) => effect.type === 'activate-job')).toMatchObject({
      job: { type: 'announce', elementId: 'announce' },
      variables: { orderId: 'A-1', key: 'A-1' },
    });
    scenario.completeJob('announce', { messageId: 'msg-7' });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ orderId: 'A-1', announcedAs: 'msg-7' });
  });

  it('when the job fails with retries left, then it is handed out again after the backoff', async () => {
    const scenario = await Scenario.of(ANNOUNCE);
    scenario.start();
    const jobKey = scenario.job('announce').key;

    scenario.when({ type: 'fail-job', jobKey, retries: 1, errorMessage: 'busy', retryBackoffMs: 1000 });

    expect(scenario.effects.at(-1)).toMatchObject({ type: 'activate-job', job: { key: jobKey }, backoffMs: 1000 });
    expect(scenario.active()).toEqual(['announce']);
  });

  it('when the worker throws an uncaught BPMN error, then an UNHANDLED_ERROR_EVENT incident is raised', async () => {
    const scenario = await Scenario.of(ANNOUNCE);
    scenario.start();

    scenario.throwError('announce', 'NOBODY_LISTENS');

    expect(scenario.incidentAt('announce').type).toBe('UNHANDLED_ERROR_EVENT');
  });
});

describe('message end event', () => {
  it('given a message end event, when its job completes, then the instance completes', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'done')}
        <bpmn:endEvent id="done">${sender('send-receipt')}<bpmn:messageEventDefinition/></bpmn:endEvent>`),
    );

    scenario.start();
    expect(scenario.status).toBe('active');
    expect(scenario.active()).toEqual(['done']);

    scenario.completeJob('send-receipt', { receipt: 1 });
    expect(scenario.status).toBe('completed');
    expect(scenario.variables()).toEqual({ receipt: 1 });
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('when the instance is cancelled, then the job of its message end event is withdrawn', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'done')}
        <bpmn:endEvent id="done">${sender('send-receipt')}<bpmn:messageEventDefinition/></bpmn:endEvent>`),
    );
    scenario.start();
    const jobKey = scenario.job('send-receipt').key;

    scenario.when({ type: 'cancel-instance' });

    expect(scenario.effects).toContainEqual({ type: 'cancel-job', jobKey });
    expect(scenario.status).toBe('terminated');
  });
});
