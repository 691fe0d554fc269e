import type { Diagnostic } from './diagnostic';
import type { DiagnosticCode } from './diagnostic-code';

/** The diagnostics of one parse, collected in the order they are found. */
export class DiagnosticList {
  readonly #items: Diagnostic[] = [];
  #errors = 0;

  error(code: DiagnosticCode, elementId: string | undefined, message: string): void {
    this.#items.push({ severity: 'error', code, elementId, message });
    this.#errors++;
  }

  warning(code: DiagnosticCode, elementId: string | undefined, message: string): void {
    this.#items.push({ severity: 'warning', code, elementId, message });
  }

  get hasErrors(): boolean {
    return this.#errors > 0;
  }

  toArray(): readonly Diagnostic[] {
    return [...this.#items];
  }
}
