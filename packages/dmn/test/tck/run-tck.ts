/**
 * Runs the DMN TCK: `node --import tsx packages/dmn/test/tck/run-tck.ts <TestCases dir> [folder regex]`.
 * Writes tck_results.csv (the TCK's row format) in the working directory, prints per-level
 * totals, and as its last line one JSON summary.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { csvRow, runTck } from './tck-runner';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: run-tck.ts <TCK TestCases directory> [folder regex]');
  process.exit(2);
}
const only = process.argv[3] === undefined ? undefined : new RegExp(process.argv[3]);
const results = await runTck(dir, Date.now(), only);
writeFileSync('tck_results.csv', results.map(csvRow).join('\n') + '\n');
const passed = (level: string): number =>
  results.filter((result) => result.level === level && result.outcome === 'SUCCESS').length;
const total = (level: string): number => results.filter((result) => result.level === level).length;
for (const level of ['compliance-level-2', 'compliance-level-3'])
  console.log(`${level}: ${passed(level)} / ${total(level)}`);
const suite = basename(dirname(dir.replace(/\/+$/, '')));
console.log(
  JSON.stringify({
    suite,
    passed: passed('compliance-level-2') + passed('compliance-level-3'),
    total: results.length,
    level2: passed('compliance-level-2'),
    level3: passed('compliance-level-3'),
  }),
);
