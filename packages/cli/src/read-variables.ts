import { readFile } from 'node:fs/promises';
import { CliUsageError } from './cli-error';

/** `--vars '{"a": 1}'` or `--vars @file.json`: must be a JSON object. */
export async function readVariables(argument: string | undefined): Promise<Record<string, unknown>> {
  if (argument === undefined) return {};
  let text = argument;
  if (argument.startsWith('@')) {
    const path = argument.slice(1);
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new CliUsageError(`--vars: cannot read ${path}.`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(
      `--vars is not valid JSON (${(error as Error).message}). Example: --vars '{"amount": 100}'.`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliUsageError('--vars must be a JSON object, for example {"amount": 100}.');
  }
  return value as Record<string, unknown>;
}
