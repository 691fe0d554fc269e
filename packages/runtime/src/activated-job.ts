import type { Variables } from '@operon/engine';
import type { JobRecord } from '@operon/store';

/** A job as a worker receives it, in Camunda 8's shape. */
export interface ActivatedJob {
  readonly jobKey: string;
  readonly type: string;
  readonly instanceKey: string;
  readonly processId: string;
  readonly elementId: string;
  readonly retries: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly variables: Variables;
  /** The lease ends here (milliseconds since the epoch); complete or fail the job before. */
  readonly deadline: number;
}

export function activatedJob(record: JobRecord): ActivatedJob {
  return {
    jobKey: record.jobKey,
    type: record.type,
    instanceKey: record.instanceKey,
    processId: record.processId,
    elementId: record.elementId,
    retries: record.retries,
    headers: record.headers,
    variables: record.variables,
    deadline: record.leaseUntil ?? 0,
  };
}
