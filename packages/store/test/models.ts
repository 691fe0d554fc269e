/** BPMN models the store tests run through the real engine. */

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';

function document(processId: string, content: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="definitions" targetNamespace="http://operon.test">${before}
  <bpmn:process id="${processId}" isExecutable="true">${content}</bpmn:process>
</bpmn:definitions>`;
}

function flow(id: string, from: string, to: string): string {
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
}

/** start → charge (job 'charge', 3 retries, a header) → approve (user task for sales or managers) → end. */
export const ORDER = document(
  'order',
  `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'charge')}
  <bpmn:serviceTask id="charge"><bpmn:extensionElements>
    <zeebe:taskDefinition type="charge" retries="3"/>
    <zeebe:taskHeaders><zeebe:header key="currency" value="EUR"/></zeebe:taskHeaders>
  </bpmn:extensionElements></bpmn:serviceTask>${flow('f2', 'charge', 'approve')}
  <bpmn:userTask id="approve" name="Approve order"><bpmn:extensionElements>
    <zeebe:assignmentDefinition assignee="=approver" candidateGroups="=groups" candidateUsers="ann"/>
    <zeebe:taskSchedule dueDate="=due"/>
    <zeebe:priorityDefinition priority="=priority"/>
    <zeebe:formDefinition formId="approval-form"/>
  </bpmn:extensionElements></bpmn:userTask>${flow('f3', 'approve', 'end')}
  <bpmn:endEvent id="end"/>`,
);

/** The order process with another label: new content, so a new version. */
export const ORDER_V2 = ORDER.replace('name="Approve order"', 'name="Approve the order"');

/** start → checks (sub-process with a local variable) { check (job) } → end. */
export const REVIEW = document(
  'review',
  `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'checks')}
  <bpmn:subProcess id="checks">
    <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=amount * 2" target="limit"/></zeebe:ioMapping></bpmn:extensionElements>
    <bpmn:startEvent id="checks-start"/>${flow('r1', 'checks-start', 'check')}
    <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="check"/></bpmn:extensionElements></bpmn:serviceTask>
    ${flow('r2', 'check', 'checks-end')}<bpmn:endEvent id="checks-end"/>
  </bpmn:subProcess>${flow('f2', 'checks', 'end')}
  <bpmn:endEvent id="end"/>`,
);

/** start → wait (timer, one hour) → paid (receive task for message 'paid' by orderId) → end. */
export const WAITS = document(
  'waits',
  `<bpmn:startEvent id="start"/>${flow('f1', 'start', 'wait')}
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  ${flow('f2', 'wait', 'paid')}<bpmn:receiveTask id="paid" messageRef="paid-message"/>
  ${flow('f3', 'paid', 'end')}<bpmn:endEvent id="end"/>`,
  `<bpmn:message id="paid-message" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`,
);
