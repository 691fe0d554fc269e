// bpmn-js-properties-panel, camunda-bpmn-js-behaviors and zeebe-bpmn-moddle ship no types; the modeler
// passes these values straight to bpmn-js, which accepts modules and moddle extensions as plain objects.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';
  const ZeebeBehaviorsModule: ModuleDeclaration;
  export default ZeebeBehaviorsModule;
}
declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const zeebe: object;
  export default zeebe;
}
