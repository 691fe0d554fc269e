import { FormEditor } from '@bpmn-io/form-js';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { api, ApiError } from '../api/api-client';
import type { Diagnostic, ProcessDefinition } from '../api/operon-resources';
import { ErrorMessage } from '../components/error-message';
import { NEW_DIAGRAM, NEW_FORM } from '../diagram/new-diagram';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';

interface DeploymentAnswer {
  readonly definitions: readonly ProcessDefinition[];
}

interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  values?: ModdleElement[];
  extensionElements?: ModdleElement;
}
interface Shape {
  readonly id: string;
  readonly type: string;
  readonly businessObject: ModdleElement;
}
interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
  updateModdleProperties(element: Shape, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}
interface Moddle {
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
}
interface Selection {
  get(): Shape[];
  select(element: Shape): void;
}

type Tab = 'diagram' | 'form';

function download(name: string, content: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Links the selected user task to a form: its zeebe:formDefinition gets `formId`. */
function linkForm(modeler: BpmnModeler, formId: string): boolean {
  const element = modeler.get<Selection>('selection').get()[0];
  if (element?.type !== 'bpmn:UserTask') return false;
  const modeling = modeler.get<Modeling>('modeling');
  const moddle = modeler.get<Moddle>('moddle');
  let extensions = element.businessObject.extensionElements;
  if (!extensions) {
    extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements: extensions });
  }
  const existing = (extensions.values ?? []).find((value) => value.$type === 'zeebe:FormDefinition');
  if (existing) {
    modeling.updateModdleProperties(element, existing, { formId });
  } else {
    const definition = moddle.create('zeebe:FormDefinition', { formId });
    modeling.updateModdleProperties(element, extensions, { values: [...(extensions.values ?? []), definition] });
  }
  return true;
}

const VALIDATION_DELAY_MS = 600;

/** The service's diagnostics for the modeller's current diagram; undefined when they cannot be had. */
async function validate(instance: BpmnModeler): Promise<readonly Diagnostic[] | undefined> {
  try {
    const { xml } = await instance.saveXML();
    const answer = await api.post<{ diagnostics: Diagnostic[] }>('/api/v1/models/validate', { xml: xml ?? '' });
    return answer.diagnostics;
  } catch {
    return undefined; // offline or signed out: the deploy button still reports everything
  }
}

export function ModelerPage() {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const modeler = useRef<BpmnModeler | undefined>(undefined);
  const formEditor = useRef<FormEditor | undefined>(undefined);
  const fileName = useRef('diagram.bpmn');
  const [tab, setTab] = useState<Tab>('diagram');
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const [deployed, setDeployed] = useState<readonly ProcessDefinition[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current || !formRef.current) return;
    const instance = new BpmnModeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        ZeebeBehaviorsModule,
      ],
      moddleExtensions: { zeebe: zeebeModdle },
    });
    const editor = new FormEditor({ container: formRef.current });
    modeler.current = instance;
    formEditor.current = editor;
    instance.importXML(NEW_DIAGRAM).catch((reason: unknown) => setError(reason));
    // Live validation: the service's diagnostics for the model, a moment after each change.
    let pending: ReturnType<typeof setTimeout> | undefined;
    instance.on('commandStack.changed', () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        void validate(instance).then((found) => {
          if (found) setDiagnostics(found);
        });
      }, VALIDATION_DELAY_MS);
    });
    editor.importSchema(NEW_FORM).catch((reason: unknown) => setError(reason));
    return () => {
      clearTimeout(pending);
      instance.destroy();
      editor.destroy();
      modeler.current = undefined;
      formEditor.current = undefined;
    };
  }, []);

  useEffect(() => {
    const instance = modeler.current;
    if (!instance) return;
    const canvas = instance.get<Canvas>('canvas');
    const registry = instance.get<ElementRegistry>('elementRegistry');
    const marked = diagnostics.filter((d) => d.elementId !== undefined && registry.get(d.elementId));
    for (const d of marked) canvas.addMarker(d.elementId ?? '', `op-diagnostic-${d.severity}`);
    return () => {
      for (const d of marked) canvas.removeMarker(d.elementId ?? '', `op-diagnostic-${d.severity}`);
    };
  }, [diagnostics]);

  useEffect(() => {
    if (tab === 'diagram') modeler.current?.get<Canvas>('canvas').resized();
  }, [tab]);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setError(undefined);
    setNotice(undefined);
    try {
      for (const file of files) {
        const text = await file.text();
        if (/\.form$/i.test(file.name) || /\.json$/i.test(file.name)) {
          await formEditor.current?.importSchema(JSON.parse(text) as Record<string, unknown>);
        } else {
          await modeler.current?.importXML(text);
          modeler.current?.get<Canvas>('canvas').zoom('fit-viewport');
          fileName.current = file.name;
        }
      }
      setDiagnostics([]);
      setDeployed([]);
      setNotice(t('modeler.opened', { files: files.map((file) => file.name).join(', ') }));
    } catch (reason) {
      setError(reason);
    }
  };

  const saveDiagram = async () => {
    const saved = await modeler.current?.saveXML({ format: true });
    if (saved?.xml !== undefined) download(fileName.current, saved.xml, 'application/xml');
  };
  const saveForm = () => {
    const schema = formEditor.current?.saveSchema() as { id?: string } | undefined;
    if (schema) download(`${schema.id ?? 'form'}.form`, JSON.stringify(schema, null, 2), 'application/json');
  };
  const link = () => {
    const schema = formEditor.current?.saveSchema() as { id?: string } | undefined;
    const instance = modeler.current;
    if (!instance || schema?.id === undefined) return;
    setNotice(linkForm(instance, schema.id) ? t('modeler.linked', { formId: schema.id }) : t('modeler.selectUserTask'));
  };

  const deploy = async () => {
    const instance = modeler.current;
    if (!instance) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    setDiagnostics([]);
    try {
      const { xml } = await instance.saveXML({ format: true });
      const body = new FormData();
      body.append('name', fileName.current);
      body.append(
        'resources',
        new Blob([xml ?? ''], { type: 'application/xml' }),
        fileName.current.replace(/\.xml$/i, '.bpmn'),
      );
      const schema = formEditor.current?.saveSchema() as { id?: string; components?: unknown[] } | undefined;
      if (schema?.id !== undefined && (xml ?? '').includes(`formId="${schema.id}"`)) {
        body.append('resources', new Blob([JSON.stringify(schema)], { type: 'application/json' }), `${schema.id}.form`);
      }
      const answer = await api.upload<DeploymentAnswer>('/api/v1/deployments', body);
      setDeployed(answer.definitions);
    } catch (reason) {
      if (reason instanceof ApiError && reason.code === 'MODEL_INVALID') {
        const resources = (reason.details.resources ?? []) as { diagnostics?: Diagnostic[] }[];
        setDiagnostics(resources.flatMap((resource) => resource.diagnostics ?? []));
      }
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const selectElement = (elementId: string | undefined) => {
    const instance = modeler.current;
    const element =
      elementId === undefined ? undefined : instance?.get<ElementRegistry>('elementRegistry').get(elementId);
    if (instance && element) {
      setTab('diagram');
      instance.get<Selection>('selection').select(element as unknown as Shape);
    }
  };

  return (
    <section aria-labelledby="modeler-title" className="op-modeler">
      <h1 id="modeler-title">{t('modeler.title')}</h1>
      <div className="op-toolbar">
        <label className="op-file-button">
          {t('modeler.open')}
          <input type="file" accept=".bpmn,.xml,.form,.json" multiple onChange={(event) => void open(event)} />
        </label>
        <button type="button" className="op-secondary" onClick={() => void saveDiagram()}>
          {t('modeler.saveDiagram')}
        </button>
        <button type="button" className="op-secondary" onClick={saveForm}>
          {t('modeler.saveForm')}
        </button>
        <button type="button" className="op-secondary" onClick={link}>
          {t('modeler.linkForm')}
        </button>
        <button type="button" onClick={() => void deploy()} disabled={busy}>
          {t('modeler.deploy')}
        </button>
      </div>
      <div role="status" className="op-status-line">
        {notice}
        {deployed.map((definition) => (
          <span key={definition.definitionKey}>
            {t('modeler.deployed', { process: definition.processId, version: definition.version })}{' '}
            <a href={href('processes', definition.definitionKey)}>{t('modeler.openProcess')}</a>
          </span>
        ))}
      </div>
      <ErrorMessage error={error} />
      {diagnostics.length > 0 && (
        <ul className="op-list op-diagnostics" aria-label={t('modeler.diagnostics')}>
          {diagnostics.map((d, index) => (
            <li key={index} className={`op-diagnostic-${d.severity}`}>
              <button type="button" className="op-link-button" onClick={() => selectElement(d.elementId)}>
                {d.elementId ?? t('modeler.model')}
              </button>
              : {d.message} <code>{d.code}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="op-tabs" role="group" aria-label={t('modeler.editors')}>
        <button type="button" aria-pressed={tab === 'diagram'} onClick={() => setTab('diagram')}>
          {t('modeler.diagramTab')}
        </button>
        <button type="button" aria-pressed={tab === 'form'} onClick={() => setTab('form')}>
          {t('modeler.formTab')}
        </button>
      </div>
      <div className="op-modeler-body" hidden={tab !== 'diagram'}>
        <div ref={canvasRef} className="op-modeler-canvas" />
        <div ref={panelRef} className="op-properties" aria-label={t('modeler.properties')} role="region" />
      </div>
      <div ref={formRef} className="op-form-editor" hidden={tab !== 'form'} />
    </section>
  );
}
