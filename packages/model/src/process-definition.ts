/**
 * The executable graph of a BPMN process: what the engine reads.
 * Everything here is immutable and plain data, built once per deployed model.
 */

import type {
  CancelEventDefinition,
  CompensationCatchDefinition,
  CompensationThrowDefinition,
} from './compensation-definition';
import type { LoopCharacteristics } from './loop-characteristics';

export type {
  CancelEventDefinition,
  CompensationCatchDefinition,
  CompensationThrowDefinition,
} from './compensation-definition';
export type { LoopCharacteristics, MultiInstanceLoop, StandardLoop } from './loop-characteristics';

/** A value written in a Camunda 8 attribute: a static string, or a FEEL expression when it starts with `=`. */
export type ValueExpression =
  { readonly kind: 'static'; readonly value: string } | { readonly kind: 'feel'; readonly expression: string };

/** One `zeebe:input` or `zeebe:output`: `source` is evaluated, the result is written to `target` (a name or a dotted path). */
export interface VariableMapping {
  readonly source: ValueExpression;
  readonly target: string;
}

/** Node kinds the engine runs. */
export const NodeKind = {
  startEvent: 'startEvent',
  endEvent: 'endEvent',
  task: 'task',
  manualTask: 'manualTask',
  serviceTask: 'serviceTask',
  userTask: 'userTask',
  scriptTask: 'scriptTask',
  exclusiveGateway: 'exclusiveGateway',
  parallelGateway: 'parallelGateway',
  inclusiveGateway: 'inclusiveGateway',
  subProcess: 'subProcess',
  intermediateCatchEvent: 'intermediateCatchEvent',
  intermediateThrowEvent: 'intermediateThrowEvent',
  boundaryEvent: 'boundaryEvent',
  receiveTask: 'receiveTask',
  businessRuleTask: 'businessRuleTask',
  callActivity: 'callActivity',
  eventBasedGateway: 'eventBasedGateway',
  complexGateway: 'complexGateway',
  sendTask: 'sendTask',
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/** What a job worker is asked to do: `zeebe:taskDefinition` and `zeebe:taskHeaders`. */
export interface JobDefinition {
  readonly type: ValueExpression;
  /** Number of attempts; `zeebe:taskDefinition retries`, default "3". */
  readonly retries: ValueExpression;
  readonly headers: Readonly<Record<string, string>>;
}

interface FlowNodeBase<K extends NodeKind> {
  readonly kind: K;
  readonly id: string;
  readonly name: string | undefined;
  readonly documentation: string | undefined;
  /** The id of the enclosing sub-process, or undefined when the node sits directly in the process. */
  readonly parentId: string | undefined;
  /** Ids of incoming sequence flows. */
  readonly incoming: readonly string[];
  /** Ids of outgoing sequence flows, in document order. */
  readonly outgoing: readonly string[];
  /** The `default` flow (gateways and activities): taken when no conditional flow is. */
  readonly defaultFlowId: string | undefined;
  /** `zeebe:ioMapping` inputs: evaluated on activation, written as local variables of the element. */
  readonly inputs: readonly VariableMapping[];
  /** `zeebe:ioMapping` outputs: evaluated on completion, propagated to the enclosing scope. */
  readonly outputs: readonly VariableMapping[];
  /** Ids of the boundary events attached to this node (activities only), in document order. */
  readonly boundaryEventIds: readonly string[];
  /** Multi-instance or standard loop characteristics (activities only); undefined when the activity runs once. */
  readonly loop?: LoopCharacteristics;
  /** `isForCompensation`: a compensation handler, started only by compensation, never by a flow. */
  readonly isForCompensation?: true;
}

/**
 * A start event. At the top of a process or sub-process it is a none start event; the start event of an
 * event sub-process has a trigger, and `interrupting` says whether it ends the rest of its scope.
 */
export interface StartEventNode extends FlowNodeBase<'startEvent'> {
  readonly eventDefinition: 'none' | ScopeTriggerDefinition;
  readonly interrupting: boolean;
}

/** What an end event throws: nothing, a terminate, an error, an escalation, a signal or a message. */
export interface EndEventNode extends FlowNodeBase<'endEvent'> {
  readonly eventDefinition:
    | 'none'
    | 'terminate'
    | ErrorThrowDefinition
    | EscalationThrowDefinition
    | SignalEventDefinition
    | MessageThrowDefinition
    | CompensationThrowDefinition
    | CancelEventDefinition;
}

export type TaskNode = FlowNodeBase<'task'>;
export type ManualTaskNode = FlowNodeBase<'manualTask'>;

export interface ServiceTaskNode extends FlowNodeBase<'serviceTask'> {
  readonly job: JobDefinition;
}

/** A send task is a job (`zeebe:taskDefinition`) whose worker sends the message, as in Camunda 8. */
export interface SendTaskNode extends FlowNodeBase<'sendTask'> {
  readonly job: JobDefinition;
}

export interface UserTaskNode extends FlowNodeBase<'userTask'> {
  /** `zeebe:assignmentDefinition assignee`. */
  readonly assignee: ValueExpression | undefined;
  /** `zeebe:assignmentDefinition candidateGroups`: a comma-separated list or a FEEL list. */
  readonly candidateGroups: ValueExpression | undefined;
  readonly candidateUsers: ValueExpression | undefined;
  /** `zeebe:taskSchedule dueDate` / `followUpDate`: ISO 8601 date-time or FEEL. */
  readonly dueDate: ValueExpression | undefined;
  readonly followUpDate: ValueExpression | undefined;
  /** `zeebe:priorityDefinition priority`, 0..100, default 50. */
  readonly priority: ValueExpression | undefined;
  /** `zeebe:formDefinition formId` (a linked form) or `formKey`. */
  readonly formId: string | undefined;
  readonly formKey: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/** A script task runs `zeebe:script` in the engine, or is a job (`zeebe:taskDefinition`) like a service task. */
export interface ScriptTaskNode extends FlowNodeBase<'scriptTask'> {
  readonly script: { readonly expression: string; readonly resultVariable: string } | undefined;
  readonly job: JobDefinition | undefined;
}

export type ExclusiveGatewayNode = FlowNodeBase<'exclusiveGateway'>;

export type InclusiveGatewayNode = FlowNodeBase<'inclusiveGateway'>;

export type ParallelGatewayNode = FlowNodeBase<'parallelGateway'>;

/**
 * An event-based gateway waits for the first of the events after it (timer, message or signal catch events,
 * receive tasks); that one's path is taken, and the others stop waiting.
 */
export type EventBasedGatewayNode = FlowNodeBase<'eventBasedGateway'>;

/**
 * A complex gateway (BPMN 2.0.2 §10.6.5; Camunda 8 has none). Splitting, it takes every flow whose condition
 * holds, else the default. Joining, it fires as soon as `activationCondition` (FEEL, with `activationCount`, the
 * number of incoming flows holding a token) holds, or, without one, as an inclusive join; tokens that arrive
 * after it fired are then absorbed until no more can arrive (its reset).
 */
export interface ComplexGatewayNode extends FlowNodeBase<'complexGateway'> {
  readonly activationCondition: string | undefined;
}

export interface SubProcessNode extends FlowNodeBase<'subProcess'> {
  /** The none start event inside the sub-process; for an event sub-process, its one start event with a trigger. */
  readonly startEventId: string;
  /** Ids of the nodes directly inside. */
  readonly childIds: readonly string[];
  /** An event sub-process (`triggeredByEvent`): started by its start event's trigger, never by a flow. */
  readonly triggeredByEvent: boolean;
  /** Ids of the event sub-processes directly inside. */
  readonly eventSubProcessIds: readonly string[];
  /** A `bpmn:adHocSubProcess`: it starts the elements its collection names, not a start event. */
  readonly adHoc?: AdHocCharacteristics;
  /** A `bpmn:transaction`: runs as a sub-process; a cancel end event inside compensates it and leaves by its cancel boundary event. */
  readonly transaction?: true;
}

/**
 * An ad-hoc sub-process (Camunda 8 `zeebe:adHoc`): on activation it starts the inner elements named by
 * `activeElementsCollection` (FEEL giving a list of element ids; without it, every element without incoming
 * flows). It completes when its completion condition holds after an inner element completed (ending the others
 * when `cancelRemainingInstances`), or when nothing inside is active any more.
 */
export interface AdHocCharacteristics {
  readonly activeElementsCollection: string | undefined;
  readonly completionCondition: string | undefined;
  readonly cancelRemainingInstances: boolean;
}

/** `bpmn:timerEventDefinition`: one of timeDate, timeDuration, timeCycle (ISO 8601 or cron; static or FEEL). */
export interface TimerEventDefinition {
  readonly kind: 'timer';
  readonly timerKind: 'date' | 'duration' | 'cycle';
  readonly expression: ValueExpression;
}

/** `bpmn:messageEventDefinition` with its `bpmn:message` name and `zeebe:subscription` correlation key. */
export interface MessageEventDefinition {
  readonly kind: 'message';
  readonly messageName: ValueExpression;
  /** Undefined when the message has no correlation key (it matches by name only). */
  readonly correlationKey: ValueExpression | undefined;
}

/**
 * `bpmn:messageEventDefinition` on a throw event (intermediate or end): as in Camunda 8, a job
 * (`zeebe:taskDefinition`) whose worker sends the message; the event completes when the job does.
 */
export interface MessageThrowDefinition {
  readonly kind: 'message';
  readonly job: JobDefinition;
}

/** `bpmn:errorEventDefinition` on a catch event: an error code, or undefined to catch every error. */
export interface ErrorCatchDefinition {
  readonly kind: 'error';
  readonly errorCode: string | undefined;
}

/** `bpmn:errorEventDefinition` on an end event: the code thrown (static or FEEL) and the error's name. */
export interface ErrorThrowDefinition {
  readonly kind: 'error';
  readonly errorCode: ValueExpression;
  readonly errorMessage: string | undefined;
}

/** `bpmn:escalationEventDefinition` on a catch event: an escalation code, or undefined to catch every one. */
export interface EscalationCatchDefinition {
  readonly kind: 'escalation';
  readonly escalationCode: string | undefined;
}

export interface EscalationThrowDefinition {
  readonly kind: 'escalation';
  readonly escalationCode: ValueExpression;
}

/** `bpmn:signalEventDefinition`: the `bpmn:signal` name (static or FEEL), thrown or caught. */
export interface SignalEventDefinition {
  readonly kind: 'signal';
  readonly signalName: ValueExpression;
}

/** `bpmn:linkEventDefinition`: a throw jumps to the catch of the same name in the same scope. */
export interface LinkEventDefinition {
  readonly kind: 'link';
  readonly linkName: string;
}

/**
 * `bpmn:conditionalEventDefinition` (BPMN 2.0.2; Camunda 8 has none): triggers when its FEEL condition becomes
 * true, evaluated when the event starts waiting and again whenever variables change.
 */
export interface ConditionalEventDefinition {
  readonly kind: 'conditional';
  readonly condition: string;
}

/** What can start an event sub-process or trigger a boundary event. */
export type ScopeTriggerDefinition =
  | CompensationCatchDefinition
  | CancelEventDefinition
  | ConditionalEventDefinition
  | TimerEventDefinition
  | MessageEventDefinition
  | ErrorCatchDefinition
  | EscalationCatchDefinition
  | SignalEventDefinition;

export interface IntermediateCatchEventNode extends FlowNodeBase<'intermediateCatchEvent'> {
  readonly eventDefinition:
    | TimerEventDefinition
    | MessageEventDefinition
    | SignalEventDefinition
    | LinkEventDefinition
    | ConditionalEventDefinition;
}

/** A none, escalation, signal, link or message intermediate throw event. */
export interface IntermediateThrowEventNode extends FlowNodeBase<'intermediateThrowEvent'> {
  readonly eventDefinition:
    | 'none'
    | EscalationThrowDefinition
    | SignalEventDefinition
    | LinkEventDefinition
    | MessageThrowDefinition
    | CompensationThrowDefinition;
}

/** An event attached to an activity: `cancelActivity` (interrupting) ends the activity when it triggers. */
export interface BoundaryEventNode extends FlowNodeBase<'boundaryEvent'> {
  readonly attachedToId: string;
  readonly interrupting: boolean;
  readonly eventDefinition: ScopeTriggerDefinition;
  /** A compensation boundary event: the handler activity it is associated with (`bpmn:association`). */
  readonly compensationHandlerId?: string;
}

export interface ReceiveTaskNode extends FlowNodeBase<'receiveTask'> {
  readonly message: MessageEventDefinition;
}

/**
 * A business rule task evaluates a deployed DMN decision (`zeebe:calledDecision`: decision id and
 * result variable), or is a job for a worker (`zeebe:taskDefinition`), as in Camunda 8.
 */
export interface BusinessRuleTaskNode extends FlowNodeBase<'businessRuleTask'> {
  readonly calledDecision: { readonly decisionId: ValueExpression; readonly resultVariable: string } | undefined;
  readonly job: JobDefinition | undefined;
}

/**
 * A call activity starts an instance of another deployed process (`zeebe:calledElement`: process id, static or
 * FEEL; its latest version) and waits for it to end. Variables flow in (all visible ones unless
 * `propagateAllParentVariables` is false; then only the input mappings) and out (all of the child's unless
 * `propagateAllChildVariables` is false; output mappings see them either way).
 */
export interface CallActivityNode extends FlowNodeBase<'callActivity'> {
  readonly calledProcessId: ValueExpression;
  readonly propagateAllParentVariables: boolean;
  readonly propagateAllChildVariables: boolean;
}

export type FlowNode =
  | CallActivityNode
  | EventBasedGatewayNode
  | ComplexGatewayNode
  | StartEventNode
  | EndEventNode
  | TaskNode
  | ManualTaskNode
  | ServiceTaskNode
  | SendTaskNode
  | UserTaskNode
  | ScriptTaskNode
  | ExclusiveGatewayNode
  | InclusiveGatewayNode
  | ParallelGatewayNode
  | SubProcessNode
  | IntermediateCatchEventNode
  | IntermediateThrowEventNode
  | BoundaryEventNode
  | ReceiveTaskNode
  | BusinessRuleTaskNode;

export type FlowNodeOfKind<K extends NodeKind> = Extract<FlowNode, { kind: K }>;

export interface SequenceFlow {
  readonly id: string;
  readonly name: string | undefined;
  readonly sourceId: string;
  readonly targetId: string;
  /** The FEEL condition without its leading `=`, or undefined for an unconditional flow. */
  readonly condition: string | undefined;
}

export interface ProcessDefinition {
  /** The BPMN process id (`bpmn:process id`), the key users start instances by. */
  readonly id: string;
  readonly name: string | undefined;
  readonly isExecutable: boolean;
  readonly versionTag: string | undefined;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** The none start event of the process (top level); '' when it has only start events with a trigger. */
  readonly startEventId: string;
  /**
   * Timer, message, signal and conditional start events of the process (top level): the runtime starts an instance when
   * one triggers (`create-instance` with `startEventId`).
   */
  readonly triggeredStartEventIds: readonly string[];
  /** Ids of the nodes directly in the process (not inside sub-processes). */
  readonly childIds: readonly string[];
  /** Ids of the event sub-processes directly in the process. */
  readonly eventSubProcessIds: readonly string[];
}

/** A parsed BPMN document. */
export interface BpmnModel {
  /** A hash of the XML text; the same text always gives the same hash. */
  readonly contentHash: string;
  readonly processes: readonly ProcessDefinition[];
}
