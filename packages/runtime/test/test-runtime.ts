import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type Store } from '@operon/store';
import { Runtime, type RuntimeOptions } from '../src/index';

export const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

export function bpmn(processId: string, content: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="d-${processId}" targetNamespace="http://operon.test">
  <bpmn:process id="${processId}" isExecutable="true">${content}</bpmn:process>${extra}
</bpmn:definitions>`;
}

/** start → service tasks of the given types in a row → end. */
export function sequenceOfJobs(processId: string, types: readonly string[]): string {
  const ids = ['start', ...types.map((type) => `task-${type}`), 'end'];
  const tasks = types
    .map(
      (type) =>
        `<bpmn:serviceTask id="task-${type}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>`,
    )
    .join('');
  const flows = ids
    .slice(1)
    .map((id, index) => `<bpmn:sequenceFlow id="f${index}" sourceRef="${ids[index] ?? ''}" targetRef="${id}"/>`)
    .join('');
  return bpmn(processId, `<bpmn:startEvent id="start"/>${tasks}${flows}<bpmn:endEvent id="end"/>`);
}

export interface TestRuntime {
  readonly runtime: Runtime;
  readonly store: Store;
  readonly directory: string;
  restart(): Promise<TestRuntime>;
  close(): Promise<void>;
}

/** A runtime on a fresh SQLite file in a temporary directory. */
export async function sqliteRuntime(
  options: Partial<RuntimeOptions> = {},
  directory = mkdtempSync(join(tmpdir(), 'operon-runtime-')),
): Promise<TestRuntime> {
  const store = createStore({ dataDirectory: directory });
  const runtime = await Runtime.start({ ...options, store });
  const handle: TestRuntime = {
    runtime,
    store,
    directory,
    restart: async () => {
      await runtime.stop();
      await store.close();
      return sqliteRuntime(options, directory);
    },
    close: async () => {
      await runtime.stop();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
