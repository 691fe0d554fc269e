import type { CommittedStep } from '@operon/runtime';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one server: its own registry, so that several servers (tests) do not collide. */
export class OperonMetrics {
  readonly registry = new Registry();
  private readonly instancesStarted = new Counter({
    name: 'operon_instances_started_total',
    help: 'Process instances started.',
    labelNames: ['process_id'],
    registers: [this.registry],
  });
  private readonly instancesCompleted = new Counter({
    name: 'operon_instances_completed_total',
    help: 'Process instances that reached their end.',
    labelNames: ['process_id'],
    registers: [this.registry],
  });
  private readonly incidentsRaised = new Counter({
    name: 'operon_incidents_raised_total',
    help: 'Incidents raised.',
    labelNames: ['process_id', 'type'],
    registers: [this.registry],
  });
  private readonly jobLatency = new Histogram({
    name: 'operon_job_latency_seconds',
    help: 'From a job being created to its completion (jobs created on this node).',
    labelNames: ['type'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300, 3600],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'operon_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  /** Job creation times, by job key, until the job completes; bounded so a lost job cannot grow it. */
  private readonly jobsCreatedAt = new Map<string, { type: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {
    collectDefaultMetrics({ register: this.registry, prefix: 'operon_' });
  }

  observe(steps: readonly CommittedStep[]): void {
    const now = this.now();
    for (const step of steps) {
      const processId = step.state.processId;
      for (const event of step.events) {
        switch (event.type) {
          case 'instance-created':
            this.instancesStarted.inc({ process_id: processId });
            break;
          case 'element-completed':
            if (event.key === step.state.rootKey) this.instancesCompleted.inc({ process_id: processId });
            break;
          case 'incident-raised':
            this.incidentsRaised.inc({ process_id: processId, type: event.incidentType });
            break;
          case 'job-created':
            if (this.jobsCreatedAt.size > 100_000) this.jobsCreatedAt.clear();
            this.jobsCreatedAt.set(`${step.instanceKey}.${event.job.key}`, { type: event.job.type, at: now });
            break;
          case 'job-completed': {
            const key = `${step.instanceKey}.${event.jobKey}`;
            const created = this.jobsCreatedAt.get(key);
            if (created) this.jobLatency.observe({ type: created.type }, (now - created.at) / 1000);
            this.jobsCreatedAt.delete(key);
            break;
          }
          default:
            break;
        }
      }
    }
  }
}
