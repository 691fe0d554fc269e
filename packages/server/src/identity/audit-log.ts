import { randomUUID } from 'node:crypto';
import type { IdentityStore } from '@operon/store';

/** Appends audit events: who did what to what, and when. Keys sort by time. */
export class AuditLog {
  constructor(
    private readonly identity: IdentityStore,
    private readonly tenantId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async record(actor: string, action: string, target?: string, details: Record<string, unknown> = {}): Promise<void> {
    const at = this.now();
    await this.identity.appendAudit({
      tenantId: this.tenantId,
      auditKey: `${at.toString().padStart(15, '0')}-${randomUUID()}`,
      at,
      actor,
      action,
      target,
      details,
    });
  }
}
