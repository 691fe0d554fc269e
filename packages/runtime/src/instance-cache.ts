import type { StoredInstance } from '@operon/store';

/**
 * Recently used instance states, so a step does not re-read what this node just wrote.
 * A stale entry (another node wrote since) only costs a version conflict and a reload.
 */
export class InstanceCache {
  private readonly entries = new Map<string, StoredInstance>();

  constructor(private readonly capacity: number) {}

  get(tenantId: string, instanceKey: string): StoredInstance | undefined {
    const key = `${tenantId}/${instanceKey}`;
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(entry: StoredInstance): void {
    const key = `${entry.tenantId}/${entry.instanceKey}`;
    this.entries.delete(key);
    if (entry.state.status !== 'active') return;
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  evict(tenantId: string, instanceKey: string): void {
    this.entries.delete(`${tenantId}/${instanceKey}`);
  }
}
