import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const example = join(repoRoot, 'examples/order-fulfilment.bpmn');
const workDir = mkdtempSync(join(tmpdir(), 'operon-cli-'));

function operon(...args: string[]): { code: number | null; stdout: string; stderr: string; last: unknown } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'packages/cli/src/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = result.stdout.trim().split('\n');
  let last: unknown;
  try {
    last = JSON.parse(lines.at(-1) ?? '');
  } catch {
    last = undefined;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, last };
}

function file(name: string, content: string): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

describe('operon run', () => {
  it('given the example and --complete-jobs, it prints one JSON object with the completed path', () => {
    const { code, last } = operon(
      'run',
      example,
      '--vars',
      '{"items": [{"price": 10, "quantity": 3}]}',
      '--complete-jobs',
      '--json',
    );

    expect(code).toBe(0);
    expect(last).toMatchObject({
      status: 'completed',
      variables: { total: 30 },
      incidents: [],
    });
    const completed = (last as { completedElements: string[] }).completedElements;
    expect(completed[0]).toBe('StartEvent_OrderReceived');
    expect(completed.at(-1)).toBe('EndEvent_Fulfilled');
    expect(completed).not.toContain('UserTask_Approve');
  });

  it('without --complete-user-tasks, a large order waits at the approval task', () => {
    const { code, last } = operon(
      'run',
      example,
      '--vars',
      '{"items": [{"price": 900, "quantity": 2}]}',
      '--complete-jobs',
      '--json',
    );

    expect(code).toBe(0);
    expect(last).toMatchObject({ status: 'waiting' });
  });

  it('reads variables from a file with @', () => {
    const vars = file('vars.json', JSON.stringify({ items: [{ price: 5, quantity: 1 }] }));

    const { last } = operon('run', example, '--vars', `@${vars}`, '--complete-jobs', '--json');

    expect(last).toMatchObject({ status: 'completed', variables: { total: 5 } });
  });

  it('reports an incident with exit code 1', () => {
    const model = file(
      'no-match.bpmn',
      `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="g"/>
      <bpmn:exclusiveGateway id="g"/><bpmn:sequenceFlow id="a" sourceRef="g" targetRef="e"><bpmn:conditionExpression>=x = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="g" targetRef="e"><bpmn:conditionExpression>=x = 2</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`,
    );

    const { code, last } = operon('run', model, '--vars', '{"x": 3}', '--json');

    expect(code).toBe(1);
    expect(last).toMatchObject({ status: 'incident', incidents: [{ elementId: 'g', type: 'NO_OUTGOING_FLOW' }] });
  });

  it('prints a readable trace without --json', () => {
    const { code, stdout } = operon(
      'run',
      example,
      '--vars',
      '{"items": [{"price": 1, "quantity": 1}]}',
      '--complete-jobs',
    );

    expect(code).toBe(0);
    expect(stdout).toContain('▶ startEvent StartEvent_OrderReceived "Order received"');
    expect(stdout).toContain("job 'charge-payment'");
    expect(stdout).toContain('Status: completed');
  });
});

describe('operon run with compensation', () => {
  const tripBooking = join(repoRoot, 'packages/cli/test/fixtures/trip-booking.bpmn');

  it('given a declined card, the transaction is cancelled: both bookings are compensated, the last first, and it leaves by its cancel boundary event', () => {
    const { code, last } = operon('run', tripBooking, '--vars', '{"cardDeclined": true}', '--complete-jobs', '--json');

    expect(code).toBe(0);
    expect(last).toMatchObject({ status: 'completed', incidents: [] });
    const completed = (last as { completedElements: string[] }).completedElements;
    expect(completed.filter((id) => id.startsWith('ServiceTask_Cancel'))).toEqual([
      'ServiceTask_CancelFlight',
      'ServiceTask_CancelHotel',
    ]);
    expect(completed.slice(-3)).toEqual(['BoundaryEvent_Cancelled', 'ServiceTask_Notify', 'EndEvent_TripCancelled']);
  });

  it('given a charged card, nothing is compensated and the trip is booked', () => {
    const { last } = operon('run', tripBooking, '--vars', '{"cardDeclined": false}', '--complete-jobs', '--json');

    const completed = (last as { completedElements: string[] }).completedElements;
    expect(completed).not.toContain('ServiceTask_CancelHotel');
    expect(completed.at(-1)).toBe('EndEvent_TripBooked');
  });

  it('traces the compensation without --json', () => {
    const { stdout } = operon('run', tripBooking, '--vars', '{"cardDeclined": true}', '--complete-jobs');

    expect(stdout).toContain('↺ compensating serviceTask ServiceTask_BookFlight "Book flight"');
  });
});

describe('operon run in virtual time', () => {
  const oneDayWait = (): string =>
    file(
      'one-day.bpmn',
      `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration>
      </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
      <bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`,
    );

  it('given a one-day timer and --now, the run finishes at once and reports the virtual time one day later', () => {
    const { code, last } = operon('run', oneDayWait(), '--now', '2025-01-31T09:00:00Z', '--json');

    expect(code).toBe(0);
    expect(last).toMatchObject({
      status: 'completed',
      completedElements: ['s', 'wait', 'e'],
      startTime: '2025-01-31T09:00:00.000Z',
      virtualTime: '2025-02-01T09:00:00.000Z',
    });
  });

  it('without --now, the virtual clock starts at the current time', () => {
    const { last } = operon('run', oneDayWait(), '--json');

    const { startTime, virtualTime } = last as { startTime: string; virtualTime: string };
    expect(Date.parse(virtualTime) - Date.parse(startTime)).toBe(24 * 3_600_000);
  });

  it('prints the timers and the virtual time in the trace', () => {
    const { stdout } = operon('run', oneDayWait(), '--now', '2025-01-31T09:00:00Z');

    expect(stdout).toContain('⏱ timer #');
    expect(stdout).toContain('due 2025-02-01T09:00:00.000Z');
    expect(stdout).toContain('Virtual time: 2025-02-01T09:00:00.000Z');
  });

  it('a --now that is not an ISO 8601 date-time is a usage error', () => {
    const { code, stderr } = operon('run', oneDayWait(), '--now', 'tomorrow');

    expect(code).toBe(2);
    expect(stderr).toContain('--now tomorrow: not an ISO 8601 date-time');
  });
});

describe('bad input gives a clear error and no stack trace', () => {
  it.each([
    ['a missing file', () => join(workDir, 'nope.bpmn'), /Cannot read .*nope\.bpmn: no such file/],
    ['a directory', () => workDir, /is a directory/],
  ])('%s', (_name, path, message) => {
    const { code, stderr } = operon('run', path());

    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('    at ');
  });

  it.each([
    ['an empty file', '', 'EMPTY_DOCUMENT'],
    [
      'malformed XML',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process',
      'MALFORMED_XML',
    ],
    ['a non-BPMN document', '<html><body>hello</body></html>', 'NOT_BPMN'],
    [
      'an external entity',
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d>&xxe;</d>',
      'DOCTYPE_FORBIDDEN',
    ],
    [
      'entity expansion',
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>',
      'DOCTYPE_FORBIDDEN',
    ],
  ])('%s → %s, exit code 1', (_name, content, code) => {
    const path = file(`${code}.bpmn`, content);

    const run = operon('run', path, '--json');
    const lint = operon('lint', path);

    expect(run.code).toBe(1);
    expect(run.last).toMatchObject({ status: 'invalid', diagnostics: [{ code, severity: 'error' }] });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(code);
  });

  it('a 50 MB file is refused quickly with its size', () => {
    const path = file('huge.bpmn', `<bpmn:definitions>${' '.repeat(50 * 1024 * 1024)}</bpmn:definitions>`);

    const { code, last } = operon('lint', path, '--json');

    expect(code).toBe(1);
    expect(last).toMatchObject({ ok: false, diagnostics: [{ code: 'DOCUMENT_TOO_LARGE' }] });
  });

  it('bad --vars JSON is a usage error that shows an example', () => {
    const { code, stderr } = operon('run', example, '--vars', '{amount: 1}');

    expect(code).toBe(2);
    expect(stderr).toContain('--vars is not valid JSON');
  });

  it('an unknown command lists the commands', () => {
    const { code, stderr } = operon('publish', example);

    expect(code).toBe(2);
    expect(stderr).toContain("Unknown command 'publish'");
    expect(stderr).toContain('operon lint FILE.bpmn');
  });
});

describe('operon run --db (durable)', () => {
  const model = () =>
    file(
      'approval.bpmn',
      `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
      <bpmn:process id="approval" isExecutable="true"><bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="prepare"/>
      <bpmn:serviceTask id="prepare"><bpmn:extensionElements><zeebe:taskDefinition type="prepare"/></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:sequenceFlow id="f2" sourceRef="prepare" targetRef="approve"/><bpmn:userTask id="approve"/>
      <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end"/><bpmn:endEvent id="end"/></bpmn:process></bpmn:definitions>`,
    );

  it('runs a model durably; a second invocation resumes the same instance', () => {
    const db = mkdtempSync(join(tmpdir(), 'operon-cli-db-'));
    const path = model();

    const first = operon('run', path, '--db', db, '--complete-jobs', '--json');
    const second = operon('run', path, '--db', db, '--complete-user-tasks', '--json');

    expect(first.code).toBe(0);
    expect(first.last).toMatchObject({ status: 'waiting', completedElements: ['start', 'prepare'] });
    expect(second.code).toBe(0);
    expect(second.last).toMatchObject({
      status: 'completed',
      instanceKey: (first.last as { instanceKey: string }).instanceKey,
      completedElements: ['start', 'prepare', 'approve', 'end'],
    });
  });

  it('operon migrate brings a database up to date and says so', () => {
    const db = mkdtempSync(join(tmpdir(), 'operon-cli-db-'));

    const first = operon('migrate', '--db', db);
    const second = operon('migrate', '--db', db);

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied 0001-initial/);
    expect(second.stdout).toMatch(/Nothing to do/);
  });

  it('a database directory that cannot be created is a usage error naming it', () => {
    const { code, stderr } = operon('migrate', '--db', '/dev/null/operon');

    expect(code).toBe(2);
    expect(stderr).toContain('Cannot use /dev/null/operon as the data directory');
  });
});

describe('decisions', () => {
  const loan = join(repoRoot, 'examples/loan-approval.bpmn');
  const risk = join(repoRoot, 'examples/loan-risk.dmn');

  it('operon run --dmn runs a business rule task end to end', () => {
    const { code, last } = operon(
      'run',
      loan,
      '--dmn',
      risk,
      '--vars',
      '{"creditScore": 720, "income": 60000, "amount": 90000}',
      '--complete-jobs',
      '--json',
    );

    expect(code).toBe(0);
    expect(last).toMatchObject({ status: 'completed', variables: { risk: 'low' } });
  });

  it('operon decide prints the result and the rules that matched', () => {
    const { code, last } = operon(
      'decide',
      risk,
      '--decision',
      'loan-risk',
      '--input',
      '{"creditScore": 450, "income": 1, "amount": 1}',
      '--json',
    );

    expect(code).toBe(0);
    expect(last).toMatchObject({
      value: 'high',
      decisions: [{ matchedRules: [{ ruleId: 'rule-poor-credit', index: 1 }] }],
    });
    expect(last).toMatchObject({ errors: [] });
  });

  it('operon decide names the decisions a file has when asked for an unknown one', () => {
    const { code, stderr } = operon('decide', risk, '--decision', 'nope');

    expect(code).toBe(2);
    expect(stderr).toContain("No decision 'nope'");
    expect(stderr).toContain('loan-risk');
  });
});

describe('operon lint', () => {
  it('passes the example with exit code 0', () => {
    const { code, stdout } = operon('lint', example);

    expect(code).toBe(0);
    expect(stdout).toContain('0 error(s)');
  });

  it('names the element and what to fix', () => {
    const path = file(
      'no-type.bpmn',
      `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="charge"/>
      <bpmn:serviceTask id="charge"/><bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>`,
    );

    const { code, stdout } = operon('lint', path);

    expect(code).toBe(1);
    expect(stdout).toMatch(/error MISSING_TASK_TYPE \[charge\]: .*zeebe:taskDefinition/);
  });
});
