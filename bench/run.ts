/**
 * Benchmark harness: `npm run bench -- <scenario> [--instances N] [--peer-instances N] [--runs R]`.
 *
 * Runs `bench/scenarios/<scenario>.ts`, writes `bench/results/<scenario>.json` (the result plus the machine it ran on)
 * and prints that record as one line of JSON, the last line of stdout. Progress goes to stderr.
 */
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, arch, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCENARIO_FLAGS, type Scenario, type ScenarioOptions, type ScenarioResult } from './scenario';

const SCENARIOS_DIR = join(import.meta.dirname, 'scenarios');
const RESULTS_DIR = join(import.meta.dirname, 'results');
const USAGE = `usage: npm run bench -- <scenario> [${Object.keys(SCENARIO_FLAGS)
  .map((flag) => `${flag} N`)
  .join('] [')}]`;

/** A mistake on the command line: reported without a stack trace. */
class UsageError extends Error {}

interface MachineInfo {
  readonly node: string;
  readonly nodeFlags: readonly string[];
  readonly platform: string;
  readonly arch: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly date: string;
}

function listScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

function parseArguments(args: readonly string[]): { scenario: string; options: ScenarioOptions } {
  const scenarios = listScenarios();
  const available = `available scenarios: ${scenarios.join(', ')}`;
  const [scenario, ...rest] = args;
  if (scenario === undefined || scenario.startsWith('-')) throw new UsageError(`${USAGE}\n${available}`);
  if (!scenarios.includes(scenario)) throw new UsageError(`unknown scenario "${scenario}"\n${available}`);

  const options: Record<string, number> = {};
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index]!;
    const [flag, inlineValue] = argument.includes('=') ? argument.split('=', 2) : [argument, undefined];
    if (!isFlag(flag)) throw new UsageError(`unknown option "${argument}"\n${USAGE}`);
    const text = inlineValue ?? rest[++index];
    const value = Number(text);
    if (text === undefined || !Number.isInteger(value) || value < 1) {
      throw new UsageError(`${flag} needs a positive integer, got ${text === undefined ? 'nothing' : `"${text}"`}`);
    }
    options[SCENARIO_FLAGS[flag]] = value;
  }
  return { scenario, options };
}

function isFlag(text: string | undefined): text is keyof typeof SCENARIO_FLAGS {
  return text !== undefined && Object.hasOwn(SCENARIO_FLAGS, text);
}

async function loadScenario(name: string): Promise<Scenario> {
  const module = (await import(pathToFileURL(join(SCENARIOS_DIR, `${name}.ts`)).href)) as Partial<Scenario>;
  if (typeof module.run !== 'function') {
    throw new Error(`bench/scenarios/${name}.ts must export an async function run(options)`);
  }
  return module as Scenario;
}

function machineInfo(): MachineInfo {
  const processors = cpus();
  return {
    node: process.version,
    /** V8 flags the run used (e.g. --max-semi-space-size), not the module loader's. */
    nodeFlags: process.execArgv.filter((flag) => flag.startsWith('--') && flag !== '--import'),
    platform: platform(),
    arch: arch(),
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    date: new Date().toISOString(),
  };
}

/** Writes through a temporary file, so that an interrupted run never leaves half a result behind. */
function writeResult(scenario: string, record: ScenarioResult & { machine: MachineInfo }): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${scenario}.json`);
  const temporary = join(RESULTS_DIR, `${scenario}.tmp.json`);
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, path);
  return path;
}

async function main(args: readonly string[]): Promise<void> {
  const { scenario, options } = parseArguments(args);
  const machine = machineInfo();
  console.error(
    `bench ${scenario} ${JSON.stringify(options)} on ${machine.cpu} (${machine.cores} cores), node ${machine.node}`,
  );

  const result = await (await loadScenario(scenario)).run(options);
  if (result.scenario !== scenario) {
    throw new Error(`bench/scenarios/${scenario}.ts reported scenario "${result.scenario}"`);
  }
  for (const [name, figure] of Object.entries({ value: result.value, peerValue: result.peerValue })) {
    if (!Number.isFinite(figure) || figure <= 0)
      throw new Error(`${scenario}: ${name} is ${figure}, not a measurement`);
  }

  const record = { ...result, machine };
  const path = writeResult(scenario, record);
  console.error(`wrote ${path}`);
  console.log(JSON.stringify(record));
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : error);
  process.exitCode = 1;
}
