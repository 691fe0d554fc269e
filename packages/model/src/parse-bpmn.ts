import { buildModel } from './build-model';
import { contentHash } from './content-hash';
import { deepFreeze } from './deep-freeze';
import type { Diagnostic } from './diagnostic';
import { DiagnosticCode } from './diagnostic-code';
import { DiagnosticList } from './diagnostic-list';
import { ExpressionReader, type ExpressionCheck } from './expression-reader';
import { messageOf } from './moddle-message';
import { readWarnings } from './moddle-warnings';
import { ParseCache } from './parse-cache';
import type { BpmnModel } from './process-definition';
import { readXml } from './read-xml';
import type { TimerCheck } from './timer-check';
import { DEFAULT_MAX_BYTES, screenDocument } from './screen-document';

export interface ParseOptions {
  /** Largest document accepted, in bytes of UTF-8. Default 16 MiB. */
  readonly maxBytes?: number;
  /**
   * Checks the syntax of a FEEL expression (without its `=`); returns a message, or undefined when it parses.
   * Passed in so that `model` does not depend on `feel` (the caller wires `@operon/feel`'s `checkSyntax`).
   */
  readonly checkExpression?: (expression: string) => string | undefined;
  /** Checks timers at deployment (the caller wires `@operon/engine`'s `checkTimer`); without it, timers are checked when they run. */
  readonly checkTimer?: TimerCheck;
}

export type ParseOutcome =
  | { readonly ok: true; readonly model: BpmnModel; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

// Deployments of the same files repeat; parsing is the expensive part.
const cache = new ParseCache<Promise<ParseOutcome>>(64, 64 * 1024 * 1024);
const checkIds = new WeakMap<ExpressionCheck | TimerCheck, number>();
let nextCheckId = 1;

/**
 * Parses and validates BPMN 2.0 XML. Never throws for bad input: problems come back as diagnostics.
 * The same text with the same options gives the same frozen outcome object (parsed once, then cached).
 */
export async function parseBpmn(xml: string, options: ParseOptions = {}): Promise<ParseOutcome> {
  try {
    const rejection = screenDocument(xml, maxBytesOf(options));
    if (rejection !== undefined) return failed([rejection]);
    // the size limit was checked above, so the outcome depends only on the text and the checker
    const hash = contentHash(xml);
    const key = `${hash}:${checkKey(options.checkExpression)}:${checkKey(options.checkTimer)}`;
    const cached = cache.get(key, xml);
    if (cached !== undefined) return await cached;
    const outcome = parseDocument(xml, hash, options.checkExpression, options.checkTimer);
    cache.set(key, xml, outcome);
    return await outcome;
  } catch (error) {
    return failed([internalFailure(error)]);
  }
}

async function parseDocument(
  xml: string,
  hash: string,
  check: ExpressionCheck | undefined,
  checkTimer: TimerCheck | undefined,
): Promise<ParseOutcome> {
  try {
    const reading = await readXml(withoutByteOrderMark(xml));
    if (!reading.ok) return failed([reading.diagnostic]);
    const diagnostics = new DiagnosticList();
    const context = {
      diagnostics,
      references: readWarnings(reading.warnings, diagnostics),
      expressions: new ExpressionReader(diagnostics, check),
      checkTimer,
    };
    const model = buildModel(reading.definitions, hash, context);
    if (diagnostics.hasErrors) return failed(diagnostics.toArray());
    return deepFreeze({ ok: true, model, diagnostics: diagnostics.toArray() });
  } catch (error) {
    return failed([internalFailure(error)]);
  }
}

function maxBytesOf(options: ParseOptions): number {
  const { maxBytes } = options;
  return typeof maxBytes === 'number' && maxBytes >= 0 ? maxBytes : DEFAULT_MAX_BYTES;
}

/** The cache must not answer a parse with one checker by an outcome computed with another. */
function checkKey(check: ExpressionCheck | TimerCheck | undefined): string {
  if (check === undefined) return 'none';
  let id = checkIds.get(check);
  if (id === undefined) {
    id = nextCheckId++;
    checkIds.set(check, id);
  }
  return String(id);
}

function withoutByteOrderMark(xml: string): string {
  return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
}

function failed(diagnostics: readonly Diagnostic[]): ParseOutcome {
  return deepFreeze({ ok: false, diagnostics });
}

function internalFailure(error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: DiagnosticCode.PARSER_FAILURE,
    elementId: undefined,
    message:
      `Operon failed while reading this document (${messageOf(error)}). This is a bug in Operon, not in the model: ` +
      'please report it with the file attached.',
  };
}
