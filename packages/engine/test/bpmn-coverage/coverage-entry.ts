// The shape of one row of docs/bpmn-coverage.md: a BPMN element, whether Operon runs it, what proves it, and
// Camunda 8's published support (docs.camunda.io, "BPMN coverage").

/** Whether Camunda 8 runs the element, as its coverage page says. */
export type Camunda8Support = 'yes' | 'no' | 'partial';

/** A test by its file (from the repository root) and the title of its `it` (or "describe › it"). */
export interface NamedTest {
  readonly file: string;
  readonly name: string;
}

interface EntryBase {
  /** The element as the document names it. */
  readonly element: string;
  readonly camunda8: Camunda8Support;
  /** A BPMN document in which the element under test has the id `x` (see coverage-model.ts). */
  readonly model: string;
}

export type CoverageEntry =
  | (EntryBase & { readonly operon: 'runs'; readonly provedBy: readonly [NamedTest, ...NamedTest[]] })
  | (EntryBase & { readonly operon: 'not yet'; readonly reason: string });

export interface CoverageSection {
  readonly title: string;
  readonly entries: readonly CoverageEntry[];
}

/** The tests of one file: `const gateways = testsIn('packages/engine/test/gateways.test.ts')`, then `gateways('…')`. */
export function testsIn(file: string): (name: string) => NamedTest {
  return (name) => ({ file, name });
}

/** Why an element is not run yet, for the elements a later step of issue 5 adds. */
export const LATER_STEP = 'a later step of issue 5';
