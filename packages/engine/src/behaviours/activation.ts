import type { ElementInstance } from '../instance-state';
import type { Processing } from '../processing';

/** Records that the element is now active (waiting for its work, or about to complete). */
export function markActivated(p: Processing, element: ElementInstance): void {
  p.emit({ type: 'element-activated', key: element.key, elementId: element.elementId });
}
