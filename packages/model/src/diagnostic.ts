/** A finding about a model, aimed at the person who drew it: which element, what is wrong, what to do. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** A stable code such as `UNSUPPORTED_ELEMENT` (see the model README for the list). */
  readonly code: string;
  /** The id of the element concerned, when there is one. */
  readonly elementId: string | undefined;
  /** What is wrong and what to do about it, in one or two sentences. */
  readonly message: string;
}
