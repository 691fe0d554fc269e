// Smoke test over the corpora's fixtures: whatever a test/resources/*.bpmn contains, parseBpmn answers with a
// model or with error diagnostics, and never throws or fails internally. Per-file results are in docs/conformance.md.
import { DEPLOY_CHECKS } from '../../src/index';
import { parseBpmn } from '@operon/model';
import { describe, expect, it } from 'vitest';
import { corporaPresent, readCorpusFile, resourceModels, warnIfCorporaAbsent } from './corpus';

warnIfCorporaAbsent('the corpus resource smoke test');
const resources = corporaPresent ? resourceModels() : [];

describe.skipIf(!corporaPresent)('bpmn-elements and bpmn-engine test/resources', () => {
  it('has the 72 + 34 fixtures', () => {
    expect(resources.filter((r) => r.corpus === 'bpmn-elements')).toHaveLength(72);
    expect(resources.filter((r) => r.corpus === 'bpmn-engine')).toHaveLength(34);
  });

  it.each(resources.map((r) => [`${r.corpus}/${r.path}`, r] as const))(
    '%s: a model or error diagnostics, never a crash',
    async (_, resource) => {
      // given a fixture written for bpmn-elements
      const xml = readCorpusFile(resource.corpus, resource.path);

      // when parsed
      const outcome = await parseBpmn(xml, DEPLOY_CHECKS);

      // then it is a model, or refused with at least one error; never an internal failure
      expect(outcome.ok || outcome.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(outcome.diagnostics.filter((d) => d.code === 'PARSER_FAILURE')).toEqual([]);
    },
  );
});
