/** The part of a dmn-moddle element we read. Values come from untrusted XML, so they are narrowed. */
export interface ModdleElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function text(element: ModdleElement | undefined, name: string): string | undefined {
  const value = element?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function child(element: ModdleElement | undefined, name: string): ModdleElement | undefined {
  const value = element?.[name];
  return isModdleElement(value) ? value : undefined;
}

export function children(element: ModdleElement | undefined, name: string): ModdleElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The id of an element, for diagnostics. */
export function idOf(element: ModdleElement | undefined): string | undefined {
  return text(element, 'id');
}

/** The element type without its prefix: `dmn:DecisionTable` → `DecisionTable`. */
export function kindOf(element: ModdleElement): string {
  return element.$type.replace(/^dmn:/, '');
}
