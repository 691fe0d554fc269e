import { compileBoxed, compileFunctionDefinition } from './boxed-expression';
import type { BuildContext } from './build-context';
import { diagnostic, DmnDiagnosticCode, type DmnDiagnostic } from './dmn-diagnostic';
import type {
  DecisionNode,
  DmnModel,
  ElementReference,
  ImportedModel,
  InputNode,
  KnowledgeNode,
  Requirements,
  ServiceNode,
} from './dmn-model';
import { itemTypeResolver, namedTypes } from './item-definitions';
import { child, children, idOf, kindOf, text, type ModdleElement } from './moddle-element';

function collectNames(element: unknown, names: Set<string>, depth = 0): void {
  if (depth > 64 || typeof element !== 'object' || element === null) return;
  if (Array.isArray(element)) {
    for (const item of element) collectNames(item, names, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('$')) continue;
    if ((key === 'name' || key === 'iteratorVariable') && typeof value === 'string') names.add(value);
    else if (typeof value === 'object') collectNames(value, names, depth + 1);
  }
}

function referenceOf(element: ModdleElement | undefined, namespace: string): ElementReference | undefined {
  const href = text(element, 'href');
  if (href === undefined) return undefined;
  const hash = href.indexOf('#');
  const ns = hash <= 0 ? undefined : href.slice(0, hash);
  return { namespace: ns === namespace ? undefined : ns, id: hash < 0 ? href : href.slice(hash + 1) };
}

function references(elements: readonly ModdleElement[], property: string, namespace: string): ElementReference[] {
  return elements.flatMap((element) => {
    const reference = referenceOf(child(element, property), namespace);
    return reference === undefined ? [] : [reference];
  });
}

function requirementsOf(element: ModdleElement, namespace: string): Requirements {
  const information = children(element, 'informationRequirement');
  return {
    decisions: references(information, 'requiredDecision', namespace),
    inputs: references(information, 'requiredInput', namespace),
    knowledge: references(children(element, 'knowledgeRequirement'), 'requiredKnowledge', namespace),
  };
}

function hrefs(element: ModdleElement, property: string, namespace: string): ElementReference[] {
  return children(element, property).flatMap((reference) => {
    const resolved = referenceOf(reference, namespace);
    return resolved === undefined ? [] : [resolved];
  });
}

/** Builds the compiled model from dmn-moddle's tree; `available` are the models it may import. */
export function buildModel(
  definitions: ModdleElement,
  available: readonly DmnModel[],
  warnings: readonly DmnDiagnostic[],
): DmnModel {
  const diagnostics: DmnDiagnostic[] = [...warnings];
  const namespace = text(definitions, 'namespace') ?? '';
  const imports = new Map<string, ImportedModel>();
  for (const declaration of children(definitions, 'import')) {
    const importNamespace = text(declaration, 'namespace') ?? '';
    const model = available.find((candidate) => candidate.namespace === importNamespace);
    if (model === undefined) {
      diagnostics.push(
        diagnostic(
          DmnDiagnosticCode.missingReference,
          `imported model ${importNamespace} was not given`,
          idOf(declaration),
        ),
      );
    } else imports.set(importNamespace, { name: text(declaration, 'name') ?? '', model });
  }
  const names = new Set<string>();
  collectNames(definitions, names);
  for (const { name, model } of imports.values()) {
    names.add(name);
    for (const node of [
      ...model.decisions.values(),
      ...model.inputs.values(),
      ...model.knowledgeModels.values(),
      ...model.services.values(),
    ]) {
      names.add(node.name);
    }
  }
  const itemDefinitions = children(definitions, 'itemDefinition');
  const context: BuildContext = {
    names: [...names].filter((name) => /\s|[^\w]/.test(name)),
    diagnostics,
    resolveType: itemTypeResolver(itemDefinitions, imports, diagnostics, () => context),
  };
  const decisions = new Map<string, DecisionNode>();
  const inputs = new Map<string, InputNode>();
  const knowledgeModels = new Map<string, KnowledgeNode>();
  const services = new Map<string, ServiceNode>();
  for (const element of children(definitions, 'drgElement')) {
    const variable = child(element, 'variable');
    const name = text(element, 'name') ?? text(variable, 'name') ?? '';
    // The id is optional in DMN; without one, the element is known by its name.
    const id = idOf(element) ?? name;
    const type = context.resolveType(text(variable, 'typeRef'), idOf(variable) ?? id);
    switch (kindOf(element)) {
      case 'Decision':
        decisions.set(id, {
          id,
          name,
          type,
          requirements: requirementsOf(element, namespace),
          logic: compileBoxed(child(element, 'decisionLogic'), context, type),
        });
        break;
      case 'InputData':
        inputs.set(id, { id, name, type });
        break;
      case 'BusinessKnowledgeModel': {
        const logic = child(element, 'encapsulatedLogic');
        const build = logic === undefined ? undefined : compileFunctionDefinition(logic, context, name);
        knowledgeModels.set(id, {
          id,
          name,
          requirements: requirementsOf(element, namespace),
          build:
            build ?? ((scope) => compileFunctionDefinition({ $type: 'dmn:FunctionDefinition' }, context, name)(scope)),
        });
        break;
      }
      case 'DecisionService':
        services.set(id, {
          id,
          name,
          type,
          outputDecisions: hrefs(element, 'outputDecision', namespace),
          inputDecisions: hrefs(element, 'inputDecision', namespace),
          inputData: hrefs(element, 'inputData', namespace),
        });
        break;
      default:
        break;
    }
  }
  checkReferences(decisions, inputs, knowledgeModels, services, imports, diagnostics);
  return {
    namespace,
    name: text(definitions, 'name') ?? '',
    decisions,
    inputs,
    knowledgeModels,
    services,
    imports,
    types: namedTypes(itemDefinitions, (name, id) => context.resolveType(name, id)),
    diagnostics,
  };
}

function checkReferences(
  decisions: ReadonlyMap<string, DecisionNode>,
  inputs: ReadonlyMap<string, InputNode>,
  knowledge: ReadonlyMap<string, KnowledgeNode>,
  services: ReadonlyMap<string, ServiceNode>,
  imports: ReadonlyMap<string, ImportedModel>,
  diagnostics: DmnDiagnostic[],
): void {
  const exists = (reference: ElementReference, local: (id: string) => boolean): boolean => {
    if (reference.namespace === undefined) return local(reference.id);
    const imported = imports.get(reference.namespace)?.model;
    return (
      imported !== undefined &&
      (imported.decisions.has(reference.id) ||
        imported.inputs.has(reference.id) ||
        imported.knowledgeModels.has(reference.id) ||
        imported.services.has(reference.id))
    );
  };
  const check = (owner: string, reference: ElementReference, local: (id: string) => boolean, what: string): void => {
    if (!exists(reference, local)) {
      diagnostics.push(
        diagnostic(
          DmnDiagnosticCode.missingReference,
          `${owner} requires ${what} '${reference.id}', which does not exist`,
          owner,
        ),
      );
    }
  };
  for (const node of [...decisions.values(), ...knowledge.values()]) {
    for (const reference of node.requirements.decisions)
      check(node.id, reference, (id) => decisions.has(id), 'decision');
    for (const reference of node.requirements.inputs) check(node.id, reference, (id) => inputs.has(id), 'input data');
    for (const reference of node.requirements.knowledge)
      check(node.id, reference, (id) => knowledge.has(id) || services.has(id), 'knowledge');
  }
}
