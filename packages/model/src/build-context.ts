import type { DiagnosticList } from './diagnostic-list';
import type { ExpressionReader } from './expression-reader';
import type { UnresolvedReferences } from './moddle-warnings';
import type { TimerCheck } from './timer-check';

/** What every builder step shares while one document is turned into process definitions. */
export interface BuildContext {
  readonly diagnostics: DiagnosticList;
  readonly references: UnresolvedReferences;
  readonly expressions: ExpressionReader;
  readonly checkTimer: TimerCheck | undefined;
}
