import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type Store } from '@operon/store';
import { afterEach, describe, expect, it } from 'vitest';
import { OperationalError, Runtime } from '../src/index';
import { sequenceOfJobs } from './test-runtime';

/**
 * Bad conditions give clear errors and lose nothing. A database that goes away and a disk that
 * fills up are simulated by a store whose commits fail (the SQLite and PostgreSQL errors they raise),
 * because a test cannot unplug the real one; corrupt and newer-schema files are in the store's suite.
 */

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'operon-bad-'));
  directories.push(directory);
  return directory;
}

/** A store whose next `failures` commits throw `error`, then behave. */
function failingCommits(store: Store, error: Error & { code?: string }, failures: { left: number }): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'commit') {
        return (batch: Parameters<Store['commit']>[0]) => {
          if (failures.left > 0) {
            failures.left--;
            return Promise.reject(error);
          }
          return target.commit(batch);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function sqliteError(message: string, code: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe('a data directory that cannot be written', () => {
  it('is refused at once with the directory named and what to do', () => {
    expect(() => createStore({ dataDirectory: '/dev/null/operon-data' })).toThrow(
      /Cannot use \/dev\/null\/operon-data as the data directory \(ENOTDIR\)\. Choose a directory Operon can create and write/,
    );
  });
});

describe('a database that does not answer', () => {
  it('is retried at start, each attempt said, then reported clearly', async () => {
    const store = createStore({ url: 'postgres://postgres@127.0.0.1:1/nothing' });
    const said: string[] = [];

    const start = Runtime.start({
      store,
      startupRetries: 3,
      startupRetryDelayMs: 10,
      log: (_level, message) => said.push(message),
    });

    await expect(start).rejects.toBeInstanceOf(OperationalError);
    await expect(start).rejects.toThrow(/The database does not answer .* after 3 attempts\. Check that it runs/);
    expect(said).toEqual([
      'The database does not answer (attempt 1 of 3); retrying in 10 ms.',
      'The database does not answer (attempt 2 of 3); retrying in 20 ms.',
    ]);
    await store.close();
  });

  it('that goes away for a moment: the step is retried, said, and stored once', async () => {
    const real = createStore({ dataDirectory: freshDirectory() });
    const failures = { left: 2 };
    const store = failingCommits(real, sqliteError('connect ECONNREFUSED', 'ECONNREFUSED'), failures);
    const said: string[] = [];
    const runtime = await Runtime.start({ store, log: (_level, message) => said.push(message) });
    await runtime.deploy('p', [{ name: 'p.bpmn', content: sequenceOfJobs('p', ['a']) }]);

    const started = await runtime.startInstance({ processId: 'p' });

    expect(failures.left).toBe(0);
    expect(said.filter((line) => line.includes('retrying'))).toHaveLength(2);
    const instances = await runtime.queryInstances({ processId: 'p' }, { limit: 10 });
    expect(instances.items.map((item) => item.instanceKey)).toEqual([started.instanceKey]);
    await runtime.stop();
    await real.close();
  });
});

describe('a disk that fills up', () => {
  it('rejects the step with an operational error, writes nothing, and works again once there is space', async () => {
    const real = createStore({ dataDirectory: freshDirectory() });
    const failures = { left: 0 };
    const store = failingCommits(real, sqliteError('database or disk is full', 'SQLITE_FULL'), failures);
    const runtime = await Runtime.start({ store, databaseRetries: 1 });
    await runtime.deploy('p', [{ name: 'p.bpmn', content: sequenceOfJobs('p', ['a']) }]);
    const { instanceKey } = await runtime.startInstance({ processId: 'p' });
    const jobs = await runtime.activateJobs({ type: 'a', maxJobs: 1, leaseMs: 60_000, worker: 'w' });
    const before = await runtime.getInstance(instanceKey);

    failures.left = 2;
    const attempt = runtime.completeJob(jobs[0]!.jobKey, { done: true });

    await expect(attempt).rejects.toBeInstanceOf(OperationalError);
    await expect(attempt).rejects.toThrow('database or disk is full');
    expect((await runtime.getInstance(instanceKey)).summary.version).toBe(before.summary.version);
    expect((await runtime.getInstance(instanceKey)).state.status).toBe('active');

    await runtime.completeJob(jobs[0]!.jobKey, { done: true });

    expect((await runtime.getInstance(instanceKey)).state.status).toBe('completed');
    await runtime.stop();
    await real.close();
  });
});
