import { evaluateDecision } from '@operon/dmn';
import { CliUsageError, ExitCode } from '../cli-error';
import { readDecisions } from '../read-decisions';
import { readVariables } from '../read-variables';

export interface DecideOptions {
  readonly file: string;
  readonly decision: string | undefined;
  readonly input: string | undefined;
  readonly json: boolean;
}

/** `operon decide MODEL.dmn --decision ID --input JSON`: evaluates a decision and shows why. */
export async function decide(options: DecideOptions, print: (line: string) => void): Promise<ExitCode> {
  if (options.decision === undefined) throw new CliUsageError('operon decide: say which decision with --decision ID.');
  const { lookup, models } = await readDecisions([options.file]);
  const model =
    lookup(options.decision) ??
    models.find((candidate) => [...candidate.decisions.values()].some((d) => d.name === options.decision));
  if (!model) {
    const known = models.flatMap((candidate) => [...candidate.decisions.keys()]);
    throw new CliUsageError(
      `No decision '${options.decision}' in ${options.file}; it has ${known.join(', ') || 'none'}.`,
    );
  }
  const input = await readVariables(options.input, '--input');
  const result = evaluateDecision(model, options.decision, input, { now: Date.now() });
  if (options.json) {
    print(JSON.stringify({ value: result.value, decisions: result.decisions, errors: result.errors }));
  } else {
    for (const audit of result.decisions) {
      const rules = audit.matchedRules
        .map((rule) => `#${rule.index}${rule.ruleId ? ` (${rule.ruleId})` : ''}`)
        .join(', ');
      print(
        `${audit.decisionName} (${audit.decisionId}): ${JSON.stringify(audit.output)}${rules ? `  — matched rules ${rules}` : ''}`,
      );
    }
    for (const error of result.errors) print(`  error: ${error}`);
    print(`Result: ${JSON.stringify(result.value)}`);
  }
  return result.errors.length > 0 ? ExitCode.failed : ExitCode.ok;
}
