// Rewrites docs/bpmn-coverage.md: node --import tsx packages/engine/test/bpmn-coverage/write-bpmn-coverage.ts
import { writeFileSync } from 'node:fs';
import { bpmnCoverageDocPath, renderBpmnCoverageDoc } from './bpmn-coverage-doc';

writeFileSync(bpmnCoverageDocPath, await renderBpmnCoverageDoc());
console.log(`wrote ${bpmnCoverageDocPath}`);
