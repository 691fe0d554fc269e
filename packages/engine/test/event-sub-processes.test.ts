import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmnWith, flow, serviceTask, userTask } from './scenario';

const ROOTS = `<bpmn:error id="declined" errorCode="DECLINED"/>
  <bpmn:escalation id="late" escalationCode="LATE"/>
  <bpmn:message id="infoMsg" name="info"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/>
  </bpmn:extensionElements></bpmn:message>`;

/** An event sub-process with one start event (its trigger) → handler (user task) → end. */
function eventSubProcess(id: string, trigger: string, interrupting: boolean, handler = `${id}Handler`): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}Start" isInterrupting="${interrupting}">${trigger}</bpmn:startEvent>
    ${flow(`${id}F1`, `${id}Start`, handler)}${userTask(handler)}${flow(`${id}F2`, handler, `${id}End`)}
    <bpmn:endEvent id="${id}End"/></bpmn:subProcess>`;
}

/** start → work (job) → end, plus event sub-processes at the process level. */
function processWith(eventSubProcesses: string): string {
  return bpmnWith(
    ROOTS,
    `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'work')}${serviceTask('work')}
     ${flow('f2', 'work', 'end')}<bpmn:endEvent id="end"/>${eventSubProcesses}`,
  );
}

const timerIn = (duration: string): string =>
  `<bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

describe('event sub-processes', () => {
  it('given an interrupting error event sub-process, when a worker throws the error, then it ends the rest of the process and runs', async () => {
    const scenario = await Scenario.of(
      processWith(eventSubProcess('onError', '<bpmn:errorEventDefinition errorRef="declined"/>', true)),
    );
    scenario.start();

    scenario.throwError('work', 'DECLINED', { why: 'limit' });

    expect(scenario.terminated()).toEqual(['work']);
    expect(scenario.active()).toEqual(['onError', 'onErrorHandler']);
    expect(scenario.variables()).toEqual({ why: 'limit' });
    scenario.completeUserTask('onErrorHandler');
    expect(scenario.status).toBe('completed');
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given an interrupting timer event sub-process, when the timer fires, then the process is interrupted', async () => {
    const scenario = await Scenario.of(processWith(eventSubProcess('timeout', timerIn('PT1H'), true)));
    scenario.start();
    expect(scenario.timer('timeoutStart').dueAt).toBe(3_600_000);

    scenario.fireTimer('timeoutStart');

    expect(scenario.terminated()).toEqual(['work']);
    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.active()).toEqual(['timeout', 'timeoutHandler']);
  });

  it('given a non-interrupting message event sub-process, then each message runs it beside the main flow', async () => {
    const scenario = await Scenario.of(
      processWith(eventSubProcess('info', '<bpmn:messageEventDefinition messageRef="infoMsg"/>', false)),
    );
    scenario.start({ orderId: 'A-1' });
    expect(scenario.subscription('infoStart').correlationKey).toBe('A-1');

    scenario.correlate('infoStart', { note: 'first' });

    expect(scenario.active()).toEqual(['info', 'infoHandler', 'work']);
    expect(scenario.variables()).toEqual({ orderId: 'A-1', note: 'first' });
    expect(scenario.subscriptions()).toHaveLength(1);

    scenario.completeJob('work');
    expect(scenario.status).toBe('active'); // the event sub-process still runs, and the process still listens
    expect(scenario.subscriptions()).toHaveLength(1);
    scenario.completeUserTask('infoHandler');
    expect(scenario.status).toBe('completed');
    expect(scenario.subscriptions()).toEqual([]);
  });

  it('given a non-interrupting timer cycle, then it starts again at each firing', async () => {
    const scenario = await Scenario.of(
      processWith(
        eventSubProcess(
          'remind',
          '<bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>',
          false,
        ),
      ),
    );
    scenario.start();

    scenario.fireTimer('remindStart').fireTimer('remindStart');

    expect(scenario.active().filter((id) => id === 'remindHandler')).toHaveLength(2);
    expect(scenario.timers()).toEqual([]);
  });

  it('given an escalation event sub-process in a sub-process, when an escalation is thrown inside, then it runs (non-interrupting) and the thrower goes on', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        ROOTS,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'raise')}
           <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:intermediateThrowEvent>
           ${flow('g2', 'raise', 'after')}${serviceTask('after')}${flow('g3', 'after', 's2')}<bpmn:endEvent id="s2"/>
           ${eventSubProcess('onLate', '<bpmn:escalationEventDefinition escalationRef="late"/>', false)}
         </bpmn:subProcess>${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );

    scenario.start();

    expect(scenario.completed()).toContain('raise');
    expect(scenario.active()).toEqual(['after', 'onLate', 'onLateHandler', 'sub']);
    scenario.completeJob('after');
    expect(scenario.active()).toEqual(['onLate', 'onLateHandler', 'sub']);
    scenario.completeUserTask('onLateHandler');
    expect(scenario.status).toBe('completed');
  });

  it('catches an error of a sub-process in the event sub-process of the process when nothing nearer does', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        ROOTS,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
         <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'fail')}
           <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="declined"/></bpmn:endEvent></bpmn:subProcess>
         ${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>
         ${eventSubProcess('onError', '<bpmn:errorEventDefinition/>', true)}`,
      ),
    );

    scenario.start();

    expect(scenario.terminated()).toEqual(['fail', 'sub']);
    expect(scenario.active()).toEqual(['onError', 'onErrorHandler']);
  });

  it('does not let an event sub-process catch an error thrown inside another event sub-process of the same scope', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        ROOTS,
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'work')}${serviceTask('work')}
         ${flow('f2', 'work', 'end')}<bpmn:endEvent id="end"/>
         <bpmn:subProcess id="onTimer" triggeredByEvent="true">
           <bpmn:startEvent id="tStart" isInterrupting="false">${timerIn('PT1M')}</bpmn:startEvent>
           ${flow('t1', 'tStart', 'tFail')}<bpmn:endEvent id="tFail"><bpmn:errorEventDefinition errorRef="declined"/></bpmn:endEvent>
         </bpmn:subProcess>
         ${eventSubProcess('onError', '<bpmn:errorEventDefinition/>', true)}`,
      ),
    );
    scenario.start();

    scenario.fireTimer('tStart');

    expect(scenario.incidentAt('tFail').type).toBe('UNHANDLED_ERROR_EVENT');
  });

  it('refuses an event sub-process with a flow into it', async () => {
    const { parseBpmn } = await import('@operon/model');
    const outcome = await parseBpmn(
      processWith(`${eventSubProcess('esp', timerIn('PT1H'), true)}${flow('bad', 'end', 'esp')}`),
    );
    expect(outcome.diagnostics.map((diagnostic) => diagnostic.code)).toContain('EVENT_SUB_PROCESS_INVALID');
  });
});

describe('escalation events', () => {
  const subProcessEscalating = (catches: string, end = false): string =>
    bpmnWith(
      ROOTS,
      `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'sub')}
       <bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/>${flow('g1', 's1', 'raise')}
         ${
           end
             ? '<bpmn:endEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:endEvent>'
             : `<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="late"/></bpmn:intermediateThrowEvent>
                ${flow('g2', 'raise', 'after')}${serviceTask('after')}${flow('g3', 'after', 's2')}<bpmn:endEvent id="s2"/>`
         }
       </bpmn:subProcess>${flow('f2', 'sub', 'end')}<bpmn:endEvent id="end"/>${catches}`,
    );
  const onLate = '<bpmn:escalationEventDefinition escalationRef="late"/>';

  it('given an interrupting escalation boundary on the sub-process, then the sub-process ends and the boundary path runs', async () => {
    const scenario = await Scenario.of(
      subProcessEscalating(
        `${boundary('caught', 'sub', onLate)}${flow('f3', 'caught', 'handled')}<bpmn:endEvent id="handled"/>`,
      ),
    );

    scenario.start();

    expect(scenario.terminated()).toEqual(['raise', 'sub']);
    expect(scenario.completed()).toEqual(['start', 's1', 'caught', 'handled']);
    expect(scenario.status).toBe('completed');
  });

  it('given a non-interrupting escalation boundary, then both the boundary path and the thrower go on', async () => {
    const scenario = await Scenario.of(
      subProcessEscalating(
        `${boundary('caught', 'sub', onLate, false)}${flow('f3', 'caught', 'notify')}${serviceTask('notify')}`,
      ),
    );

    scenario.start();

    expect(scenario.openJobTypes().sort()).toEqual(['after', 'notify']);
    scenario.completeJob('after').completeJob('notify');
    expect(scenario.status).toBe('completed');
  });

  it('given no catch, then an escalation end event simply ends its path', async () => {
    const scenario = await Scenario.of(subProcessEscalating('', true));

    scenario.start();

    expect(scenario.incidents()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });
});

describe('link events', () => {
  it('given a link throw, then the token continues at the link catch of the same name', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'goTo')}
         <bpmn:intermediateThrowEvent id="goTo"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateThrowEvent>
         <bpmn:intermediateCatchEvent id="landing"><bpmn:linkEventDefinition name="page2"/></bpmn:intermediateCatchEvent>
         ${flow('f2', 'landing', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );

    scenario.start();

    expect(scenario.completed()).toEqual(['start', 'goTo', 'landing', 'end']);
    expect(scenario.status).toBe('completed');
  });

  it('refuses a link throw without a catch of its name, and two catches of one name', async () => {
    const { parseBpmn } = await import('@operon/model');
    const outcome = await parseBpmn(
      bpmnWith(
        '',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'goTo')}
         <bpmn:intermediateThrowEvent id="goTo"><bpmn:linkEventDefinition name="nowhere"/></bpmn:intermediateThrowEvent>
         <bpmn:intermediateCatchEvent id="c1"><bpmn:linkEventDefinition name="twice"/></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="c2"><bpmn:linkEventDefinition name="twice"/></bpmn:intermediateCatchEvent>`,
      ),
    );
    const links = outcome.diagnostics.filter((diagnostic) => diagnostic.code === 'LINK_INVALID');
    expect(links.map((diagnostic) => diagnostic.elementId).sort()).toEqual(['c2', 'goTo']);
  });

  it('passes the token on at a none intermediate throw event', async () => {
    const scenario = await Scenario.of(
      bpmnWith(
        '',
        `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'milestone')}<bpmn:intermediateThrowEvent id="milestone"/>
         ${flow('f2', 'milestone', 'end')}<bpmn:endEvent id="end"/>`,
      ),
    );

    scenario.start();

    expect(scenario.completed()).toEqual(['start', 'milestone', 'end']);
  });
});
