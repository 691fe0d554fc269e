import type { CommittedStep } from '@operon/runtime';

/** One change the UI cares about, as it goes out on the server-sent-events stream. */
export type LiveEvent =
  | { readonly kind: 'instance'; readonly instanceKey: string; readonly processId: string; readonly status: string }
  | {
      readonly kind: 'incident';
      readonly change: 'raised' | 'resolved';
      readonly incidentKey: string;
      readonly instanceKey: string;
      readonly elementId?: string;
      readonly message?: string;
    }
  | {
      readonly kind: 'task';
      readonly change: 'created' | 'completed' | 'cancelled';
      readonly taskKey: string;
      readonly instanceKey: string;
      readonly elementId?: string;
    };

/** Fans committed runtime steps out to subscribers (the open `/api/v1/events` connections). */
export class EventStream {
  private readonly subscribers = new Set<(event: LiveEvent) => void>();

  subscribe(subscriber: (event: LiveEvent) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  publish(steps: readonly CommittedStep[]): void {
    if (this.subscribers.size === 0) return;
    for (const step of steps) {
      for (const event of liveEventsOf(step)) for (const subscriber of this.subscribers) subscriber(event);
    }
  }
}

export function liveEventsOf(step: CommittedStep): LiveEvent[] {
  const { instanceKey } = step;
  const out: LiveEvent[] = [
    { kind: 'instance', instanceKey, processId: step.state.processId, status: step.state.status },
  ];
  for (const event of step.events) {
    switch (event.type) {
      case 'incident-raised':
        out.push({
          kind: 'incident',
          change: 'raised',
          incidentKey: `${instanceKey}.${event.incidentKey}`,
          instanceKey,
          elementId: event.elementId,
          message: event.message,
        });
        break;
      case 'incident-resolved':
        out.push({
          kind: 'incident',
          change: 'resolved',
          incidentKey: `${instanceKey}.${event.incidentKey}`,
          instanceKey,
        });
        break;
      case 'user-task-created':
        out.push({
          kind: 'task',
          change: 'created',
          taskKey: `${instanceKey}.${event.userTask.key}`,
          instanceKey,
          elementId: event.userTask.elementId,
        });
        break;
      case 'user-task-completed':
      case 'user-task-cancelled':
        out.push({
          kind: 'task',
          change: event.type === 'user-task-completed' ? 'completed' : 'cancelled',
          taskKey: `${instanceKey}.${event.userTaskKey}`,
          instanceKey,
        });
        break;
      default:
        break;
    }
  }
  return out;
}
