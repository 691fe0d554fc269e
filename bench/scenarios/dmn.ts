/**
 * dmn: evaluations per second of a 50-rule, 5-input decision table with hit policy COLLECT.
 * Operon compiles the table once (`parseDmn`) and evaluates closures (`evaluateDecision`).
 * Peer: the naive way, each input cell tested with feelin's `unaryTest` in a loop and each matched
 * rule's output evaluated with feelin's `evaluate`, as an interpreter without compilation does.
 */
import { evaluateDecision, parseDmn, type DmnModel } from '@operon/dmn';
import { evaluate, unaryTest } from 'feelin';
import { measureThroughput } from '../measure';
import type { ScenarioOptions, ScenarioResult } from '../scenario';

const DEFAULTS = { instances: 20_000, peerInstances: 2_000, runs: 5 } as const;
const WARMUP_SHARE = 0.1;
const RULES = 50;

const INPUTS = [
  { name: 'age', typeRef: 'number', cells: ['< 25', '[25..40)', '[40..65]', '> 65', '-'] },
  { name: 'income', typeRef: 'number', cells: ['< 20000', '[20000..60000]', '> 60000', '-', '>= 35000'] },
  { name: 'region', typeRef: 'string', cells: ['"north","south"', '"east"', 'not("west")', '-', '"west"'] },
  { name: 'score', typeRef: 'number', cells: ['>= 700', '[500..700)', '< 500', '-', '> 600'] },
  { name: 'segment', typeRef: 'string', cells: ['"gold"', '"silver","bronze"', '-', 'not("gold")', '"bronze"'] },
] as const;

interface Rule {
  readonly cells: readonly string[];
  readonly output: string;
}

/** A deterministic table: rule r takes cell (r * (i + 1) + i) mod 5 of input i. */
function rules(): Rule[] {
  return Array.from({ length: RULES }, (_, r) => ({
    cells: INPUTS.map((input, i) => input.cells[(r * (i + 1) + i) % input.cells.length] ?? '-'),
    output: `"offer-${r + 1}"`,
  }));
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tableXml(table: readonly Rule[]): string {
  const inputs = INPUTS.map(
    (input, i) =>
      `<input id="in${i}" label="${input.name}"><inputExpression typeRef="${input.typeRef}"><text>${input.name}</text></inputExpression></input>`,
  ).join('');
  const body = table
    .map(
      (rule, r) =>
        `<rule id="r${r + 1}">${rule.cells.map((cell) => `<inputEntry><text>${escape(cell)}</text></inputEntry>`).join('')}` +
        `<outputEntry><text>${escape(rule.output)}</text></outputEntry></rule>`,
    )
    .join('');
  const inputData = INPUTS.map(
    (input) =>
      `<inputData id="id_${input.name}" name="${input.name}"><variable name="${input.name}" typeRef="${input.typeRef}"/></inputData>`,
  ).join('');
  const requirements = INPUTS.map(
    (input) => `<informationRequirement><requiredInput href="#id_${input.name}"/></informationRequirement>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bench" name="bench" namespace="https://operon.dev/bench">
  ${inputData}
  <decision id="offers" name="offers"><variable name="offers"/>${requirements}
    <decisionTable id="table" hitPolicy="COLLECT">${inputs}<output id="out" name="offer" typeRef="string"/>${body}</decisionTable>
  </decision>
</definitions>`;
}

type Applicant = Readonly<Record<(typeof INPUTS)[number]['name'], number | string>>;

/** Deterministic applicants (no Math.random): a few hundred distinct ones, cycled. */
function applicant(i: number): Applicant {
  const regions = ['north', 'south', 'east', 'west'];
  const segments = ['gold', 'silver', 'bronze'];
  return {
    age: 18 + ((i * 7) % 60),
    income: 10_000 + ((i * 7919) % 90_000),
    region: regions[i % 4] ?? 'north',
    score: 300 + ((i * 37) % 550),
    segment: segments[(i * 5) % 3] ?? 'gold',
  };
}

function naive(table: readonly Rule[], input: Applicant): unknown[] {
  const values = INPUTS.map((definition) => input[definition.name]);
  const matches: unknown[] = [];
  for (const rule of table) {
    let matched = true;
    for (let i = 0; i < rule.cells.length && matched; i++) {
      const cell = rule.cells[i] ?? '-';
      matched = unaryTest(cell, { ...input, '?': values[i] }).value === true;
    }
    if (matched) matches.push(evaluate(rule.output, input).value);
  }
  return matches;
}

async function compiledModel(table: readonly Rule[]): Promise<DmnModel> {
  const parsed = await parseDmn(tableXml(table));
  if (!parsed.ok || parsed.diagnostics.length > 0) {
    throw new Error(`dmn: the bench table does not load: ${JSON.stringify(parsed.diagnostics)}`);
  }
  return parsed.model;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export async function run(options: ScenarioOptions): Promise<ScenarioResult> {
  const instances = options.instances ?? DEFAULTS.instances;
  const peerInstances = options.peerInstances ?? DEFAULTS.peerInstances;
  const runs = options.runs ?? DEFAULTS.runs;
  const table = rules();
  const model = await compiledModel(table);

  // Both sides must agree before either is timed: a fast wrong answer is not a result.
  for (let i = 0; i < 500; i++) {
    const ours = JSON.stringify(evaluateDecision(model, 'offers', applicant(i)).value);
    const theirs = JSON.stringify(naive(table, applicant(i)));
    if (ours !== theirs) throw new Error(`dmn: applicant ${i}: Operon gives ${ours}, the naive loop ${theirs}`);
  }

  let matched = 0;
  console.error(`dmn: feelin per cell, ${runs} runs of ${peerInstances} evaluations`);
  const peer = await measureThroughput(
    { operations: peerInstances, warmupOperations: Math.round(peerInstances * WARMUP_SHARE), runs },
    (count, offset) => {
      for (let i = offset; i < offset + count; i++) matched += naive(table, applicant(i)).length;
    },
  );
  console.error(`dmn: Operon compiled, ${runs} runs of ${instances} evaluations`);
  const own = await measureThroughput(
    { operations: instances, warmupOperations: Math.round(instances * WARMUP_SHARE), runs },
    (count, offset) => {
      for (let i = offset; i < offset + count; i++) {
        const result = evaluateDecision(model, 'offers', applicant(i));
        if (result.errors.length > 0) throw new Error(`dmn: evaluation failed: ${result.errors.join('; ')}`);
        matched += Array.isArray(result.value) ? result.value.length : 0;
      }
    },
  );
  return {
    scenario: 'dmn',
    unit: 'evaluations/s',
    value: round(own.median),
    peer: 'feelin unaryTest per cell',
    peerValue: round(peer.median),
    ratio: round(own.median / peer.median),
    details: {
      rules: RULES,
      inputs: INPUTS.length,
      hitPolicy: 'COLLECT',
      runs,
      instances,
      runsPerSecond: own.runs.map(round),
      peerInstances,
      peerRunsPerSecond: peer.runs.map(round),
      matchedRulesTotal: matched,
    },
  };
}
