import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { jobDefinitionOf, type ProcessDefinition } from '@operon/model';
import { Runtime, type InstanceDetails } from '@operon/runtime';
import { ExitCode } from '../cli-error';
import { openStore } from '../open-store';
import type { RunOptions } from './run';

/** How long nothing may happen before a waiting instance is reported as waiting. */
const IDLE_MS = 1_000;

/**
 * `operon run FILE --db DIR|URL`: runs the model on the durable runtime. The first invocation starts
 * an instance; a later one resumes the instance it left waiting (same process, still active).
 */
export async function runDurable(
  options: RunOptions & { readonly db: string },
  definition: ProcessDefinition,
  variables: Record<string, unknown>,
  dmnFiles: readonly { readonly path: string; readonly content: string }[],
  print: (line: string) => void,
): Promise<ExitCode> {
  const store = openStore(options.db);
  const runtime = await Runtime.start({
    store,
    log: (level, message) => {
      if (level !== 'info') process.stderr.write(`operon: ${message}\n`);
    },
  });
  try {
    await runtime.deploy(basename(options.file), [
      { name: basename(options.file), content: await readFile(options.file, 'utf8') },
      ...dmnFiles.map((file) => ({ name: basename(file.path), content: file.content })),
    ]);
    let lastChange = Date.now();
    runtime.onCommitted(() => {
      lastChange = Date.now();
    });
    if (options.completeJobs) {
      for (const type of jobTypesOf(definition)) runtime.worker(type, () => ({}));
    }
    const waiting = await runtime.queryInstances(
      { processId: definition.id, status: 'active', order: 'desc' },
      { limit: 1 },
    );
    const resumed = waiting.items[0];
    const instanceKey = resumed
      ? resumed.instanceKey
      : (await runtime.startInstance({ processId: definition.id, variables })).instanceKey;
    if (!options.json)
      print(`${resumed ? 'Resuming' : 'Started'} instance ${instanceKey} of ${definition.id} (data in ${options.db})`);
    let details: InstanceDetails;
    for (;;) {
      details = await runtime.getInstance(instanceKey);
      if (details.state.status !== 'active') break;
      if (options.completeUserTasks) {
        const tasks = await runtime.queryUserTasks({ instanceKey, state: 'open' }, { limit: 100 });
        for (const task of tasks.items) await runtime.completeUserTask(task.taskKey).catch(() => undefined);
        if (tasks.items.length > 0) continue;
      }
      if (Date.now() - lastChange > IDLE_MS && !(await timerDueSoon(details))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const history = await runtime.history(instanceKey, { limit: 10_000 });
    const rootKey = details.state.rootKey;
    const completedElements = history.items.flatMap((record) =>
      record.event.type === 'element-completed' && record.event.key !== rootKey ? [record.event.elementId] : [],
    );
    const incidents = Object.values(details.state.incidents);
    const status =
      details.state.status === 'active' ? (incidents.length > 0 ? 'incident' : 'waiting') : details.state.status;
    const result = {
      status,
      instanceKey,
      variables: details.state.variables[rootKey] ?? {},
      completedElements,
      incidents: incidents.map(({ elementId, type, message }) => ({ elementId, type, message })),
    };
    if (options.json) print(JSON.stringify(result));
    else {
      print(`Completed elements: ${completedElements.join(' → ') || 'none'}`);
      for (const incident of result.incidents)
        print(`  ⚠ incident at ${incident.elementId} (${incident.type}): ${incident.message}`);
      print(`Status: ${status}`);
      if (status === 'waiting')
        print(
          'Run the same command again to resume it (add --complete-jobs / --complete-user-tasks to finish its work).',
        );
    }
    return status === 'incident' ? ExitCode.failed : ExitCode.ok;
  } finally {
    await runtime.stop();
    await store.close();
  }
}

function jobTypesOf(definition: ProcessDefinition): string[] {
  const types = new Set<string>();
  for (const node of definition.nodes.values()) {
    const job = jobDefinitionOf(node);
    if (job?.type.kind === 'static') types.add(job.type.value);
  }
  return [...types];
}

/** A timer of the instance falls due within a few seconds: worth waiting for. */
async function timerDueSoon(details: InstanceDetails): Promise<boolean> {
  const soon = Date.now() + 5_000;
  return Promise.resolve(Object.values(details.state.timers).some((timer) => timer.dueAt <= soon));
}
