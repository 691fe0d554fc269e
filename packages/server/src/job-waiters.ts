import type { CommittedStep } from '@operon/runtime';

/**
 * Long polling for external workers: an activate request that finds no job waits here until a
 * commit creates a job of its type, or a recheck is due (jobs whose backoff ended or whose lease
 * expired are not announced by a commit), or its request timeout ends.
 */
export class JobWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();
  /** Set on shutdown: waits end at once. */
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  constructor(private readonly recheckMs = 1_000) {}

  /** Resolves when a job of the type may be available, or after `timeoutMs` (whichever is first). */
  wait(type: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.waiting.get(type) ?? new Set();
      this.waiting.set(type, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.waiting.delete(type);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, Math.min(timeoutMs, this.recheckMs)));
      waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  observe(steps: readonly CommittedStep[]): void {
    for (const step of steps) {
      for (const effect of step.effects) {
        if (effect.type === 'activate-job') this.notify(effect.job.type);
      }
    }
  }

  notify(type: string): void {
    for (const wake of [...(this.waiting.get(type) ?? [])]) wake();
  }

  /** Shutdown: wakes every waiter (they answer with what they have, usually nothing) and waits no more. */
  close(): void {
    this.closed = true;
    for (const type of [...this.waiting.keys()]) this.notify(type);
  }
}
