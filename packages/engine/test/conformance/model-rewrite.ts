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
  /** Manual tasks the scenario expects to wait for a signal, as bpmn-elements' do: they become user tasks. */
  readonly waitingManualTasks?: readonly string[];
  /**
   * Element id → [an expression inside it as the corpus writes it (a timer, a conditional event's condition, a
   * loop condition or cardinality), its FEEL translation without the `=`].
   */
  readonly expressions?: Readonly<Record<string, readonly [corpus: string, feel: string]>>;
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
  const tag = startTagOf(xml, localNames, id);
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

/** Applies the rewrites to a corpus model's text. */
export function rewriteModel(xml: string, rewrite: Rewrite = {}): string {
  let text = withZeebeNamespace(xml);
  for (const [flowId, [expected, feel]] of Object.entries(rewrite.conditions ?? {})) {
    text = replaceExpression(text, 'sequenceFlow', flowId, expected, feel);
  }
  for (const [id, [expected, feel]] of Object.entries(rewrite.expressions ?? {})) {
    text = replaceExpression(text, '\\w+', id, expected, feel);
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
  return text;
}
