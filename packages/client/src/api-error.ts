/** An error answer of the Operon API: its stable code (docs/errors.md), status, message and details. */
export class OperonApiError extends Error {
  override readonly name = 'OperonApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
