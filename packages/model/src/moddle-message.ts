/** What moddle-xml says about content it could not read: where, and what went wrong. */
export interface ModdleProblem {
  /** The tag or text moddle was reading, e.g. `<bpmn:process>`; empty when it gave none. */
  readonly near: string;
  /** 1-based, as editors count (moddle counts from 0). */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** moddle's own words, e.g. "closing tag mismatch" or "duplicate ID <Task_1>". */
  readonly problem: string;
}

// moddle-xml's format: "unparsable content <tag> detected\n\tline: 0\n\tcolumn: 96\n\tnested error: closing tag mismatch"
const UNPARSABLE_PATTERN =
  /^unparsable content ([\s\S]*?) ?detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([^\n]*)/;

export function readModdleProblem(message: string): ModdleProblem {
  const match = UNPARSABLE_PATTERN.exec(message);
  if (match === null) return { near: '', line: undefined, column: undefined, problem: message };
  const [, near = '', line = '0', column = '0', problem = ''] = match;
  return { near: near.slice(0, 80), line: Number(line) + 1, column: Number(column) + 1, problem };
}

/** "at line 3, column 7 (near </bpmn:proc>)" or "" when moddle gave no position. */
export function describeLocation(problem: ModdleProblem): string {
  if (problem.line === undefined) return '';
  const near = problem.near === '' ? '' : ` (near ${problem.near})`;
  return ` at line ${problem.line}, column ${String(problem.column)}${near}`;
}

/** The message of a thrown value, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
