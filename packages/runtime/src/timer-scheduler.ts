import type { Store, TimerRecord } from '@operon/store';
import type { Clock } from './clock';

const POLL_MS = 1_000;
const LEASE_MS = 30_000;
const BATCH = 100;

/**
 * Fires durable timers: claims due timers from the store with a lease (so one node fires each),
 * and hands each to `fire`. After a restart, timers that fell due while Operon was down fire at once.
 */
export class TimerScheduler {
  private running = false;
  private loop: Promise<void> | undefined;
  private timeout: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ownerId: string,
    private readonly fire: (timer: TimerRecord) => Promise<unknown>,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** A timer was scheduled here: wake up early if it is due before the next poll. */
  notify(dueAt: number): void {
    if (dueAt - this.clock.now() < POLL_MS) this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let due: TimerRecord[] = [];
      try {
        due = await this.store.claimDueTimers({
          now: this.clock.now(),
          max: BATCH,
          ownerId: this.ownerId,
          leaseMs: LEASE_MS,
        });
      } catch {
        due = []; // the database is away: try again at the next poll
      }
      await Promise.allSettled(due.map((timer) => this.fire(timer)));
      if (due.length < BATCH) await this.sleep(POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(this.timeout);
        this.wakeUp = undefined;
        resolve();
      };
      this.timeout = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
