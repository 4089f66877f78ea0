/**
 * `werkboek --alle` keeps a folder to one consistent run (issue #17 item 10), on a real folder in the
 * temp dir with a stub producer (a few bytes per gemeente; the rendering is tested in werkmappen.test.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultReferenceData } from '../data';
import type { CbsCode } from '../domain';
import { LOCK_FILE, RUN_FILE, writeErrorReason } from './batch-folder';
import { runCli } from './cli';
import type { CliIo, FolderIo } from './io';
import { nodeFolder, nodeIo } from './node-io';
import type { WerkmapProducer } from './werkmappen';
import { workerProducer } from './worker-pool';

const N = defaultReferenceData().gemeenten.length;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-batch-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stub: WerkmapProducer = async (job, codes, onFile, _shape, signal) => {
  for (const code of codes) {
    if (signal?.aborted) return;
    onFile(code, { bytes: new TextEncoder().encode(`${job.editie} ${code}`) });
  }
};

async function run(
  argv: string[],
  options: { produce?: WerkmapProducer; io?: Partial<CliIo>; folder?: Partial<FolderIo> } = {},
) {
  let out = '';
  let err = '';
  const io: CliIo = {
    ...nodeIo,
    out: (t) => (out += t),
    err: (t) => (err += t),
    errIsTty: false,
    folder: { ...nodeFolder, ...options.folder },
    ...options.io,
  };
  const code = await runCli(
    ['werkboek', '--alle', '--uit', dir, ...argv],
    io,
    async () => new Uint8Array(),
    options.produce ?? stub,
  );
  return { code, out, err };
}

const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const workbooks = () => fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx'));

describe('a folder holds one run', () => {
  it('writes the edition, the key and the lock-free folder; a second run of the same edition may rewrite it', async () => {
    const first = await run([]);
    expect(first.code).toBe(0);
    expect(workbooks()).toHaveLength(N);
    const index = read('index.csv')
      .replace(/^\uFEFF/, '')
      .split('\n');
    expect(index[0]?.endsWith(';editie;sleutel;van')).toBe(true);
    expect(index[1]).toMatch(/^GM\d{4};.*;vws-2026-04;spuk-2025;$/);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, RUN_FILE))).toBe(false);
    expect((await run([])).code).toBe(0);
  });

  it('refuses a run of another edition into the folder, and replaces it with --vervang', async () => {
    expect((await run([])).code).toBe(0);
    const before = read('GM0034 Almere.xlsx');
    const other = await run(['--editie', 'vws-2025-09']);
    expect(other.code).toBe(2);
    expect(other.err).toBe(
      `Fout: de map "${dir}" bevat ${N} werkmappen van een andere run (editie vws-2026-04, sleutel spuk-2025). Kies met --uit een lege map, of vervang ze met --vervang.\n`,
    );
    expect(read('GM0034 Almere.xlsx')).toBe(before);
    expect(read('index.csv')).toContain(';vws-2026-04;');
    const vervang = await run(['--editie', 'vws-2025-09', '--vervang']);
    expect(vervang.code).toBe(0);
    expect(read('GM0034 Almere.xlsx')).toBe('vws-2025-09 GM0034');
    expect(read('index.csv')).not.toContain(';vws-2026-04;');
    expect(workbooks()).toHaveLength(N);
  });

  it('refuses workbooks beside an older index without the edition, or without any index', async () => {
    fs.writeFileSync(path.join(dir, 'GM0034 Almere.xlsx'), 'oud');
    fs.writeFileSync(
      path.join(dir, 'index.csv'),
      'gemeentecode,gemeentenaam,bestand\nGM0034,Almere,GM0034 Almere.xlsx\n',
    );
    const r = await run([]);
    expect(r.code).toBe(2);
    // One workbook: "1 werkmap" (reviewer, session 9: not "1 werkmappen").
    expect(r.err).toBe(
      `Fout: de map "${dir}" bevat 1 werkmap van een run waarvan de editie onbekend is. Kies met --uit een lege map, of vervang ze met --vervang.\n`,
    );
    fs.rmSync(path.join(dir, 'index.csv'));
    expect((await run([])).err).toContain('bevat 1 werkmap van een run waarvan de editie onbekend is');
    expect(read('GM0034 Almere.xlsx')).toBe('oud');
  });

  it('refuses a second run while the first runs (the lock of a live process), takes over a dead one', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const lock = {
        pid: child.pid,
        gestart: '2026-12-06T12:00:00.000Z',
        editie: 'vws-2026-04',
        sleutel: 'spuk-2025',
      };
      fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(lock));
      const r = await run([]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `Fout: in de map "${dir}" loopt al een run (proces ${child.pid}, gestart 2026-12-06T12:00:00.000Z, editie vws-2026-04, sleutel spuk-2025). Wacht tot die klaar is, of kies met --uit een andere map.\n`,
      );
      expect(workbooks()).toHaveLength(0);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    // The same lock of a process that no longer runs (killed): the run goes on and cleans its .tmp.
    fs.writeFileSync(path.join(dir, `.GM0034 Almere.xlsx.${child.pid}.tmp`), 'half');
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('two runs at once into one folder: one writes, the other is refused', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow: WerkmapProducer = async (job, codes, onFile, shape, signal) => {
      await gate;
      await stub(job, codes, onFile, shape, signal);
    };
    const pids = new Set([4_000_001, 4_000_002]);
    const folder = (pid: number) => ({ pid, processAlive: (p: number) => pids.has(p) });
    const first = run([], { produce: slow, folder: folder(4_000_001) });
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const second = await run(['--editie', 'vws-2025-09'], { folder: folder(4_000_002) });
    release();
    expect(second.code).toBe(2);
    expect(second.err).toContain('loopt al een run (proces 4000001');
    expect((await first).code).toBe(0);
    expect(read('index.csv')).toContain(';vws-2026-04;');
  });
});

describe('a folder that takes no files', () => {
  const fail = (code: string, after = 0) => {
    let n = 0;
    return (p: string, d: Uint8Array) => {
      if (n++ >= after) throw Object.assign(new Error(`${code}: raw English text`), { code });
      fs.writeFileSync(p, d);
    };
  };

  it('a read-only folder: one Dutch line, exit 2, nothing written', async () => {
    const erofs = () => {
      throw Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    };
    const r = await run([], { folder: { createExclusive: erofs }, io: { writeFileAtomic: erofs } });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `Fout: kan niet schrijven in de map "${dir}" (de map is alleen-lezen). Kies met --uit een map waarin u mag schrijven.\n`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a disk that fills up: stops with one Dutch line, claims no index, removes the lock', async () => {
    const r = await run([], { io: { writeFileAtomic: fail('ENOSPC', 5) } });
    expect(r.code).toBe(2);
    const lines = r.err
      .trim()
      .split('\n')
      .filter((l) => !/^\d+\/\d+ werkmappen/.test(l));
    expect(lines).toEqual([
      `Fout: kan niet verder schrijven in de map "${dir}": de schijf is vol. 5 van ${N} werkmappen zijn geschreven; index.csv is niet geschreven. Maak ruimte of kies met --uit een andere map, en draai de opdracht opnieuw.`,
    ]);
    expect(r.err).not.toMatch(/ENOSPC|raw English/);
    expect(workbooks()).toHaveLength(5);
    expect(fs.existsSync(path.join(dir, 'index.csv'))).toBe(false);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // After making room, the same command runs again (the marker names the run of the 5 workbooks).
    expect(JSON.parse(read(RUN_FILE))).toEqual({ editie: 'vws-2026-04', sleutel: 'spuk-2025' });
    const again = await run([]);
    expect(again.code).toBe(0);
    expect(workbooks()).toHaveLength(N);
    expect(fs.existsSync(path.join(dir, RUN_FILE))).toBe(false);
  });

  it("Ctrl+C: the cleanup removes this run's .tmp files and the lock, and says the folder is incomplete", async () => {
    let cleanup: () => void = () => undefined;
    const interrupted: WerkmapProducer = async (job, codes, onFile, shape, signal) => {
      await stub(job, codes.slice(0, 3), onFile, shape, signal);
      fs.writeFileSync(path.join(dir, `.GM0050 Zeewolde.xlsx.${process.pid}.tmp`), 'half');
      cleanup();
    };
    const r = await run([], {
      produce: interrupted,
      folder: { onInterrupt: (c) => ((cleanup = c), () => undefined) },
    });
    expect(r.err).toContain(
      `Afgebroken: 3 van ${N} werkmappen geschreven in "${dir}"; index.csv is niet geschreven, de map is onvolledig. Draai de opdracht opnieuw.`,
    );
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(r.code).toBe(2);
  });
});

describe('a rerun after Ctrl+C (reviewer, session 8)', () => {
  /** A rerun into the complete folder of `first` that Ctrl+C stops after `n` workbooks (the process then exits). */
  async function interruptedRerun(n: number) {
    let cleanup: () => void = () => undefined;
    const interrupted: WerkmapProducer = async (job, codes, onFile, shape, signal) => {
      await stub(job, codes.slice(0, n), onFile, shape, signal);
      fs.writeFileSync(path.join(dir, `.GM0050 Zeewolde.xlsx.${process.pid}.tmp`), 'half');
      cleanup();
      // process.exit(130) in nodeFolder.onInterrupt: nothing after the cleanup is written.
      throw new Error('exit 130');
    };
    return run([], {
      produce: interrupted,
      folder: { onInterrupt: (c) => ((cleanup = c), () => undefined) },
    }).catch((e: unknown) => e);
  }

  it("following the message's advice works: the same command completes the folder", async () => {
    expect((await run([])).code).toBe(0);
    expect(await interruptedRerun(85)).toEqual(new Error('exit 130'));
    // The old index is gone, the lock and the .tmp are removed; the marker says whose workbooks lie here.
    expect(fs.existsSync(path.join(dir, 'index.csv'))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([RUN_FILE]);
    expect(workbooks()).toHaveLength(N);
    const again = await run([]);
    expect(again.err).not.toContain('Fout');
    expect(again.code).toBe(0);
    expect(read('index.csv').trim().split('\n')).toHaveLength(N + 2);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a run of another edition is still refused after the interrupt, and --vervang replaces it', async () => {
    expect((await run([])).code).toBe(0);
    await interruptedRerun(3);
    const other = await run(['--editie', 'vws-2025-09']);
    expect(other.code).toBe(2);
    expect(other.err).toBe(
      `Fout: de map "${dir}" bevat ${N} werkmappen van een andere run (editie vws-2026-04, sleutel spuk-2025). Kies met --uit een lege map, of vervang ze met --vervang.\n`,
    );
    // The refused run leaves the marker as it was.
    expect(JSON.parse(read(RUN_FILE))).toEqual({ editie: 'vws-2026-04', sleutel: 'spuk-2025' });
    const vervang = await run(['--editie', 'vws-2025-09', '--vervang']);
    expect(vervang.code).toBe(0);
    expect(read('GM0034 Almere.xlsx')).toBe('vws-2025-09 GM0034');
    expect(fs.existsSync(path.join(dir, RUN_FILE))).toBe(false);
  });

  it("a marker newer than the index names the run (a run that removed another run's workbooks, then stopped)", async () => {
    expect((await run([])).code).toBe(0);
    // As if `--editie vws-2025-09 --vervang` removed the workbooks, set the marker, wrote 1 workbook and was killed
    // before removing the old index.
    for (const n of workbooks()) fs.rmSync(path.join(dir, n));
    fs.writeFileSync(
      path.join(dir, RUN_FILE),
      JSON.stringify({ editie: 'vws-2025-09', sleutel: 'spuk-2025' }),
    );
    fs.writeFileSync(path.join(dir, 'GM0034 Almere.xlsx'), 'vws-2025-09 GM0034');
    const same = await run([]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('van een andere run (editie vws-2025-09, sleutel spuk-2025)');
    expect((await run(['--editie', 'vws-2025-09'])).code).toBe(0);
  });
});

describe('a worker that exits', () => {
  it('without an error: its gemeenten are missing, named, and the run ends with exit 2', async () => {
    // A worker that answers its first gemeente and then exits with code 0 on the next.
    const script = path.join(dir, 'worker.js');
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
let n = 0;
parentPort.on('message', (m) => {
  if (!m.code) return;
  if (n++ === 0) parentPort.postMessage({ code: m.code, bytes: new Uint8Array([1]) });
  else process.exit(0);
});`,
    );
    const out = path.join(dir, 'uit');
    fs.mkdirSync(out);
    let err = '';
    const io: CliIo = { ...nodeIo, err: (t) => (err += t), errIsTty: false };
    const code = await runCli(
      ['werkboek', '--alle', '--uit', out],
      io,
      async () => new Uint8Array(),
      workerProducer(script, 2),
    );
    expect(code).toBe(2);
    const written = fs.readdirSync(out).filter((n) => n.endsWith('.xlsx'));
    expect(written).toHaveLength(2);
    expect(err).toContain('de werkthread stopte onverwacht (exitcode 0)');
    expect(err).toContain(`Geschreven: 2 van ${N} werkmappen en index.csv`);
    const index = fs.readFileSync(path.join(out, 'index.csv'), 'utf8').trim().split('\n');
    // The header, the two written, SamenTwente.
    expect(index).toHaveLength(4);
    expect(index.slice(1, 3).map((l) => l.split(';')[2])).toEqual(written.sort() as CbsCode[]);
  });
});

describe('werkboek into a folder that does not exist', () => {
  it('says so in Dutch before any work (no werkmap rendered), exit 2; a file as folder is named too', async () => {
    let err = '';
    let rendered = 0;
    const io: CliIo = { ...nodeIo, err: (t) => (err += t) };
    const render = async () => {
      rendered++;
      return new Uint8Array();
    };
    const geen = path.join(dir, 'geen', 'map');
    const code = await runCli(
      ['werkboek', '--gemeente', 'Vlieland', '--uit', path.join(geen, 'x.xlsx')],
      io,
      render,
    );
    expect(code).toBe(2);
    expect(err).toBe(
      `Fout: De map "${geen}" bestaat niet. Maak de map eerst aan, of kies met --uit een bestand in een bestaande map, bijvoorbeeld --uit x.xlsx.\n`,
    );
    expect(rendered).toBe(0);
    const bestand = path.join(dir, 'bestand.txt');
    fs.writeFileSync(bestand, '');
    err = '';
    expect(
      await runCli(['werkboek', '--gemeente', 'Vlieland', '--uit', path.join(bestand, 'x.xlsx')], io, render),
    ).toBe(2);
    expect(err).toBe(
      `Fout: "${bestand}" is een bestand, geen map. Kies met --uit een bestand in een bestaande map, bijvoorbeeld --uit x.xlsx.\n`,
    );
    expect(rendered).toBe(0);
    // Removed while the werkmap was made: the write error says so too, not "systeemfout ENOENT".
    expect(writeErrorReason(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))).toBe(
      'de map bestaat niet',
    );
  });
});

describe('werkboek into one file on a full disk', () => {
  it('says so in one Dutch line, exit 2', async () => {
    let err = '';
    const io: CliIo = {
      ...nodeIo,
      err: (t) => (err += t),
      writeFileAtomic: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const file = path.join(dir, 'a.xlsx');
    const code = await runCli(
      ['werkboek', '--gemeente', 'Vlieland', '--uit', file],
      io,
      async () => new Uint8Array(),
    );
    expect(code).toBe(2);
    expect(err).toBe(
      `Fout: kan "${file}" niet schrijven (de schijf is vol). Kies met --uit een andere plek, of sluit het bestand en probeer opnieuw.\n`,
    );
  });
});
