/**
 * The CLI's own shell (issue #18): `--version`, ExcelJS loaded only by the commands that write a
 * werkmap, help generated from the plan, and CSV that Excel-NL opens.
 */
import { captureIo } from '../../test/support/cli-io';
import type { WorkbookPlan } from '../plan';
import { runCli } from './cli';

async function run(argv: string[], files: Record<string, string> = {}) {
  const c = captureIo(files);
  const render = async (plan: WorkbookPlan) => new TextEncoder().encode(JSON.stringify(plan.meta));
  const code = await runCli(argv, c.io, render);
  return { code, out: c.out(), err: c.err(), written: c.written };
}

describe('spuk-begroting --version', () => {
  it('prints the version of package.json and the editions, the default marked', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^spuk-begroting 0\.1\.0\n/);
    expect(r.out).toContain('  gala-2023 (2023-01-31)\n');
    expect(r.out).toMatch(/ {2}vws-2026-04 \([0-9-]+\) standaard\n/);
    expect((await run(['versie'])).out).toBe(r.out);
  });
});

describe('ExcelJS is loaded only by the commands that write a werkmap', () => {
  it('--help, --version and edities run the entry point without loading exceljs', async () => {
    let loaded = false;
    const argv = process.argv;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const args of [['--help'], ['--version'], ['edities']]) {
        process.argv = ['node', 'cli.js', ...args];
        await jest.isolateModulesAsync(async () => {
          jest.doMock('exceljs', () => {
            loaded = true;
            return {};
          });
          await import('./main');
          // runCli is asynchronous: let it finish.
          await new Promise((r) => setTimeout(r, 50));
        });
      }
    } finally {
      process.argv = argv;
      write.mockRestore();
      process.exitCode = 0;
    }
    expect(loaded).toBe(false);
    // The same mock is seen when the renderer is asked for (the test can fail).
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        loaded = true;
        return {};
      });
      await import('../xlsx');
    });
    expect(loaded).toBe(true);
  });
});
