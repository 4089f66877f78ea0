// Entry point of the `spuk-begroting` command (bundled to dist/cli.js).
import { renderXlsx } from '../xlsx';
import { runCli } from './cli';
import { nodeIo, watchOutput } from './node-io';

watchOutput(process.stdout);

runCli(process.argv.slice(2), nodeIo, renderXlsx).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Interne fout: ${error instanceof Error ? error.message : String(error)}\nMeld dit als issue, met de opdracht die u gaf.\n`,
    );
    process.exitCode = 3;
  },
);
