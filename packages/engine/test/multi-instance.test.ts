import { describe, expect, it } from 'vitest';
import { Scenario, boundary, bpmn, flow } from './scenario';

/** `<bpmn:multiInstanceLoopCharacteristics>` with `zeebe:loopCharacteristics`. */
function multiInstance(
  options: {
    sequential?: boolean;
    inputCollection?: string;
    inputElement?: string;
    outputCollection?: string;
    outputElement?: string;
    completionCondition?: string;
  } = {},
): string {
  const attributes = (['inputCollection', 'inputElement', 'outputCollection', 'outputElement'] as const)
    .filter((name) => options[name] !== undefined)
    .map((name) => `${name}="${options[name] ?? ''}"`)
    .join(' ');
  const condition =
    options.completionCondition === undefined
      ? ''
      : `<bpmn:completionCondition>${options.completionCondition}</bpmn:completionCondition>`;
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential ?? false}">
    <bpmn:extensionElements><zeebe:loopCharacteristics ${attributes}/></bpmn:extensionElements>${condition}
  </bpmn:multiInstanceLoopCharacteristics>`;
}

/** start → a multi-instance service task `work` (job type "work") → end. */
function workOn(loop: string, extra = '', rest = ''): string {
  return bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'work')}
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="work"/>${extra}</bpmn:extensionElements>${loop}</bpmn:serviceTask>
    ${flow('f2', 'work', 'end')}<bpmn:endEvent id="end"/>${rest}`);
}

const ITEMS = { items: ['a', 'b', 'c'] };
const COLLECT = {
  inputCollection: '=items',
  inputElement: 'item',
  outputCollection: 'results',
  outputElement: '=result',
};

function jobsOf(scenario: Scenario) {
  return Object.values(scenario.state?.jobs ?? {});
}

describe('parallel multi-instance', () => {
  it('given an input collection, then one job per item starts at once with the item and loopCounter', async () => {
    const scenario = await Scenario.of(workOn(multiInstance({ inputCollection: '=items', inputElement: 'item' })));
    scenario.start(ITEMS);

    const activations = scenario.effects.flatMap((effect) =>
      effect.type === 'activate-job' ? [effect.variables] : [],
    );
    expect(activations.map((variables) => [variables['item'], variables['loopCounter']])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(scenario.active()).toEqual(['work', 'work', 'work', 'work']);
  });

  it('given a script task, then each instance collects its own result, though all complete in one command', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'task')}
        <bpmn:scriptTask id="task">
          <bpmn:extensionElements><zeebe:script expression="=item * 10" resultVariable="out"/></bpmn:extensionElements>
          ${multiInstance({ inputCollection: '=[1, 2, 3]', inputElement: 'item', outputCollection: 'outs', outputElement: '=out' })}
        </bpmn:scriptTask>${flow('f2', 'task', 'end')}<bpmn:endEvent id="end"/>`),
    );

    scenario.start();

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()['outs']).toEqual([10, 20, 30]);
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('collects the output element of each instance into the output collection by index, then continues', async () => {
    const scenario = await Scenario.of(
      workOn(
        multiInstance(COLLECT),
        '<zeebe:ioMapping><zeebe:output source="=item + &quot;!&quot;" target="result"/></zeebe:ioMapping>',
      ),
    );
    scenario.start(ITEMS);
    const [first, second, third] = jobsOf(scenario);

    // completed out of order: each result lands at its own index
    for (const job of [third, first, second]) scenario.when({ type: 'complete-job', jobKey: job?.key ?? -1 });

    expect(scenario.variables()['results']).toEqual(['a!', 'b!', 'c!']);
    expect(scenario.status).toBe('completed');
    expect(scenario.completed().filter((id) => id === 'work')).toHaveLength(4);
    expect(scenario.replayed()).toEqual(scenario.state);
  });

  it('given a completion condition, when it holds, then the other instances are terminated and the body completes', async () => {
    const scenario = await Scenario.of(
      workOn(multiInstance({ ...COLLECT, completionCondition: '=numberOfCompletedInstances &gt;= 2' })),
    );
    scenario.start(ITEMS);
    const [first, second] = jobsOf(scenario);

    scenario.when({ type: 'complete-job', jobKey: first?.key ?? -1, variables: { result: 1 } });
    scenario.when({ type: 'complete-job', jobKey: second?.key ?? -1, variables: { result: 2 } });

    expect(scenario.terminated()).toEqual(['work']);
    expect(scenario.effects.filter((effect) => effect.type === 'cancel-job')).toHaveLength(1);
    expect(scenario.variables()['results']).toEqual([1, 2, null]);
    expect(scenario.status).toBe('completed');
  });

  it('given an empty input collection, then the activity completes at once with an empty output collection', async () => {
    const scenario = await Scenario.of(workOn(multiInstance(COLLECT)));
    scenario.start({ items: [] });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()['results']).toEqual([]);
  });

  it('given an input collection that is not a list, then an incident stops the body until resolved', async () => {
    const scenario = await Scenario.of(workOn(multiInstance(COLLECT)));
    scenario.start({ items: 'nope' });
    const incident = scenario.incidentAt('work');
    expect(incident.message).toContain('must give a list');

    scenario.when({ type: 'set-variables', variables: { items: [1] } });
    scenario.when({ type: 'resolve-incident', incidentKey: incident.key });

    expect(scenario.openJobTypes()).toEqual(['work']);
  });

  it('given a boundary timer on the multi-instance task, when it fires, then every instance ends', async () => {
    const scenario = await Scenario.of(
      workOn(
        multiInstance(COLLECT),
        '',
        `${boundary('late', 'work', '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>')}
         ${flow('f3', 'late', 'timedOut')}<bpmn:endEvent id="timedOut"/>`,
      ),
    );
    scenario.start(ITEMS);
    expect(scenario.timers()).toHaveLength(1);

    scenario.fireTimer('late');

    expect(scenario.terminated()).toEqual(['work', 'work', 'work', 'work']);
    expect(scenario.completed()).toContain('timedOut');
    expect(scenario.status).toBe('completed');
  });

  it('given an error boundary on the multi-instance task, when one worker throws, then the body is interrupted', async () => {
    const scenario = await Scenario.of(
      workOn(
        multiInstance(COLLECT),
        '',
        `${boundary('failed', 'work', '<bpmn:errorEventDefinition/>')}${flow('f3', 'failed', 'handled')}<bpmn:endEvent id="handled"/>`,
      ),
    );
    scenario.start(ITEMS);

    scenario.throwError('work', 'BOOM');

    expect(scenario.active()).toEqual([]);
    expect(scenario.completed()).toEqual(['start', 'failed', 'handled']);
    expect(scenario.status).toBe('completed');
  });
});

describe('sequential multi-instance', () => {
  it('runs one instance after the other, in order, with the item of each', async () => {
    const scenario = await Scenario.of(workOn(multiInstance({ ...COLLECT, sequential: true })));
    scenario.start(ITEMS);
    const seen: unknown[] = [];

    for (let round = 0; round < 3; round++) {
      expect(scenario.openJobTypes()).toEqual(['work']);
      const job = scenario.job('work');
      const variables = scenario.effects.findLast((effect) => effect.type === 'activate-job')?.variables ?? {};
      seen.push([variables['item'], variables['loopCounter']]);
      scenario.when({ type: 'complete-job', jobKey: job.key, variables: { result: round * 10 } });
    }

    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(scenario.variables()['results']).toEqual([0, 10, 20]);
    expect(scenario.status).toBe('completed');
  });

  it('given a completion condition on the output, then it stops early', async () => {
    const scenario = await Scenario.of(
      workOn(multiInstance({ ...COLLECT, sequential: true, completionCondition: '=result = &quot;found&quot;' })),
    );
    scenario.start(ITEMS);

    scenario.completeJob('work', { result: 'no' }).completeJob('work', { result: 'found' });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()['results']).toEqual(['no', 'found', null]);
  });
});

describe('multi-instance sub-process', () => {
  it('runs the sub-process once per item, each with its own scope (input mappings see the item)', async () => {
    const scenario = await Scenario.of(
      bpmn(`<bpmn:startEvent id="start"/>${flow('f1', 'start', 'each')}
        <bpmn:subProcess id="each">${multiInstance({ inputCollection: '=items', inputElement: 'item', outputCollection: 'out', outputElement: '=doubled' })}
          <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=item * 0" target="doubled"/></zeebe:ioMapping></bpmn:extensionElements>
          <bpmn:startEvent id="s"/>${flow('g1', 's', 'double')}
          <bpmn:scriptTask id="double"><bpmn:extensionElements><zeebe:script expression="=item * 2" resultVariable="doubled"/></bpmn:extensionElements></bpmn:scriptTask>
          ${flow('g2', 'double', 'e')}<bpmn:endEvent id="e"/>
        </bpmn:subProcess>${flow('f2', 'each', 'end')}<bpmn:endEvent id="end"/>`),
    );
    scenario.start({ items: [1, 2, 3] });

    expect(scenario.status).toBe('completed');
    expect(scenario.variables()['out']).toEqual([2, 4, 6]);
    expect(scenario.variables()['doubled']).toBeUndefined();
  });
});

describe('standard loop', () => {
  const loop = (condition: string, maximum = '', testBefore = false): string =>
    `<bpmn:standardLoopCharacteristics testBefore="${testBefore}"${maximum === '' ? '' : ` loopMaximum="${maximum}"`}><bpmn:loopCondition>${condition}</bpmn:loopCondition></bpmn:standardLoopCharacteristics>`;

  it('given a loop condition, then the task runs again while it holds', async () => {
    const scenario = await Scenario.of(workOn(loop('=done != true')));
    scenario.start();

    scenario.completeJob('work', { done: false }).completeJob('work', { done: false });
    expect(scenario.openJobTypes()).toEqual(['work']);
    scenario.completeJob('work', { done: true });

    expect(scenario.completed().filter((id) => id === 'work')).toHaveLength(4);
    expect(scenario.status).toBe('completed');
  });

  it('given a loop maximum, then it stops after that many runs', async () => {
    const scenario = await Scenario.of(workOn(loop('=true', '2')));
    scenario.start();

    scenario.completeJob('work').completeJob('work');

    expect(scenario.status).toBe('completed');
  });

  it('given testBefore and a false condition, then the task does not run at all', async () => {
    const scenario = await Scenario.of(workOn(loop('=false', '', true)));
    scenario.start();

    expect(scenario.openJobTypes()).toEqual([]);
    expect(scenario.status).toBe('completed');
  });
});
