import { checkSyntax } from '@operon/feel';
import { describe, expect, it } from 'vitest';
import { executableProcess, parse, startToEnd } from '../test/bpmn-document';
import { parseBpmn } from './index';
import { ParseCache } from './parse-cache';

describe('parsing once per content', () => {
  it('returns the same model object for the same XML', async () => {
    // given one document
    const xml = executableProcess(startToEnd(), 'cached');

    // when it is parsed twice, once while the first parse is still running
    const [first, second] = await Promise.all([parse(xml), parse(xml)]);
    const third = await parse(xml);

    // then every caller gets the very same frozen model
    expect(first.ok && second.ok && third.ok).toBe(true);
    expect(second).toBe(first);
    expect(first.ok && third.ok && third.model).toBe(first.ok && first.model);
  });

  it('names the model by a hash of its text', async () => {
    const a = await parse(executableProcess(startToEnd(), 'a'));
    const b = await parse(executableProcess(startToEnd(), 'b'));

    expect(a.ok && a.model.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.ok && a.model.contentHash).not.toBe(b.ok && b.model.contentHash);
  });

  it('does not reuse an outcome computed with another expression checker', async () => {
    // given a condition only the real FEEL checker rejects
    const xml = executableProcess(`<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="g" default="b" />
      <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="g" />
      <bpmn:sequenceFlow id="a" sourceRef="g" targetRef="end"><bpmn:conditionExpression>= x &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="b" sourceRef="g" targetRef="end" /><bpmn:endEvent id="end" />`);

    // when parsed without checker, then with it
    const unchecked = await parseBpmn(xml);
    const checked = await parseBpmn(xml, { checkExpression: checkSyntax });

    expect(unchecked.ok).toBe(true);
    expect(checked.ok).toBe(false);
  });
});

describe('ParseCache', () => {
  it('answers only for the exact text it stored, even when keys collide', () => {
    const cache = new ParseCache<string>(10, 1000);
    cache.set('key', 'text one', 'one');

    expect(cache.get('key', 'text one')).toBe('one');
    expect(cache.get('key', 'text two')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new ParseCache<number>(2, 1000);
    cache.set('a', 'a', 1);
    cache.set('b', 'b', 2);
    cache.get('a', 'a');
    cache.set('c', 'c', 3);

    expect([cache.get('a', 'a'), cache.get('b', 'b'), cache.get('c', 'c')]).toEqual([1, undefined, 3]);
  });

  it('keeps the total length of the texts it holds under its budget', () => {
    const cache = new ParseCache<number>(10, 10);
    cache.set('a', 'aaaaaa', 1);
    cache.set('b', 'bbbbbb', 2);
    cache.set('huge', 'x'.repeat(11), 3);

    expect([cache.get('a', 'aaaaaa'), cache.get('b', 'bbbbbb'), cache.get('huge', 'x'.repeat(11))]).toEqual([
      undefined,
      2,
      undefined,
    ]);
  });
});
