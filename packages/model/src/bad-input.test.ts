import { describe, expect, it } from 'vitest';
import {
  definitions,
  executableProcess,
  expectDiagnostic,
  onlyProcess,
  parse,
  startToEnd,
} from '../test/bpmn-document';
import { parseBpmn } from './index';

describe('bad input is refused with a diagnostic, never an exception', () => {
  it.each(['', '   \n\t  '])('refuses an empty document (%j) with EMPTY_DOCUMENT', async (xml) => {
    const outcome = await parse(xml);

    expect(outcome.ok).toBe(false);
    expectDiagnostic(outcome, 'EMPTY_DOCUMENT', undefined);
  });

  it('refuses a 50 MB document with DOCUMENT_TOO_LARGE, giving its size and the limit', async () => {
    // given a BPMN document of 50 MB (default limit 16 MiB)
    const xml = executableProcess(`<bpmn:documentation>${'a'.repeat(50 * 1024 * 1024)}</bpmn:documentation>`);

    // when parsed
    const outcome = await parse(xml);

    // then it is refused before any XML is read
    expect(outcome.ok).toBe(false);
    const { message } = expectDiagnostic(outcome, 'DOCUMENT_TOO_LARGE', undefined);
    expect(message).toContain('50.0 MB');
    expect(message).toContain('16.0 MB');
  });

  it('counts UTF-8 bytes, not characters, against maxBytes', async () => {
    // given 600 "é" (1,200 bytes in UTF-8) and a 1,000-byte limit
    const xml = definitions(`<bpmn:process id="p" name="${'é'.repeat(600)}" />`);

    // when parsed with that limit
    const outcome = await parseBpmn(xml, { maxBytes: 1000 + xml.length - 600 });

    // then the document is too large, although it has fewer characters than the limit
    expectDiagnostic(outcome, 'DOCUMENT_TOO_LARGE', undefined);
  });

  it('refuses a "billion laughs" entity expansion with DOCTYPE_FORBIDDEN', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="p" name="&lol9;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>`;

    const outcome = await parse(xml);

    expect(outcome.ok).toBe(false);
    const { message } = expectDiagnostic(outcome, 'DOCTYPE_FORBIDDEN', undefined);
    expect(message).toContain('line 2');
    expect(message).toMatch(/billion laughs/);
  });

  it('refuses an external entity (XXE) with DOCTYPE_FORBIDDEN', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="p" name="&xxe;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>`;

    const outcome = await parse(xml);

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'DOCTYPE_FORBIDDEN', undefined).message).toMatch(/external entities/);
    expect(JSON.stringify(outcome)).not.toContain('root:');
  });

  it('refuses XML that is not well-formed with MALFORMED_XML, naming line and column', async () => {
    const xml = definitions('<bpmn:process id="p" isExecutable="true">\n  <bpmn:startEvent id="s">\n</bpmn:process>');

    const outcome = await parse(xml);

    expect(outcome.ok).toBe(false);
    const { message } = expectDiagnostic(outcome, 'MALFORMED_XML', undefined);
    expect(message).toMatch(/line 5, column \d+/);
    expect(message).toContain('closing tag mismatch');
  });

  it('refuses text that is not XML at all with MALFORMED_XML', async () => {
    expectDiagnostic(await parse('this is not a BPMN file'), 'MALFORMED_XML', undefined);
  });

  it('reports BPMN content in the wrong place as MALFORMED_XML', async () => {
    // given an event definition directly inside a process
    const outcome = await parse(executableProcess(`${startToEnd()}<bpmn:timerEventDefinition id="lost" />`));

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'MALFORMED_XML', undefined).message).toContain(
      'unrecognized element <bpmn:timerEventDefinition>',
    );
  });

  it('refuses HTML with NOT_BPMN', async () => {
    const outcome = await parse('<html><body><p>Hello</p></body></html>');

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'NOT_BPMN', undefined).message).toContain('<html>');
  });

  it('refuses a DMN document with NOT_BPMN and says to deploy it as .dmn', async () => {
    const xml =
      '<?xml version="1.0"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="D"><decision id="x" /></definitions>';

    const outcome = await parse(xml);

    expect(expectDiagnostic(outcome, 'NOT_BPMN', undefined).message).toContain('.dmn');
  });

  it('refuses <bpmn:definitions> in a draft BPMN namespace with NOT_BPMN, naming the right namespace', async () => {
    const xml =
      '<bpmn:definitions xmlns:bpmn="http://schema.omg.org/spec/BPMN/2.0"><bpmn:process id="p" /></bpmn:definitions>';

    expect(expectDiagnostic(await parse(xml), 'NOT_BPMN', undefined).message).toContain(
      'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
    );
  });

  it('warns with UNKNOWN_ATTRIBUTE about a BPMN attribute that does not exist, and ignores it', async () => {
    const outcome = await parse(
      executableProcess(startToEnd()).replace('isExecutable="true"', 'isExecutable="true" implementation="java"'),
    );

    expect(outcome.ok).toBe(true);
    expect(expectDiagnostic(outcome, 'UNKNOWN_ATTRIBUTE', 'process').message).toContain('implementation');
  });

  it('accepts BPMN in the default namespace and a leading byte order mark', async () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">' +
      '<process id="p" isExecutable="true"><startEvent id="s" /></process></definitions>';

    expect(onlyProcess(await parse(xml)).startEventId).toBe('s');
  });

  it('turns an internal failure into PARSER_FAILURE instead of throwing', async () => {
    // given options whose getter throws, standing in for any bug inside the parser
    const options = {
      get maxBytes(): number {
        throw new Error('boom');
      },
    };

    const outcome = await parseBpmn(executableProcess(startToEnd()), options);

    expect(outcome.ok).toBe(false);
    expect(expectDiagnostic(outcome, 'PARSER_FAILURE', undefined).message).toContain('boom');
  });

  it.each([
    ['a lone "<"', '<'],
    ['an unterminated declaration', '<?xml'],
    ['an unterminated root', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'],
    ['a NUL character', '\u0000'],
    ['a lone surrogate', definitions('<bpmn:process id="p" name="\uD800" />')],
    ['an attribute without quotes', definitions('<bpmn:process id=p isExecutable="true" />')],
    [
      'an unknown entity',
      definitions('<bpmn:process id="p" name="&nope;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>'),
    ],
    [
      'deeply nested unknown elements',
      definitions(`${'<x:a xmlns:x="urn:x">'.repeat(20000)}${'</x:a>'.repeat(20000)}`),
    ],
    ['a not-a-string value', 42 as unknown as string],
  ])('answers %s with diagnostics or a model, without throwing', async (_, xml) => {
    const outcome = await parse(xml);

    expect(outcome.ok || outcome.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
