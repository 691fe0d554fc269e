import type { FeelFunction, Scope } from '@operon/feel';
import type { DmnDiagnostic } from './dmn-diagnostic';
import type { BoxedEvaluator } from './dmn-env';
import type { ItemType } from './item-type';

/** A reference to a DRG element: in this model (namespace undefined) or in an imported one. */
export interface ElementReference {
  readonly namespace: string | undefined;
  readonly id: string;
}

export interface Requirements {
  readonly decisions: readonly ElementReference[];
  readonly inputs: readonly ElementReference[];
  readonly knowledge: readonly ElementReference[];
}

export interface DecisionNode {
  readonly id: string;
  readonly name: string;
  readonly type: ItemType | undefined;
  readonly requirements: Requirements;
  readonly logic: BoxedEvaluator;
}

export interface InputNode {
  readonly id: string;
  readonly name: string;
  readonly type: ItemType | undefined;
}

export interface KnowledgeNode {
  readonly id: string;
  readonly name: string;
  readonly requirements: Requirements;
  /** Builds the BKM's function over the scope its own requirements give. */
  readonly build: (scope: Scope) => FeelFunction;
}

export interface ServiceNode {
  readonly id: string;
  readonly name: string;
  readonly type: ItemType | undefined;
  readonly outputDecisions: readonly ElementReference[];
  readonly inputDecisions: readonly ElementReference[];
  readonly inputData: readonly ElementReference[];
}

export interface ImportedModel {
  /** The import's name: the prefix of imported names (`Imported.decision`). */
  readonly name: string;
  readonly model: DmnModel;
}

/** A parsed and compiled DMN model: every expression is already a closure. Immutable. */
export interface DmnModel {
  readonly namespace: string;
  readonly name: string;
  readonly decisions: ReadonlyMap<string, DecisionNode>;
  readonly inputs: ReadonlyMap<string, InputNode>;
  readonly knowledgeModels: ReadonlyMap<string, KnowledgeNode>;
  readonly services: ReadonlyMap<string, ServiceNode>;
  /** Imported models by namespace. */
  readonly imports: ReadonlyMap<string, ImportedModel>;
  readonly types: ReadonlyMap<string, ItemType>;
  /** Problems that did not stop the model from loading (an expression that does not parse evaluates to null). */
  readonly diagnostics: readonly DmnDiagnostic[];
}
