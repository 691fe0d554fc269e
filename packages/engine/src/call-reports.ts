import type { Command } from './command';
import type { Effect } from './effect';

/** The effects by which instances of a call tree report to one another (all but creating a child). */
export type CallReport = Extract<
  Effect,
  {
    type:
      | 'complete-call-activity'
      | 'fail-call-activity'
      | 'propagate-error'
      | 'error-not-caught'
      | 'cancel-child-instance';
  }
>;

const REPORT_TYPES: ReadonlySet<Effect['type']> = new Set([
  'complete-call-activity',
  'fail-call-activity',
  'propagate-error',
  'error-not-caught',
  'cancel-child-instance',
]);

export function isCallReport(effect: Effect): effect is CallReport {
  return REPORT_TYPES.has(effect.type);
}

/**
 * Where a call report goes and the command it becomes there: the one mapping the durable runtime and the
 * in-memory runs share. `childInstanceKey` is the child a parent-bound report speaks for (the reporting
 * instance, or the child the parent recorded); the other reports name their recipient themselves and ignore it.
 */
export function deliveryOf(
  report: CallReport,
  childInstanceKey: string,
): { readonly instanceKey: string; readonly command: Command } {
  switch (report.type) {
    case 'complete-call-activity':
      return {
        instanceKey: report.parent.instanceKey,
        command: {
          type: 'complete-call-activity',
          elementInstanceKey: report.parent.elementInstanceKey,
          childInstanceKey,
          variables: report.variables,
        },
      };
    case 'fail-call-activity':
      return {
        instanceKey: report.parent.instanceKey,
        command: {
          type: 'fail-call-activity',
          elementInstanceKey: report.parent.elementInstanceKey,
          childInstanceKey,
          message: report.message,
        },
      };
    case 'propagate-error':
      return {
        instanceKey: report.parent.instanceKey,
        command: {
          type: 'throw-error-from-child',
          elementInstanceKey: report.parent.elementInstanceKey,
          childInstanceKey,
          errorCode: report.error.code,
          errorMessage: report.error.message,
          variables: report.error.variables,
          thrower: report.thrower,
        },
      };
    case 'error-not-caught':
      return {
        instanceKey: report.thrower.instanceKey,
        command: {
          type: 'error-not-caught',
          elementInstanceKey: report.thrower.elementInstanceKey,
          errorCode: report.errorCode,
        },
      };
    case 'cancel-child-instance':
      return { instanceKey: report.childInstanceKey, command: { type: 'cancel-instance', byParent: true } };
  }
}
