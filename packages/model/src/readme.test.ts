// STYLE.md rule 11: the code registry and its documentation stay in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticCode } from './index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documented = [...readme.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((match) => match[1]);

describe('README diagnostic codes', () => {
  it('documents every code of DiagnosticCode, and no other', () => {
    expect([...documented].sort()).toEqual(Object.values(DiagnosticCode).sort());
  });
});
