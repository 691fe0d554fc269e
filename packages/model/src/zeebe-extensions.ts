import { elementsProperty, extensionsOf, stringProperty, type ModdleElement } from './moddle-element';

/** One `zeebe:input` / `zeebe:output`, as written (both attributes may be missing). */
export interface RawMapping {
  readonly source: string | undefined;
  readonly target: string | undefined;
}

/**
 * The Camunda 8 extension elements of one BPMN element, as written in the XML (strings, not yet
 * interpreted as FEEL). The first of each kind wins, as in Zeebe.
 */
export interface ZeebeExtensions {
  readonly taskDefinition: { readonly type: string | undefined; readonly retries: string | undefined } | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly inputs: readonly RawMapping[];
  readonly outputs: readonly RawMapping[];
  readonly assignee: string | undefined;
  readonly candidateGroups: string | undefined;
  readonly candidateUsers: string | undefined;
  readonly dueDate: string | undefined;
  readonly followUpDate: string | undefined;
  readonly priority: string | undefined;
  readonly formId: string | undefined;
  readonly formKey: string | undefined;
  readonly script: { readonly expression: string | undefined; readonly resultVariable: string | undefined } | undefined;
  readonly versionTag: string | undefined;
  /** The XML names of `zeebe:executionListeners` / `zeebe:taskListeners` present, which Operon does not run yet. */
  readonly listeners: readonly string[];
}

const LISTENER_NAMES: Readonly<Record<string, string>> = {
  'zeebe:ExecutionListeners': 'zeebe:executionListeners',
  'zeebe:TaskListeners': 'zeebe:taskListeners',
};

export function readZeebeExtensions(element: ModdleElement): ZeebeExtensions {
  const extensions = extensionsOf(element);
  const first = (type: string): ModdleElement | undefined => extensions.find((extension) => extension.$type === type);
  const attribute = (type: string, name: string): string | undefined => {
    const extension = first(type);
    return extension === undefined ? undefined : stringProperty(extension, name);
  };

  const taskDefinition = first('zeebe:TaskDefinition');
  const ioMapping = first('zeebe:IoMapping');
  const script = first('zeebe:Script');
  return {
    taskDefinition:
      taskDefinition === undefined
        ? undefined
        : { type: stringProperty(taskDefinition, 'type'), retries: stringProperty(taskDefinition, 'retries') },
    headers: readHeaders(first('zeebe:TaskHeaders')),
    inputs: ioMapping === undefined ? [] : readMappings(ioMapping, 'inputParameters'),
    outputs: ioMapping === undefined ? [] : readMappings(ioMapping, 'outputParameters'),
    assignee: attribute('zeebe:AssignmentDefinition', 'assignee'),
    candidateGroups: attribute('zeebe:AssignmentDefinition', 'candidateGroups'),
    candidateUsers: attribute('zeebe:AssignmentDefinition', 'candidateUsers'),
    dueDate: attribute('zeebe:TaskSchedule', 'dueDate'),
    followUpDate: attribute('zeebe:TaskSchedule', 'followUpDate'),
    priority: attribute('zeebe:PriorityDefinition', 'priority'),
    formId: attribute('zeebe:FormDefinition', 'formId'),
    formKey: attribute('zeebe:FormDefinition', 'formKey'),
    script:
      script === undefined
        ? undefined
        : {
            expression: stringProperty(script, 'expression'),
            resultVariable: stringProperty(script, 'resultVariable'),
          },
    versionTag: attribute('zeebe:VersionTag', 'value'),
    listeners: extensions.flatMap(({ $type }) =>
      Object.hasOwn(LISTENER_NAMES, $type) ? [LISTENER_NAMES[$type] ?? $type] : [],
    ),
  };
}

function readHeaders(taskHeaders: ModdleElement | undefined): Readonly<Record<string, string>> {
  if (taskHeaders === undefined) return {};
  const entries = elementsProperty(taskHeaders, 'values').flatMap((header) => {
    const key = stringProperty(header, 'key');
    const value = header['value'];
    return key === undefined ? [] : [[key, typeof value === 'string' ? value : ''] as const];
  });
  // fromEntries defines own properties, so a header named "__proto__" stays a header
  return Object.fromEntries(entries);
}

function readMappings(ioMapping: ModdleElement, property: string): readonly RawMapping[] {
  return elementsProperty(ioMapping, property).map((parameter) => ({
    source: stringProperty(parameter, 'source'),
    target: stringProperty(parameter, 'target'),
  }));
}
