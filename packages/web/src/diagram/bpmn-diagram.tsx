import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { useEffect, useRef, useState } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/** What to draw over a diagram: CSS classes per element, and small badges. */
export interface DiagramDecoration {
  readonly markers: Readonly<Record<string, readonly DiagramMarker[]>>;
  readonly badges: readonly DiagramBadge[];
}

export type DiagramMarker =
  'op-active' | 'op-completed' | 'op-incident' | 'op-selected' | 'op-heat-1' | 'op-heat-2' | 'op-heat-3' | 'op-heat-4';

export interface DiagramBadge {
  readonly elementId: string;
  readonly kind: 'active' | 'completed' | 'incidents' | 'terminated' | 'duration';
  readonly count: number;
  readonly label: string;
  /** What the badge shows instead of the count (a duration). */
  readonly text?: string;
}

/** A read-only BPMN diagram (pan and zoom) with markers and badges; `label` names it for screen readers. */
export function BpmnDiagram({
  xml,
  decoration,
  label,
  onElementClick,
}: {
  xml: string;
  decoration?: DiagramDecoration | undefined;
  label: string;
  onElementClick?: (elementId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | undefined>(undefined);
  const [imported, setImported] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const click = useRef(onElementClick);
  click.current = onElementClick;

  useEffect(() => {
    const parent = container.current;
    if (!parent) return;
    const instance = new NavigatedViewer({ container: parent });
    viewer.current = instance;
    let alive = true;
    instance.on('element.click', (event: { element: { id: string; type: string } }) => {
      if (event.element.type !== 'bpmn:Process') click.current?.(event.element.id);
    });
    instance
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        instance.get<Canvas>('canvas').zoom('fit-viewport');
        setImported((n) => n + 1);
      })
      .catch((reason: unknown) => {
        if (alive) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      alive = false;
      instance.destroy();
      viewer.current = undefined;
    };
  }, [xml]);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance || imported === 0 || !decoration) return;
    const canvas = instance.get<Canvas>('canvas');
    const overlays = instance.get<Overlays>('overlays');
    const registry = instance.get<ElementRegistry>('elementRegistry');
    const applied: [string, DiagramMarker][] = [];
    for (const [elementId, markers] of Object.entries(decoration.markers)) {
      if (!registry.get(elementId)) continue;
      for (const marker of markers) {
        canvas.addMarker(elementId, marker);
        applied.push([elementId, marker]);
      }
    }
    // One row of badges per element, straddling its bottom edge; the process itself gets none.
    const rows = new Map<string, HTMLElement>();
    for (const badge of decoration.badges) {
      const shape = registry.get(badge.elementId);
      if (!shape || shape.type === 'bpmn:Process' || badge.count === 0) continue;
      let row = rows.get(badge.elementId);
      if (!row) {
        row = document.createElement('span');
        row.className = 'op-badges';
        rows.set(badge.elementId, row);
        overlays.add(badge.elementId, 'operon-statistics', { position: { bottom: 8, left: -8 }, html: row });
      }
      const html = row.appendChild(document.createElement('span'));
      html.className = `op-badge op-badge-${badge.kind}`;
      html.textContent = badge.text ?? String(badge.count);
      html.title = badge.label;
      html.setAttribute('aria-label', badge.label);
    }
    return () => {
      for (const [elementId, marker] of applied) canvas.removeMarker(elementId, marker);
      overlays.remove({ type: 'operon-statistics' });
    };
  }, [decoration, imported]);

  return (
    <div className="op-diagram-frame">
      {error !== undefined && (
        <p role="alert" className="op-error">
          {error}
        </p>
      )}
      <div ref={container} className="op-diagram" role="group" aria-label={label} data-imported={imported > 0} />
    </div>
  );
}
