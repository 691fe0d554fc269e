/**
 * The part of a bpmn-moddle element that the builder reads. Its properties come from untrusted XML,
 * so they are read through the narrowing accessors below rather than trusted as typed fields.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string attribute, or undefined when it is absent or blank. */
export function stringProperty(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function booleanProperty(element: ModdleElement, name: string): boolean {
  return element[name] === true;
}

/** A single child element or a resolved reference. */
export function elementProperty(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return isModdleElement(value) ? value : undefined;
}

/** A list of child elements or resolved references; empty when absent. */
export function elementsProperty(element: ModdleElement, name: string): readonly ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function elementId(element: ModdleElement): string | undefined {
  return stringProperty(element, 'id');
}

/** The text of all `bpmn:documentation` children, joined by blank lines; undefined when there is none. */
export function documentationOf(element: ModdleElement): string | undefined {
  const texts = elementsProperty(element, 'documentation')
    .map((documentation) => stringProperty(documentation, 'text'))
    .filter((text) => text !== undefined);
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}

/** The `zeebe:*` (and other) elements inside `bpmn:extensionElements`. */
export function extensionsOf(element: ModdleElement): readonly ModdleElement[] {
  const container = elementProperty(element, 'extensionElements');
  return container === undefined ? [] : elementsProperty(container, 'values');
}

/** moddle's subtype test, e.g. whether a `bpmn:BoundaryEvent` is a `bpmn:FlowNode`. */
export function isInstanceOf(element: ModdleElement, type: string): boolean {
  const instanceOf = element['$instanceOf'];
  return (
    typeof instanceOf === 'function' &&
    (instanceOf as (this: ModdleElement, type: string) => unknown).call(element, type) === true
  );
}
