// Rewrites docs/conformance.md: node --import tsx packages/engine/test/conformance/write-conformance-doc.ts
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { conformanceDocPath, renderConformanceDoc } from './conformance-doc';
import { corporaPresent, corporaRoot } from './corpus';

if (corporaPresent) {
  writeFileSync(conformanceDocPath, await renderConformanceDoc());
  console.log(`wrote ${conformanceDocPath}`);
} else {
  console.error(`The corpora are absent at ${corporaRoot}; ${conformanceDocPath} was left as it is.`);
  process.exitCode = 1;
}
