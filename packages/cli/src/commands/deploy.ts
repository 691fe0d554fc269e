import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliUsageError, ExitCode } from '../cli-error';
import { startProgress } from '../remote/progress';
import type { RemoteContext } from '../remote/remote-command';
import { formatTable } from '../remote/text-table';

const DEPLOYABLE = ['.bpmn', '.dmn', '.form', '.schema.json'];

/** `operon deploy FILES... [--name NAME]`: one deployment bundle of every file, refused whole on an error. */
export async function deploy(context: RemoteContext): Promise<ExitCode> {
  const paths = context.words;
  if (paths.length === 0) {
    throw new CliUsageError(`operon deploy: give the files to deploy (${DEPLOYABLE.join(', ')}).`);
  }
  for (const path of paths) {
    if (!DEPLOYABLE.some((extension) => path.endsWith(extension))) {
      throw new CliUsageError(`operon deploy: ${path} is not one of ${DEPLOYABLE.join(', ')}.`);
    }
  }
  const { client } = await context.connect();
  const progress = startProgress('reading', paths.length);
  try {
    const files = [];
    for (const path of paths) {
      const content = await readFile(path, 'utf8').catch(() => {
        throw new CliUsageError(`operon deploy: cannot read ${path}.`);
      });
      files.push({ name: basename(path), content });
      progress.step(basename(path));
    }
    progress.wait(`deploying ${files.length} file${files.length === 1 ? '' : 's'}`);
    const deployment = await client.deploy(files, context.flags.name);
    progress.done();
    context.output(deployment, () => [
      `Deployed ${deployment.name} (deployment ${deployment.deploymentKey}):`,
      ...formatTable(
        [
          { header: 'PROCESS', cell: (definition) => definition.processId },
          { header: 'VERSION', cell: (definition) => definition.version },
          { header: 'DEFINITION', cell: (definition) => definition.definitionKey },
        ],
        deployment.definitions,
      ),
    ]);
    return ExitCode.ok;
  } finally {
    progress.done();
  }
}
