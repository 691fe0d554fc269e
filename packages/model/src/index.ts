export type {
  BpmnModel,
  EndEventNode,
  ExclusiveGatewayNode,
  FlowNode,
  FlowNodeOfKind,
  InclusiveGatewayNode,
  IntermediateCatchEventNode,
  MessageEventDefinition,
  ReceiveTaskNode,
  TimerEventDefinition,
  JobDefinition,
  ManualTaskNode,
  ParallelGatewayNode,
  ProcessDefinition,
  ScriptTaskNode,
  SequenceFlow,
  ServiceTaskNode,
  StartEventNode,
  SubProcessNode,
  TaskNode,
  UserTaskNode,
  ValueExpression,
  VariableMapping,
} from './process-definition';
export { NodeKind } from './process-definition';
export type { Diagnostic } from './diagnostic';
export { DiagnosticCode } from './diagnostic-code';
export { parseBpmn } from './parse-bpmn';
export type { ParseOptions, ParseOutcome } from './parse-bpmn';
