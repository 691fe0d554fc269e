import type { ElementBehaviours } from './element-behaviour';
import { endEvent } from './elements/end-event';
import { exclusiveGateway } from './elements/exclusive-gateway';
import { inclusiveGateway } from './elements/inclusive-gateway';
import { parallelGateway } from './elements/parallel-gateway';
import { scriptTask } from './elements/script-task';
import { sendTask } from './elements/send-task';
import { serviceTask } from './elements/service-task';
import { startEvent } from './elements/start-event';
import { subProcess } from './elements/sub-process';
import { passThroughTask } from './elements/task';
import { userTask } from './elements/user-task';
import { businessRuleTask } from './elements/business-rule-task';
import { intermediateCatchEvent } from './elements/intermediate-catch-event';
import { receiveTask } from './elements/receive-task';
import { intermediateThrowEvent } from './elements/intermediate-throw-event';
import { boundaryEvent } from './elements/boundary-event';
import { callActivity } from './elements/call-activity';
import { eventBasedGateway } from './elements/event-based-gateway';
import { complexGateway } from './elements/complex-gateway';

/** Every node kind the model can produce has its behaviour here; a new kind does not compile until added. */
export const elementBehaviours: ElementBehaviours = {
  startEvent,
  endEvent,
  task: passThroughTask,
  manualTask: passThroughTask,
  serviceTask,
  sendTask,
  userTask,
  scriptTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  subProcess,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  receiveTask,
  businessRuleTask,
  callActivity,
  eventBasedGateway,
  complexGateway,
};
