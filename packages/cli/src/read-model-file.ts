import { DEPLOY_CHECKS } from '@operon/engine';
import { readFile, stat } from 'node:fs/promises';
import { parseBpmn, type ParseOutcome } from '@operon/model';
import { CliUsageError } from './cli-error';

/** Files larger than this are refused before reading (the parser refuses more than 16 MiB anyway). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads and parses a BPMN file, with the FEEL syntax check wired in. */
export async function readModelFile(path: string): Promise<ParseOutcome> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliUsageError(`${path} is a directory; give the path of a .bpmn file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`Cannot read ${path}: ${describeFsError(error)}.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new CliUsageError(
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; BPMN models over 16 MB are not accepted.`,
    );
  }
  const xml = await readFile(path, 'utf8');
  return parseBpmn(xml, DEPLOY_CHECKS);
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
