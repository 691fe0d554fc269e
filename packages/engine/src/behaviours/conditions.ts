import { evaluateExpression } from '@operon/feel';
import { IncidentType } from '../instance-state';
import { completeElement, lifecycle } from '../lifecycle';
import type { Processing } from '../processing';
import { catchOf, triggerCatch } from './catch-events';
import { openConditionWait } from './event-waits';
import { raiseIncident } from './incidents';
import { visibleVariables } from './variable-scope';

/** Rounds of re-evaluation per command: a trigger may change variables that trigger another condition. */
const MAX_ROUNDS = 100;

/**
 * Conditional events (BPMN 2.0.2 §10.5.4): after a command, while it changed variables or opened waits, every
 * waiting condition is evaluated against the variables its holder sees. One that became true triggers: a
 * conditional catch event completes, a boundary event or event sub-process starts (a non-interrupting one
 * keeps waiting, now satisfied, until the condition turns false and true again). A condition that fails to
 * evaluate is an incident on its holder.
 */
export function settleConditions(p: Processing, eventsBefore: number): void {
  let checkedUpTo = eventsBefore;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // the common case, no conditional event waiting, costs one check
    if (Object.keys(p.draft.conditionWaits).length === 0) return;
    const changed = p.events
      .slice(checkedUpTo)
      .some((event) => event.type === 'variables-set' || event.type === 'condition-wait-opened');
    checkedUpTo = p.events.length;
    if (!changed) return;
    for (const wait of Object.values(p.draft.conditionWaits)) {
      const current = p.draft.conditionWaits[wait.key];
      const holder = p.element(wait.elementInstanceKey);
      if (!current || !holder || holder.incidentKey !== undefined) continue;
      const variables = visibleVariables(p, holder.key);
      const result = evaluateExpression(wait.condition, variables, { now: p.context.now });
      if (!result.ok) {
        raiseIncident(
          p,
          holder,
          IncidentType.expression,
          `The condition '${wait.condition}' of '${wait.elementId}' failed: ${result.error.message}.`,
        );
        continue;
      }
      const satisfied = result.value === true;
      if (satisfied === current.satisfied) continue;
      if (!satisfied) {
        p.emit({ type: 'condition-evaluated', waitKey: wait.key, satisfied });
        continue;
      }
      p.emit({ type: 'condition-triggered', waitKey: wait.key, variables: {} });
      const caught = catchOf(p, holder, wait.elementId);
      if (!caught) {
        completeElement(p, holder.key);
      } else {
        if (!caught.interrupting) {
          openConditionWait(p, { kind: 'conditional', condition: wait.condition }, holder, wait.elementId, true);
        }
        triggerCatch(p, lifecycle(p), caught, {});
      }
      p.drain();
    }
  }
}
