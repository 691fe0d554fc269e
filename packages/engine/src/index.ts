export { process } from './process';
export type { ProcessResult } from './process';
export { apply, replay } from './apply';
export type { DecisionLookup, EngineContext } from './processing';
export type { Command, CommandType, CommandOfType } from './command';
export type { EngineEvent, EngineEventType, EngineEventOfType } from './engine-event';
export type { Effect } from './effect';
export type { Rejection } from './rejection';
export { IncidentType, InstanceStatus } from './instance-state';
export type {
  ConditionWait,
  ElementInstance,
  ElementPhase,
  ErrorThrower,
  Incident,
  InstanceState,
  Job,
  MessageSubscription,
  ParentReference,
  SignalSubscription,
  TimerCycle,
  Timer,
  UserTask,
  Variables,
} from './instance-state';
export { deliveryOf, isCallReport } from './call-reports';
export type { CallReport } from './call-reports';
export { runInMemory } from './in-memory-run';
export { startConditionHolds } from './start-condition';
export { scheduleTimer, timerStartOccurrence } from './timers/index';
export { checkTimer, DEPLOY_CHECKS } from './timers/timer-check';
export type { TimerSchedule } from './timers/index';
export type { InMemoryRun, InMemoryRunOptions, RunStatus } from './in-memory-run';
