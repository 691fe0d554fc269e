/** Builders for small DMN documents in tests: a model is easier to read as its parts. */
export const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

export function definitions(
  body: string,
  options: { namespace?: string; name?: string; xmlns?: string; imports?: string } = {},
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${options.xmlns ?? DMN13}" id="defs" name="${options.name ?? 'test'}" namespace="${options.namespace ?? 'https://operon.dev/test'}">
${options.imports ?? ''}${body}
</definitions>`;
}

export function inputData(name: string, typeRef = 'number'): string {
  return `<inputData id="input_${name}" name="${name}"><variable name="${name}" typeRef="${typeRef}"/></inputData>`;
}

export function requires(...inputs: string[]): string {
  return inputs
    .map((name) => `<informationRequirement><requiredInput href="#input_${name}"/></informationRequirement>`)
    .join('');
}

export function requiresDecision(...ids: string[]): string {
  return ids.map((id) => `<informationRequirement><requiredDecision href="#${id}"/></informationRequirement>`).join('');
}

export function requiresKnowledge(...ids: string[]): string {
  return ids.map((id) => `<knowledgeRequirement><requiredKnowledge href="#${id}"/></knowledgeRequirement>`).join('');
}

export function decision(id: string, logic: string, options: { typeRef?: string; requirements?: string } = {}): string {
  const typeRef = options.typeRef === undefined ? '' : ` typeRef="${options.typeRef}"`;
  return `<decision id="${id}" name="${id}"><variable name="${id}"${typeRef}/>${options.requirements ?? ''}${logic}</decision>`;
}

export function literal(text: string, typeRef?: string): string {
  const type = typeRef === undefined ? '' : ` typeRef="${typeRef}"`;
  return `<literalExpression${type}><text>${escapeXml(text)}</text></literalExpression>`;
}

export interface TableSpec {
  readonly hitPolicy?: string;
  readonly aggregation?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly { name: string; typeRef?: string; values?: string; default?: string }[];
  /** Each rule: input entries then output entries. */
  readonly rules: readonly (readonly string[])[];
}

export function decisionTable(spec: TableSpec): string {
  const aggregation = spec.aggregation === undefined ? '' : ` aggregation="${spec.aggregation}"`;
  const inputs = spec.inputs
    .map(
      (text, i) => `<input id="in${i + 1}"><inputExpression><text>${escapeXml(text)}</text></inputExpression></input>`,
    )
    .join('');
  const outputs = spec.outputs
    .map((output, i) => {
      const type = output.typeRef === undefined ? '' : ` typeRef="${output.typeRef}"`;
      const values =
        output.values === undefined ? '' : `<outputValues><text>${escapeXml(output.values)}</text></outputValues>`;
      const fallback =
        output.default === undefined
          ? ''
          : `<defaultOutputEntry><text>${escapeXml(output.default)}</text></defaultOutputEntry>`;
      return `<output id="out${i + 1}" name="${output.name}"${type}>${values}${fallback}</output>`;
    })
    .join('');
  const rules = spec.rules
    .map((cells, r) => {
      const entries = cells.map((cell, c) =>
        c < spec.inputs.length
          ? `<inputEntry><text>${escapeXml(cell)}</text></inputEntry>`
          : `<outputEntry><text>${escapeXml(cell)}</text></outputEntry>`,
      );
      return `<rule id="rule${r + 1}">${entries.join('')}</rule>`;
    })
    .join('');
  return `<decisionTable id="table" hitPolicy="${spec.hitPolicy ?? 'UNIQUE'}"${aggregation}>${inputs}${outputs}${rules}</decisionTable>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
