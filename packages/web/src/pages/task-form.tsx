import { Form } from '@bpmn-io/form-js';
import { useEffect, useRef, useState } from 'react';
import '@bpmn-io/form-js/dist/assets/form-js.css';

/** Collects what a form submits; `errors` is empty when it is valid. */
export interface FormOutcome {
  readonly data: Record<string, unknown>;
  readonly errors: Readonly<Record<string, unknown>>;
}

/** A form-js form; `submitRef.current()` validates and returns its data. */
export function TaskFormView({
  schema,
  data,
  submitRef,
  disabled,
}: {
  schema: Record<string, unknown>;
  data: Readonly<Record<string, unknown>>;
  submitRef: { current: (() => FormOutcome) | undefined };
  disabled: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const form = useRef<Form | undefined>(undefined);

  useEffect(() => {
    const parent = container.current;
    if (!parent) return;
    // Each form gets its own element: a form destroyed by a re-render (or StrictMode) leaves nothing behind.
    const host = parent.appendChild(document.createElement('div'));
    // Without debouncing, a value typed just before another field is clicked is never lost.
    // (`debounce` is a form-js config option its types do not list.)
    const options = { container: host, debounce: false };
    const instance = new Form(options);
    form.current = instance;
    let alive = true;
    instance.importSchema(schema, { ...data }).catch((reason: unknown) => {
      if (alive) setError(reason instanceof Error ? reason.message : String(reason));
    });
    submitRef.current = () => {
      const outcome = instance.submit() as { data: Record<string, unknown>; errors: Record<string, unknown> };
      return { data: outcome.data, errors: outcome.errors };
    };
    return () => {
      alive = false;
      submitRef.current = undefined;
      instance.destroy();
      host.remove();
      form.current = undefined;
    };
  }, [schema, data, submitRef]);

  useEffect(() => {
    form.current?.setProperty('disabled', disabled);
  }, [disabled]);

  return (
    <>
      {error !== undefined && (
        <p role="alert" className="op-error">
          {error}
        </p>
      )}
      <div ref={container} className="op-form" />
    </>
  );
}
