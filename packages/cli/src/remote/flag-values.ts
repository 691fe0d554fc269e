import type { RoleGrant } from '@operon/client';
import { CliUsageError } from '../cli-error';

/** `--limit 20`, `--retries 3`: a whole number in range, or a usage error naming the flag. */
export function wholeNumber(flag: string, text: string | undefined, min = 0): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new CliUsageError(`${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${text}'.`);
  }
  return Number(text);
}

/** `--role operator` or `--role operator:order-fulfilment` (narrowed to one process definition). */
export function roleGrants(roles: readonly string[] | undefined): RoleGrant[] {
  return (roles ?? []).map((text) => {
    const [role = '', processId] = text.split(':', 2);
    if (role === '' || processId === '') {
      throw new CliUsageError(`--role '${text}': give a role such as operator, or operator:PROCESS_ID.`);
    }
    return processId === undefined ? { role } : { role, processId };
  });
}

export function formatGrants(grants: readonly RoleGrant[]): string {
  if (grants.length === 0) return '-';
  return grants
    .map((grant) =>
      grant.processId === undefined || grant.processId === '*' ? grant.role : `${grant.role}:${grant.processId}`,
    )
    .join(', ');
}

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** `--ttl 60000` (milliseconds) or an ISO 8601 duration such as `PT10M` or `P1DT12H`. */
export function durationMs(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const match = ISO_DURATION.exec(text);
  if (!match || text.toUpperCase() === 'P' || text.toUpperCase().endsWith('T')) {
    throw new CliUsageError(`${flag} '${text}': give milliseconds (60000) or an ISO 8601 duration (PT10M, P1D).`);
  }
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Math.round(((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000);
}

/** `--expires 90` or `90d` (days), `P90D`, or a date (2027-01-31): whole days from now, rounded up. */
export function expiresInDays(text: string | undefined, now = Date.now()): number | undefined {
  if (text === undefined) return undefined;
  const days = /^(\d+)d?$/i.exec(text) ?? /^P(\d+)D$/i.exec(text);
  if (days?.[1] !== undefined && Number(days[1]) >= 1) return Number(days[1]);
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(date) && date > now) return Math.ceil((date - now) / 86_400_000);
  throw new CliUsageError(`--expires '${text}': give days (90, 90d, P90D) or a future date (2027-01-31).`);
}
