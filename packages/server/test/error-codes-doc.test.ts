import { readFileSync } from 'node:fs';
import { ErrorCodes } from '@operon/runtime';
import { describe, expect, it } from 'vitest';

/** docs/errors.md lists every code of the registry, with its status and message (STYLE.md rule 11). */
describe('docs/errors.md', () => {
  const document = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  // Table rows: | `CODE` | status | message | (prettier pads the cells).
  const documented = document
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [code = '', status = '', message = ''] = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim());
      return { code: code.replaceAll('`', ''), status: Number(status), message: message.replaceAll('\\|', '|') };
    });

  it('lists every code of the registry, in its order, with its status and message', () => {
    const registry = Object.entries(ErrorCodes).map(([code, { status, message }]) => ({ code, status, message }));
    expect(documented).toEqual(registry);
  });
});
