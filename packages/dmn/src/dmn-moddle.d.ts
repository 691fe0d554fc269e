// dmn-moddle ships no types for its entry point. This declares the one factory we use; results
// stay `unknown` and are narrowed in read-dmn-xml.ts.
declare module 'dmn-moddle' {
  interface DmnModdleInstance {
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ readonly rootElement: unknown; readonly warnings: readonly unknown[] }>;
  }
  export function DmnModdle(
    packages?: Readonly<Record<string, unknown>>,
    options?: Readonly<Record<string, unknown>>,
  ): DmnModdleInstance;
}
