import { readFile } from 'node:fs/promises';
import { CliUsageError } from './cli-error';

/** `--vars '{"a": 1}'` or `--vars @file.json`: must be a JSON object. */
export async function readVariables(argument: string | undefined, flag = '--vars'): Promise<Record<string, unknown>> {
  if (argument === undefined) return {};
  let text = argument;
  if (argument.startsWith('@')) {
    const path = argument.slice(1);
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new CliUsageError(`${flag}: cannot read ${path}.`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(
      `${flag} is not valid JSON (${(error as Error).message}). Example: ${flag} '{"amount": 100}'.`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliUsageError(`${flag} must be a JSON object, for example {"amount": 100}.`);
  }
  return value as Record<string, unknown>;
}
