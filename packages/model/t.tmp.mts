import { readXml } from './src/read-xml';
import { buildModel } from './src/build-model';
import { DiagnosticList } from './src/diagnostic-list';
import { readWarnings } from './src/moddle-warnings';
import { ExpressionReader } from './src/expression-reader';
import { contentHash } from './src/content-hash';
import { deepFreeze } from './src/deep-freeze';
const n = 40000;
let body = '<bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t0"/>';
for (let i = 0; i < n; i++) body += `<bpmn:serviceTask id="t${i}" name="Task number ${i}"><bpmn:extensionElements><zeebe:taskDefinition type="job-${i % 10}" retries="=retries"/><zeebe:ioMapping><zeebe:input source="=order.items[${i % 5}]" target="item"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask><bpmn:sequenceFlow id="f${i + 1}" sourceRef="t${i}" targetRef="${i + 1 < n ? 't' + (i + 1) : 'end'}"/>`;
const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d"><bpmn:process id="p" isExecutable="true">${body}<bpmn:endEvent id="end"/></bpmn:process></bpmn:definitions>`;
for (let round = 0; round < 2; round++) {
let t = performance.now();
const h = contentHash(xml); console.log('hash', Math.round(performance.now() - t)); t = performance.now();
const r = await readXml(xml); console.log('read', Math.round(performance.now() - t)); t = performance.now();
if (!r.ok) throw 1;
const d = new DiagnosticList();
const m = buildModel(r.definitions, h, { diagnostics: d, references: readWarnings(r.warnings, d), expressions: new ExpressionReader(d, undefined) });
console.log('build', Math.round(performance.now() - t)); t = performance.now();
deepFreeze(m); console.log('freeze', Math.round(performance.now() - t));
}
