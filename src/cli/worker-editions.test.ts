import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { defaultReferenceData, registerEditionFolder, registeredEditionFolders } from '../data';
import type { CbsCode } from '../domain';
import { builtInKey } from '../domain';
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';
import type { BatchJob, BatchRendererFactory, FileResult } from './werkmappen';
import type { FromWorker } from './worker-pool';

/**
 * `werkboek --alle --edities-map DIR` on worker threads: a new thread knows only the shipped
 * editions, so the job carries the folders (`BatchJob.editieMappen`) and each thread registers them
 * (`setupJob`). A real worker is impractical in jest (it runs the bundled dist/cli.js); a fresh
 * module registry (jest.isolateModulesAsync) has the module state a new thread starts with.
 */
const DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'editions', 'proef-2030');
const GEMEENTE = 'GM0034' as CbsCode;

function folderFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(DIR))
    if (name !== 'edition.json') out[name] = readFileSync(join(DIR, name), 'utf8');
  return out;
}

/** A renderer that writes the sheet names of the plan (what the test needs: a plan was made). */
const names: BatchRendererFactory = async () => ({
  render: async (plan) => new TextEncoder().encode(plan.sheets.map((s) => s.name).join(',')),
});

/** Runs `use` on the modules as a new worker thread has them. */
async function inFreshThread<T>(
  use: (m: {
    werkmappen: typeof import('./werkmappen');
    pool: typeof import('./worker-pool');
    data: typeof import('../data');
  }) => Promise<T>,
): Promise<T> {
  let out: T | undefined;
  await jest.isolateModulesAsync(async () => {
    out = await use({
      werkmappen: await import('./werkmappen'),
      pool: await import('./worker-pool'),
      data: await import('../data'),
    });
  });
  return out as T;
}

describe('werkboek --alle --edities-map: the edition folder reaches the worker threads', () => {
  let job: BatchJob;
  beforeAll(() => {
    // The main thread, as `--edities-map` leaves it (src/cli/editions-folder.ts) and as cli.ts makes the job.
    registerEditionFolder({
      dir: DIR,
      manifest: JSON.parse(readFileSync(join(DIR, 'edition.json'), 'utf8')),
      files: folderFiles(),
    });
    job = {
      editie: 'proef-2030',
      key: builtInKey('spuk-2025', defaultReferenceData()),
      editieMappen: registeredEditionFolders(),
    };
  });

  it('the main thread hands the registered folder to the job as plain data', () => {
    expect(job.editieMappen?.map((f) => f.dir)).toEqual([DIR]);
    expect(structuredClone(job)).toEqual(job);
  });

  it('a new thread does not know the edition by itself', async () => {
    expect(await inFreshThread(async ({ data }) => data.isEditionId('proef-2030'))).toBe(false);
  });

  it('the serial producer in a new thread makes the workbook of the folder’s edition', async () => {
    const results = await inFreshThread(async ({ werkmappen }) => {
      const out: [CbsCode, FileResult][] = [];
      await werkmappen.serialProducer(names)(job, [GEMEENTE], (c, r) => out.push([c, r]));
      return out;
    });
    expect(results.map(([c, r]) => [c, 'error' in r ? r.error : 'bytes'])).toEqual([[GEMEENTE, 'bytes']]);
  }, 120_000);

  it('the worker side sets the job up and answers each gemeente with its workbook', async () => {
    const posted = await inFreshThread(async ({ pool, data }) => {
      const out: FromWorker[] = [];
      const handle = pool.workerHandler(names, (m) => out.push(m));
      await handle({ job });
      expect(data.isEditionId('proef-2030')).toBe(true);
      await handle({ code: GEMEENTE });
      return out;
    });
    expect(posted.map((m) => [m.code, 'error' in m ? m.error : 'bytes'])).toEqual([[GEMEENTE, 'bytes']]);
  }, 120_000);

  it('the CLI puts the folder of --edities-map into the job, and a new thread makes its workbooks', async () => {
    const files: Record<string, string> = {
      'proef/edition.json': readFileSync(join(DIR, 'edition.json'), 'utf8'),
    };
    for (const [name, text] of Object.entries(folderFiles())) files[`proef/${name}`] = text;
    const c = captureIo(files);
    const jobs: BatchJob[] = [];
    const code = await runCli(
      ['werkboek', '--alle', '--edities-map', 'proef', '--editie', 'proef-2030', '--uit', 'uit'],
      { ...c.io, pathKind: (p) => (p === 'uit' ? 'directory' : undefined) },
      async () => new Uint8Array(),
      async (j, codes, onFile) => {
        jobs.push(j);
        for (const x of codes) onFile(x, { bytes: new Uint8Array() });
      },
    );
    expect([code, c.err()]).toEqual([0, expect.stringContaining('editie proef-2030')]);
    expect(jobs.map((j) => j.editieMappen?.map((f) => f.manifest))).toEqual([
      [expect.objectContaining({ id: 'proef-2030' })],
    ]);
    const cliJob = jobs[0] as BatchJob;
    const posted = await inFreshThread(async ({ pool }) => {
      const out: FromWorker[] = [];
      const handle = pool.workerHandler(names, (m) => out.push(m));
      await handle({ job: structuredClone(cliJob) });
      await handle({ code: GEMEENTE });
      return out;
    });
    expect(posted.map((m) => [m.code, 'error' in m ? m.error : 'bytes'])).toEqual([[GEMEENTE, 'bytes']]);
  }, 120_000);

  it('a job without its folder fails in a new thread, naming the edition', async () => {
    const { editieMappen: _folders, ...bare } = job;
    const posted = await inFreshThread(async ({ pool }) => {
      const out: FromWorker[] = [];
      const handle = pool.workerHandler(names, (m) => out.push(m));
      await handle({ job: bare });
      await handle({ code: GEMEENTE });
      return out;
    });
    expect(posted).toHaveLength(1);
    expect(posted[0] && 'error' in posted[0] ? posted[0].error : '').toMatch(/proef-2030/);
  }, 120_000);
});
