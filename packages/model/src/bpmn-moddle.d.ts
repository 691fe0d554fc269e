// bpmn-moddle ships types for its metamodel only (`bpmn-moddle/types`), not for its entry point.
// This declares the one class we use; results stay `unknown` and are narrowed in read-xml.ts.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Readonly<Record<string, unknown>>, options?: Readonly<Record<string, unknown>>);
    fromXML(xml: string): Promise<{ readonly rootElement: unknown; readonly warnings: readonly unknown[] }>;
  }
}
