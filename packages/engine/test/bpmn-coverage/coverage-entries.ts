// The source of docs/bpmn-coverage.md: every BPMN 2.0.2 flow element and event definition, section by section.
// To change a row, edit its entry in the section's file; then rewrite the document with write-bpmn-coverage.ts.
import { BOUNDARY_EVENT_ENTRIES } from './boundary-event-entries';
import type { CoverageSection } from './coverage-entry';
import { END_EVENT_ENTRIES } from './end-event-entries';
import { GATEWAY_ENTRIES } from './gateway-entries';
import { INTERMEDIATE_EVENT_ENTRIES } from './intermediate-event-entries';
import { MARKER_ENTRIES } from './marker-entries';
import { MULTIPLE_EVENT_ENTRIES } from './multiple-event-entries';
import { START_EVENT_ENTRIES } from './start-event-entries';
import { SUB_PROCESS_ENTRIES } from './sub-process-entries';
import { TASK_ENTRIES } from './task-entries';

export const BPMN_COVERAGE: readonly CoverageSection[] = [
  { title: 'Tasks', entries: TASK_ENTRIES },
  { title: 'Sub-processes', entries: SUB_PROCESS_ENTRIES },
  { title: 'Gateways', entries: GATEWAY_ENTRIES },
  {
    title: 'Events',
    entries: [
      ...START_EVENT_ENTRIES,
      ...INTERMEDIATE_EVENT_ENTRIES,
      ...BOUNDARY_EVENT_ENTRIES,
      ...END_EVENT_ENTRIES,
      ...MULTIPLE_EVENT_ENTRIES,
    ],
  },
  { title: 'Markers', entries: MARKER_ENTRIES },
];
