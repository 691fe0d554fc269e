import type { BuildContext } from './build-context';
import { buildProcess } from './build-process';
import { DiagnosticCode } from './diagnostic-code';
import { booleanProperty, elementId, elementsProperty, type ModdleElement } from './moddle-element';
import type { BpmnModel, ProcessDefinition } from './process-definition';
import { validateProcess } from './validate-process';

/**
 * Every executable process of a `bpmn:definitions` (several in a collaboration). Like Zeebe, Operon skips
 * processes that are not executable and does not check them, so a documentation-only pool may use any element.
 */
export function buildModel(definitions: ModdleElement, contentHash: string, context: BuildContext): BpmnModel {
  const candidates = elementsProperty(definitions, 'rootElements').filter(({ $type }) => $type === 'bpmn:Process');
  const executable = candidates.filter((process) => booleanProperty(process, 'isExecutable'));
  const processes: ProcessDefinition[] = [];

  for (const element of executable) {
    const id = elementId(element);
    if (id === undefined) {
      context.diagnostics.error(
        DiagnosticCode.MISSING_ID,
        undefined,
        'An executable process has no id. Give it one, e.g. id="order-fulfilment"; instances are started by it.',
      );
      continue;
    }
    const process = buildProcess(element, id, context);
    validateProcess(process, context.diagnostics);
    processes.push(process);
  }

  if (executable.length === 0) {
    reportNoProcess(candidates, definitions, context);
  } else {
    for (const skipped of candidates) {
      if (executable.includes(skipped) || elementsProperty(skipped, 'flowElements').length === 0) continue;
      const id = elementId(skipped);
      context.diagnostics.warning(
        DiagnosticCode.PROCESS_NOT_EXECUTABLE,
        id,
        `Process '${id ?? '(no id)'}' is not marked executable, so Operon skips it. If it should run, set ` +
          'isExecutable="true" (in Camunda Modeler: the Executable checkbox of the process or pool).',
      );
    }
  }
  return { contentHash, processes };
}

function reportNoProcess(
  candidates: readonly ModdleElement[],
  definitions: ModdleElement,
  context: BuildContext,
): void {
  const ids = candidates.map((process) => `'${elementId(process) ?? '(no id)'}'`).join(', ');
  context.diagnostics.error(
    DiagnosticCode.NO_PROCESS,
    elementId(definitions),
    candidates.length === 0
      ? 'The document contains no process. Draw a process with a start event, or check that this is the right file.'
      : `None of the document's processes (${ids}) is executable. Mark the process Operon should run as executable ` +
          '(isExecutable="true"; in Camunda Modeler: the Executable checkbox of the process or pool).',
  );
}
