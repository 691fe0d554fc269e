import { DiagnosticCode } from './diagnostic-code';
import type { DiagnosticList } from './diagnostic-list';
import { capitalize } from './element-label';
import type { ValueExpression } from './process-definition';
import { toFeelBody, toValueExpression } from './value-expression';

export type ExpressionCheck = (expression: string) => string | undefined;

/** Reads attribute values as Camunda 8 does and reports FEEL that does not parse (FEEL_SYNTAX). */
export class ExpressionReader {
  readonly #diagnostics: DiagnosticList;
  readonly #check: ExpressionCheck | undefined;

  constructor(diagnostics: DiagnosticList, check: ExpressionCheck | undefined) {
    this.#diagnostics = diagnostics;
    this.#check = check;
  }

  /**
   * An attribute that is FEEL when it starts with `=` and static otherwise.
   * `subject` names it for messages, e.g. "the job type of service task 'charge'".
   */
  value(raw: string, elementId: string | undefined, subject: string): ValueExpression {
    const value = toValueExpression(raw);
    if (value.kind === 'feel') this.#verify(value.expression, elementId, subject);
    return value;
  }

  /** A place that is always FEEL (a condition, a script): returns the expression without its `=`. */
  feel(raw: string, elementId: string | undefined, subject: string): string {
    const expression = toFeelBody(raw);
    this.#verify(expression, elementId, subject);
    return expression;
  }

  #verify(expression: string, elementId: string | undefined, subject: string): void {
    const problem = expression === '' ? 'the expression is empty' : this.#runCheck(expression);
    if (problem === undefined) return;
    this.#diagnostics.error(
      DiagnosticCode.FEEL_SYNTAX,
      elementId,
      `${capitalize(subject)} is not valid FEEL: ${problem}. Correct the expression \`${shorten(expression)}\`.`,
    );
  }

  #runCheck(expression: string): string | undefined {
    try {
      return this.#check?.(expression);
    } catch (error) {
      // a checker that throws is treated as a rejection: its message is still the best hint
      return error instanceof Error ? error.message : 'the syntax checker failed';
    }
  }
}

function shorten(expression: string): string {
  return expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
}
