// The mechanical rewrites of a corpus model (rules in conformance-rules.ts). Every rewrite names the element it
// changes and fails loudly when the corpus text is not what the translation expects, so a translation can never
// silently apply to a model it was not written for.

export interface Rewrite {
  /**
   * Service, script or send tasks and message throw events that get `<zeebe:taskDefinition type="<id>"/>`: the
   * test plays their job worker (for a message throw event, the worker sends the message).
   */
  readonly jobs?: readonly string[];
  /** Flow id → [the condition as the corpus writes it, its FEEL translation without the `=`]. */
  readonly conditions?: Readonly<Record<string, readonly [corpus: string, feel: string]>>;
  /**
   * Flows without a condition that leave a gateway beside its default flow, which bpmn-elements takes as if a
   * condition held: they get the condition `=true`.
   */
  readonly unconditionalFlows?: readonly string[];
  /** Manual tasks the scenario expects to wait for a signal, as bpmn-elements' do: they become user tasks. */
  readonly waitingManualTasks?: readonly string[];
  /**
   * Element id → [an expression inside it as the corpus writes it (a timer, a conditional event's condition, a
   * loop condition or cardinality), its FEEL translation without the `=`].
   */
  readonly expressions?: Readonly<Record<string, readonly [corpus: string, feel: string]>>;
  /**
   * Element id → [an attribute whose value is an expression (a call activity's `calledElement`), its value as the
   * corpus writes it, its FEEL translation without the `=`].
   */
  readonly attributeExpressions?: Readonly<Record<string, readonly [attribute: string, corpus: string, feel: string]>>;
  /** Script task id → [the JavaScript as the corpus writes it, the FEEL expression, the result variable]. */
  readonly scripts?: Readonly<Record<string, readonly [corpus: string, feel: string, resultVariable: string]>>;
  /**
   * Process or sub-process id → the elements without incoming flows where bpmn-elements starts it: they get a
   * none start event with a flow to each.
   */
  readonly startEvents?: Readonly<Record<string, readonly string[]>>;
  /** Throw event id → the code its anonymous error or escalation (no code, or no reference) is given. */
  readonly codes?: Readonly<Record<string, string>>;
  /** Message catch event id → the name its anonymous message is given (with that name as correlation key). */
  readonly messageNames?: Readonly<Record<string, string>>;
  /** Signal event id → the name its anonymous signal is given. */
  readonly signalNames?: Readonly<Record<string, string>>;
  /** Message id → the FEEL correlation key (without `=`) that a named message without one is given. */
  readonly correlationKeys?: Readonly<Record<string, string>>;
  /**
   * Processes marked executable: a participant process that a message starts, which bpmn-elements runs although
   * it is not marked executable, or a called process marked `isExecutable="false"`, which bpmn-elements calls from
   * the same definitions.
   */
  readonly executable?: readonly string[];
  /** Receive task id → the name its anonymous message (no `messageRef`) is given, with that name as correlation key. */
  readonly receiveTaskMessages?: Readonly<Record<string, string>>;
  /** Gateways without an outgoing flow, where bpmn-elements ends the path: each gets a none end event after it. */
  readonly endEvents?: readonly string[];
  /**
   * Element id → output mappings (variable → FEEL without `=`) it is given: what a JavaScript extension of the
   * scenario writes to `environment.output` when the element ends, which the translated conditions read.
   */
  readonly outputs?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Multi-instance activity id → bpmn-elements' `js:` extension attributes of its loop, as the corpus writes them,
   * and their `zeebe:loopCharacteristics`: `js:collection` on the loop characteristics → the input collection (FEEL
   * without `=`) and the input element; `js:result` on the activity (its output: the list of its iterations'
   * outputs) → the output collection of that name, and the output element (FEEL without `=`) giving each
   * iteration's output.
   */
  readonly jsLoops?: Readonly<Record<string, JsLoop>>;
  /**
   * Activity id (not multi-instance) → the name in its `js:result` attribute, which is removed: the variable the
   * activity's output becomes (a script task's result variable, the variable the test's job worker completes with).
   */
  readonly jsResults?: Readonly<Record<string, string>>;
  /**
   * Script task id → [the JavaScript as the corpus writes it, variable → the FEEL (without `=`) of the value the
   * script assigns to it]: a script that only assigns variables becomes a FEEL `zeebe:script` giving the context of
   * those values (in a local result variable named after the task), and one output mapping per variable.
   */
  readonly scriptAssignments?: Readonly<
    Record<string, readonly [corpus: string, assignments: Readonly<Record<string, string>>]>
  >;
}

export interface JsLoop {
  readonly collection?: readonly [corpus: string, feel: string, inputElement: string];
  readonly result?: readonly [name: string, outputElement: string];
}

const ZEEBE_NAMESPACE = 'http://camunda.org/schema/zeebe/1.0';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeXml(text: string): string {
  return text
    .replace(/^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Corpus text as compared with a translation's expectation: decoded, with runs of white space as one space. */
function normalized(text: string): string {
  return decodeXml(text).replace(/\s+/g, ' ').trim();
}

function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface StartTag {
  readonly prefix: string;
  readonly localName: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly selfClosing: boolean;
}

/** The one start tag of an element with this id, of one of these local names (any namespace prefix). */
function startTagOf(xml: string, localNames: string, id: string): StartTag {
  const pattern = new RegExp(`<((?:[\\w.-]+:)?)(${localNames})\\b[^>]*?\\sid="${escapeRegExp(id)}"[^>]*>`, 'g');
  const matches = [...xml.matchAll(pattern)];
  const match = matches[0];
  if (matches.length !== 1 || match === undefined) {
    throw new Error(`expected one <${localNames} id="${id}"> in the corpus model, found ${matches.length}`);
  }
  const text = match[0];
  return {
    prefix: match[1] ?? '',
    localName: match[2] ?? localNames,
    start: match.index,
    end: match.index + text.length,
    text,
    selfClosing: text.endsWith('/>'),
  };
}

/** Where the element's content ends: its first closing tag (the rewritten elements do not nest in themselves). */
function closeOf(xml: string, tag: StartTag): number {
  const close = xml.indexOf(`</${tag.prefix}${tag.localName}>`, tag.end);
  if (tag.selfClosing || close === -1) throw new Error(`<${tag.localName} ...> has no content in the corpus model`);
  return close;
}

function withZeebeNamespace(xml: string): string {
  if (xml.includes(`xmlns:zeebe="${ZEEBE_NAMESPACE}"`)) return xml;
  return xml.replace(/<((?:[\w.-]+:)?)definitions\b/, (tag) => `${tag} xmlns:zeebe="${ZEEBE_NAMESPACE}"`);
}

/** Puts `extension` into the element's extensionElements, creating them (and opening a self-closing tag). */
function addExtension(xml: string, localNames: string, id: string, extension: string): string {
  return addExtensionTo(xml, startTagOf(xml, localNames, id), extension);
}

function addExtensionTo(xml: string, tag: StartTag, extension: string): string {
  const { prefix, localName } = tag;
  const body = `<${prefix}extensionElements>${extension}</${prefix}extensionElements>`;
  if (tag.selfClosing) {
    const open = `${tag.text.slice(0, -2).trimEnd()}>`;
    return `${xml.slice(0, tag.start)}${open}${body}</${prefix}${localName}>${xml.slice(tag.end)}`;
  }
  const close = closeOf(xml, tag);
  const extensions = xml.indexOf(`<${prefix}extensionElements>`, tag.end);
  if (extensions !== -1 && extensions < close) {
    const at = extensions + `<${prefix}extensionElements>`.length;
    return `${xml.slice(0, at)}${extension}${xml.slice(at)}`;
  }
  return `${xml.slice(0, tag.end)}${body}${xml.slice(tag.end)}`;
}

const JOB_ELEMENTS = 'serviceTask|scriptTask|sendTask|intermediateThrowEvent|endEvent';

function addJob(xml: string, id: string): string {
  return addExtension(xml, JOB_ELEMENTS, id, `<zeebe:taskDefinition type="${id}"/>`);
}

/** A process not marked executable, or marked `isExecutable="false"` (a called process), is marked executable. */
function markExecutable(xml: string, processId: string): string {
  const tag = startTagOf(xml, 'process', processId);
  if (/\sisExecutable="true"/.test(tag.text)) throw new Error(`process '${processId}' is already executable`);
  const open = /\sisExecutable="false"/.test(tag.text)
    ? tag.text.replace(/\sisExecutable="false"/, ' isExecutable="true"')
    : tag.text.replace(/\s*(\/?)>$/, ' isExecutable="true"$1>');
  return `${xml.slice(0, tag.start)}${open}${xml.slice(tag.end)}`;
}

/** Replaces the text of the one child element of `id` whose content is `expected` by `=feel`. */
function replaceExpression(xml: string, localNames: string, id: string, expected: string, feel: string): string {
  const tag = startTagOf(xml, localNames, id);
  const close = closeOf(xml, tag);
  const inner = xml.slice(tag.end, close);
  const children = [
    ...inner.matchAll(/<((?:[\w.-]+:)?)(\w+)\b([^>]*)>([^<]*(?:<!\[CDATA\[[\s\S]*?\]\]>)?[^<]*)<\/\1\2>/g),
  ];
  const found = children.filter((child) => normalized(child[4] ?? '') === normalized(expected));
  const child = found[0];
  if (found.length !== 1 || child === undefined) {
    const texts = children.map((c) => `\`${normalized(c[4] ?? '')}\``).join(', ');
    throw new Error(`'${id}' has no expression \`${expected}\` in the corpus model (it has ${texts || 'none'})`);
  }
  const [whole, prefix = '', name = '', attributes = ''] = child;
  const kept = attributes.replace(/\slanguage="[^"]*"/, '');
  const replacement = `<${prefix}${name}${kept}>=${encodeXml(feel)}</${prefix}${name}>`;
  const at = tag.end + child.index;
  return `${xml.slice(0, at)}${replacement}${xml.slice(at + whole.length)}`;
}

/** A flow without a condition beside its gateway's default flow, which bpmn-elements takes, gets `=true`. */
function addTrueCondition(xml: string, flowId: string): string {
  const tag = startTagOf(xml, 'sequenceFlow', flowId);
  const source = /\ssourceRef="([^"]*)"/.exec(tag.text)?.[1] ?? '';
  const gateway = startTagOf(xml, 'exclusiveGateway|inclusiveGateway', source);
  const defaultFlow = /\sdefault="([^"]*)"/.exec(gateway.text)?.[1];
  if (defaultFlow === undefined || defaultFlow === flowId) {
    throw new Error(`'${flowId}' does not leave a gateway beside its default flow in the corpus model`);
  }
  const { prefix } = tag;
  const condition = `<${prefix}conditionExpression>=true</${prefix}conditionExpression>`;
  if (tag.selfClosing) {
    const open = `${tag.text.slice(0, -2).trimEnd()}>`;
    return `${xml.slice(0, tag.start)}${open}${condition}</${prefix}sequenceFlow>${xml.slice(tag.end)}`;
  }
  if (xml.slice(tag.end, closeOf(xml, tag)).includes('conditionExpression')) {
    throw new Error(`'${flowId}' already has a condition in the corpus model`);
  }
  return `${xml.slice(0, tag.end)}${condition}${xml.slice(tag.end)}`;
}

/** Replaces the value of an attribute of the element `id`, which must be `expected`, by `=feel`. */
function replaceAttribute(xml: string, id: string, attribute: string, expected: string, feel: string): string {
  const tag = startTagOf(xml, '\\w+', id);
  const found = new RegExp(`\\s${escapeRegExp(attribute)}="([^"]*)"`).exec(tag.text);
  if (!found || decodeXml(found[1] ?? '') !== expected) {
    const actual = found ? `${attribute}="${found[1]}"` : `no ${attribute}`;
    throw new Error(`'${id}' has ${actual} in the corpus model, not ${attribute}="${expected}"`);
  }
  const open = tag.text.replace(found[0], () => ` ${attribute}="=${encodeXml(feel)}"`);
  return `${xml.slice(0, tag.start)}${open}${xml.slice(tag.end)}`;
}

function manualToUserTask(xml: string, id: string): string {
  const tag = startTagOf(xml, 'manualTask', id);
  const open = tag.text.replace(`<${tag.prefix}manualTask`, `<${tag.prefix}userTask`);
  let rest = xml.slice(tag.end);
  if (!tag.selfClosing) rest = rest.replace(`</${tag.prefix}manualTask>`, `</${tag.prefix}userTask>`);
  return `${xml.slice(0, tag.start)}${open}${rest}`;
}

/** The JavaScript script of a script task becomes a FEEL `zeebe:script` with a result variable. */
function replaceScript(xml: string, id: string, expected: string, feel: string, resultVariable: string): string {
  const tag = startTagOf(xml, 'scriptTask', id);
  const close = closeOf(xml, tag);
  const inner = xml.slice(tag.end, close);
  const script = /<((?:[\w.-]+:)?)script>([\s\S]*?)<\/\1script>/.exec(inner);
  const found = normalized(script?.[2] ?? '');
  if (!script || found !== normalized(expected))
    throw new Error(`the script of '${id}' is \`${found}\`, not \`${expected}\``);
  const open = tag.text.replace(/\sscriptFormat="[^"]*"/, '');
  const at = tag.end + script.index;
  const withoutScript = `${xml.slice(0, tag.start)}${open}${xml.slice(tag.end, at)}${xml.slice(at + script[0].length)}`;
  const extension = `<zeebe:script expression="=${encodeXml(feel)}" resultVariable="${resultVariable}"/>`;
  return addExtension(withoutScript, 'scriptTask', id, extension);
}

function addStartEvent(xml: string, scopeId: string, targets: readonly string[]): string {
  const tag = startTagOf(xml, 'process|subProcess', scopeId);
  const { prefix } = tag;
  for (const target of targets) {
    if (new RegExp(`targetRef="${escapeRegExp(target)}"`).test(xml)) {
      throw new Error(`'${target}' has an incoming flow in the corpus model`);
    }
  }
  const start = `start-${scopeId}`;
  const flows = targets.map(
    (target) => `<${prefix}sequenceFlow id="${start}-to-${target}" sourceRef="${start}" targetRef="${target}"/>`,
  );
  const added = `<${prefix}startEvent id="${start}"/>${flows.join('')}`;
  return `${xml.slice(0, tag.end)}${added}${xml.slice(tag.end)}`;
}

function addRootElement(xml: string, element: string): string {
  const close = /<\/((?:[\w.-]+:)?)definitions>\s*$/.exec(xml);
  if (!close) throw new Error('the corpus model has no closing definitions tag');
  const prefix = close[1] ?? '';
  return `${xml.slice(0, close.index)}${element.replace(/<(\/?)bpmn:/g, `<$1${prefix}`)}${xml.slice(close.index)}`;
}

/** An anonymous error or escalation gets a code: on the element it references, or on a new one. */
function addCode(xml: string, eventId: string, code: string): string {
  const tag = startTagOf(xml, 'endEvent|intermediateThrowEvent|startEvent|boundaryEvent', eventId);
  const inner = xml.slice(tag.end, tag.selfClosing ? tag.end : closeOf(xml, tag));
  const definition = /<((?:[\w.-]+:)?)(error|escalation)EventDefinition\b([^>]*?)\/?>/.exec(inner);
  if (!definition) throw new Error(`'${eventId}' has no error or escalation event definition`);
  const [whole, prefix = '', kind = 'error', attributes = ''] = definition;
  const ref = /\s(?:errorRef|escalationRef)="([^"]*)"/.exec(attributes)?.[1];
  if (ref !== undefined) {
    const root = startTagOf(xml, kind, ref);
    if (/\s(?:errorCode|escalationCode)=/.test(root.text)) throw new Error(`${kind} '${ref}' already has a code`);
    const coded = root.text.replace(/\s*\/?>$/, (end) => ` ${kind}Code="${code}"${end}`);
    return `${xml.slice(0, root.start)}${coded}${xml.slice(root.end)}`;
  }
  const rootId = `${kind}-${eventId}`;
  const at = tag.end + definition.index;
  const withRef = whole.replace(`${kind}EventDefinition`, `${kind}EventDefinition ${kind}Ref="${rootId}"`);
  const rewritten = `${xml.slice(0, at)}${withRef}${xml.slice(at + whole.length)}`;
  return addRootElement(rewritten, `<${prefix}${kind} id="${rootId}" ${kind}Code="${code}"/>`);
}

function subscription(key: string): string {
  return `<bpmn:extensionElements><zeebe:subscription correlationKey="=${encodeXml(key)}"/></bpmn:extensionElements>`;
}

/** An anonymous message or signal event gets a named message (correlated by that name) or signal. */
function nameEvent(xml: string, kind: 'message' | 'signal', eventId: string, name: string): string {
  const tag = startTagOf(
    xml,
    'boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|startEvent|endEvent',
    eventId,
  );
  const inner = xml.slice(tag.end, tag.selfClosing ? tag.end : closeOf(xml, tag));
  const definition = new RegExp(`<((?:[\\w.-]+:)?)${kind}EventDefinition\\b([^>]*?)\\/?>`).exec(inner);
  if (!definition || new RegExp(`${kind}Ref=`).test(definition[2] ?? '')) {
    throw new Error(`'${eventId}' has no anonymous ${kind}`);
  }
  const rootId = `${kind}-${eventId}`;
  const at = tag.end + definition.index;
  const withRef = definition[0].replace(`${kind}EventDefinition`, `${kind}EventDefinition ${kind}Ref="${rootId}"`);
  const rewritten = `${xml.slice(0, at)}${withRef}${xml.slice(at + definition[0].length)}`;
  const body = kind === 'message' ? subscription(JSON.stringify(name)) : '';
  return addRootElement(rewritten, `<bpmn:${kind} id="${rootId}" name="${name}">${body}</bpmn:${kind}>`);
}

function addCorrelationKey(xml: string, messageId: string, key: string): string {
  const tag = startTagOf(xml, 'message', messageId);
  if (!tag.selfClosing) throw new Error(`message '${messageId}' already has content in the corpus model`);
  const { prefix } = tag;
  const body = subscription(key).replace(/<(\/?)bpmn:/g, `<$1${prefix}`);
  const open = `${tag.text.slice(0, -2).trimEnd()}>`;
  return `${xml.slice(0, tag.start)}${open}${body}</${prefix}message>${xml.slice(tag.end)}`;
}

/** Removes the `js:<name>` attribute from a start tag, failing unless its (decoded) value is `expected`. */
function withoutJsAttribute(xml: string, tag: StartTag, name: string, expected: string): string {
  const attribute = new RegExp(`\\sjs:${name}="([^"]*)"`).exec(tag.text);
  if (!attribute || decodeXml(attribute[1] ?? '') !== expected) {
    const found = attribute ? `js:${name}="${attribute[1]}"` : `no js:${name}`;
    throw new Error(`<${tag.localName}> has ${found} in the corpus model, not js:${name}="${expected}"`);
  }
  return `${xml.slice(0, tag.start)}${tag.text.replace(attribute[0], '')}${xml.slice(tag.end)}`;
}

/** The multi-instance loop characteristics inside an activity. */
function loopTagOf(xml: string, id: string): StartTag {
  const activity = startTagOf(xml, '\\w+', id);
  const inner = xml.slice(activity.end, closeOf(xml, activity));
  const loop = /<((?:[\w.-]+:)?)multiInstanceLoopCharacteristics\b[^>]*>/.exec(inner);
  if (!loop) throw new Error(`'${id}' has no multi-instance loop characteristics in the corpus model`);
  const start = activity.end + loop.index;
  const text = loop[0];
  const [, prefix = ''] = loop;
  const localName = 'multiInstanceLoopCharacteristics';
  return { prefix, localName, start, end: start + text.length, text, selfClosing: text.endsWith('/>') };
}

/** bpmn-elements' `js:collection` and `js:result` of a multi-instance activity → its zeebe:loopCharacteristics. */
function translateJsLoop(xml: string, id: string, loop: JsLoop): string {
  let text = xml;
  const attributes: string[] = [];
  if (loop.result) {
    const [name, outputElement] = loop.result;
    text = withoutJsAttribute(text, startTagOf(text, '\\w+', id), 'result', name);
    attributes.push(`outputCollection="${name}" outputElement="=${encodeXml(outputElement)}"`);
  }
  if (loop.collection) {
    const [corpus, feel, inputElement] = loop.collection;
    text = withoutJsAttribute(text, loopTagOf(text, id), 'collection', corpus);
    attributes.unshift(`inputCollection="=${encodeXml(feel)}" inputElement="${inputElement}"`);
  }
  return addExtensionTo(text, loopTagOf(text, id), `<zeebe:loopCharacteristics ${attributes.join(' ')}/>`);
}

/** An anonymous receive task gets a named message (correlated by that name). */
function nameReceiveTask(xml: string, id: string, name: string): string {
  const tag = startTagOf(xml, 'receiveTask', id);
  if (/\smessageRef=/.test(tag.text)) throw new Error(`receive task '${id}' already has a message`);
  const rootId = `message-${id}`;
  const open = tag.text.replace(/\s*(\/?)>$/, ` messageRef="${rootId}"$1>`);
  const rewritten = `${xml.slice(0, tag.start)}${open}${xml.slice(tag.end)}`;
  const body = subscription(JSON.stringify(name));
  return addRootElement(rewritten, `<bpmn:message id="${rootId}" name="${name}">${body}</bpmn:message>`);
}

/** A gateway without an outgoing flow gets a none end event, and a flow to it, after it. */
function addEndEventAfter(xml: string, gatewayId: string): string {
  const tag = startTagOf(xml, '\\w*Gateway', gatewayId);
  if (new RegExp(`sourceRef="${escapeRegExp(gatewayId)}"`).test(xml)) {
    throw new Error(`'${gatewayId}' has an outgoing flow in the corpus model`);
  }
  const { prefix, localName } = tag;
  const after = tag.selfClosing ? tag.end : closeOf(xml, tag) + `</${prefix}${localName}>`.length;
  const end = `end-${gatewayId}`;
  const added = `<${prefix}endEvent id="${end}"/><${prefix}sequenceFlow id="${gatewayId}-to-${end}" sourceRef="${gatewayId}" targetRef="${end}"/>`;
  return `${xml.slice(0, after)}${added}${xml.slice(after)}`;
}

/** Output mappings written as `zeebe:ioMapping` outputs of the element. */
function addOutputs(xml: string, id: string, outputs: Readonly<Record<string, string>>): string {
  const mappings = Object.entries(outputs).map(
    ([target, feel]) => `<zeebe:output source="=${encodeXml(feel)}" target="${target}"/>`,
  );
  return addExtension(xml, '\\w+', id, `<zeebe:ioMapping>${mappings.join('')}</zeebe:ioMapping>`);
}

/** A script that only assigns variables → a FEEL script giving their context, and an output mapping for each. */
function replaceAssignments(xml: string, id: string, expected: string, assignments: Readonly<Record<string, string>>) {
  const entries = Object.entries(assignments);
  const context = `{${entries.map(([name, feel]) => `${name}: ${feel}`).join(', ')}}`;
  const outputs = entries.map(([name]) => `<zeebe:output source="=${id}.${name}" target="${name}"/>`);
  const scripted = replaceScript(xml, id, expected, context, id);
  return addExtension(scripted, 'scriptTask', id, `<zeebe:ioMapping>${outputs.join('')}</zeebe:ioMapping>`);
}

/** Applies the rewrites to a corpus model's text. */
export function rewriteModel(xml: string, rewrite: Rewrite = {}): string {
  let text = withZeebeNamespace(xml);
  for (const [flowId, [expected, feel]] of Object.entries(rewrite.conditions ?? {})) {
    text = replaceExpression(text, 'sequenceFlow', flowId, expected, feel);
  }
  for (const flowId of rewrite.unconditionalFlows ?? []) text = addTrueCondition(text, flowId);
  for (const [id, [expected, feel]] of Object.entries(rewrite.expressions ?? {})) {
    text = replaceExpression(text, '\\w+', id, expected, feel);
  }
  for (const [id, [attribute, expected, feel]] of Object.entries(rewrite.attributeExpressions ?? {})) {
    text = replaceAttribute(text, id, attribute, expected, feel);
  }
  for (const [id, [expected, feel, result]] of Object.entries(rewrite.scripts ?? {})) {
    text = replaceScript(text, id, expected, feel, result);
  }
  for (const id of rewrite.waitingManualTasks ?? []) text = manualToUserTask(text, id);
  for (const id of rewrite.jobs ?? []) text = addJob(text, id);
  for (const id of rewrite.executable ?? []) text = markExecutable(text, id);
  for (const [scopeId, targets] of Object.entries(rewrite.startEvents ?? {})) {
    text = addStartEvent(text, scopeId, targets);
  }
  for (const [eventId, code] of Object.entries(rewrite.codes ?? {})) text = addCode(text, eventId, code);
  for (const [eventId, name] of Object.entries(rewrite.messageNames ?? {})) {
    text = nameEvent(text, 'message', eventId, name);
  }
  for (const [eventId, name] of Object.entries(rewrite.signalNames ?? {}))
    text = nameEvent(text, 'signal', eventId, name);
  for (const [messageId, key] of Object.entries(rewrite.correlationKeys ?? {})) {
    text = addCorrelationKey(text, messageId, key);
  }
  for (const [id, [expected, assignments]] of Object.entries(rewrite.scriptAssignments ?? {})) {
    text = replaceAssignments(text, id, expected, assignments);
  }
  for (const [id, loop] of Object.entries(rewrite.jsLoops ?? {})) text = translateJsLoop(text, id, loop);
  for (const [id, name] of Object.entries(rewrite.jsResults ?? {})) {
    text = withoutJsAttribute(text, startTagOf(text, '\\w+', id), 'result', name);
  }
  for (const [id, name] of Object.entries(rewrite.receiveTaskMessages ?? {})) text = nameReceiveTask(text, id, name);
  for (const id of rewrite.endEvents ?? []) text = addEndEventAfter(text, id);
  for (const [id, outputs] of Object.entries(rewrite.outputs ?? {})) text = addOutputs(text, id, outputs);
  return text;
}
