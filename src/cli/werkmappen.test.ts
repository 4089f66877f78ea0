import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { defaultEditionId, defaultReferenceData, editionInput } from '../data';
import type { CbsCode, Gemeente } from '../domain';
import { builtInKey, Ledger } from '../domain';
import { INPUT_NAMES, parseCell } from '../plan';
import { xlsxBatch } from '../xlsx';
import { runCli } from './cli';
import type { CliIo } from './io';
import type { BatchJob, FileResult, WerkmapProducer } from './werkmappen';
import { batchShared, gemeentePlan, indexColumns, serialProducer, werkmapFileName } from './werkmappen';

/** The default edition's year axis (2023–2030 for vws-2026-04). */
const AXIS = editionInput(defaultEditionId()).edition.years;

const data = defaultReferenceData();
const gemeente = (naam: string) => data.gemeenten.find((g) => g.naam === naam) as Gemeente;

interface Run {
  code: number;
  out: string;
  err: string;
  written: Map<string, Uint8Array>;
  jobs: BatchJob[];
}

/** The CLI with an in-memory folder "uit" and a producer that writes a small marker per gemeente. */
async function run(
  argv: string[],
  options: { tty?: boolean; failFor?: string; failRender?: string } = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const written = new Map<string, Uint8Array>();
  const jobs: BatchJob[] = [];
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: () => undefined,
    writeFileAtomic: (p, d) => {
      if (options.failFor !== undefined && p.includes(options.failFor)) throw new Error('EACCES');
      written.set(p, d);
    },
    pathKind: (p) => (p === 'uit' ? 'directory' : p === 'bestand.txt' ? 'file' : undefined),
    errIsTty: options.tty === true,
  };
  const produce: WerkmapProducer = async (job, codes, onFile) => {
    jobs.push(job);
    for (const code of codes)
      onFile(
        code,
        code === options.failRender ? { error: 'kapot' } : { bytes: new TextEncoder().encode(code) },
      );
  };
  const code = await runCli(argv, io, async () => new Uint8Array(), produce);
  return { code, out, err, written, jobs };
}

describe('gemeentePlan on the part a job shares', () => {
  it('is the plan made from scratch, and refuses the shared part of another job', () => {
    const job: BatchJob = { editie: defaultEditionId(), key: builtInKey('spuk-2025', data) };
    const shared = batchShared(job);
    for (const code of ['GM0034', 'GM0050'] as CbsCode[])
      expect(JSON.stringify(gemeentePlan(job, code, shared))).toBe(JSON.stringify(gemeentePlan(job, code)));
    expect(() => gemeentePlan({ ...job }, 'GM0034' as CbsCode, shared)).toThrow(RangeError);
  });
});

describe('werkmapFileName', () => {
  it('names the file with CBS code and name', () => {
    expect(werkmapFileName(gemeente('Almere'))).toBe('GM0034 Almere.xlsx');
    expect(werkmapFileName(gemeente("'s-Gravenhage"))).toBe("GM0518 's-Gravenhage.xlsx");
  });

  it('is safe on Windows for every gemeente, and unique', () => {
    const names = data.gemeenten.map(werkmapFileName);
    for (const n of names) {
      // eslint-disable-next-line no-control-regex
      expect(n).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(n).toMatch(/^GM\d{4} \S.*\S\.xlsx$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(data.gemeenten.length);
    const odd = { ...gemeente('Almere'), naam: 'A/B: "C"? <D>|E*. ' };
    expect(werkmapFileName(odd)).toBe('GM0034 A-B- -C-- -D--E-.xlsx');
  });
});

describe('spuk-begroting werkboek --alle', () => {
  it('writes one workbook per gemeente and the index, progress on stderr only', async () => {
    const r = await run(['werkboek', '--alle', '--uit', 'uit']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.written.size).toBe(data.gemeenten.length + 1);
    expect(new TextDecoder().decode(r.written.get('uit/GM0034 Almere.xlsx'))).toBe('GM0034');
    // Not a terminal: a plain line count, ten steps.
    expect(r.err).toContain('35/342 werkmappen\n');
    expect(r.err).toContain('342/342 werkmappen\n');
    expect(r.err).not.toContain('\r');
    expect(r.err).toContain('Geschreven: 342 van 342 werkmappen en index.csv in "uit"');

    // Excel-NL: a BOM (TextDecoder drops it, so read the bytes), ";" between the fields.
    expect([...(r.written.get('uit/index.csv') ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(r.written.get('uit/index.csv'));
    expect(text.split('\n')[0]).toBe(indexColumns(AXIS).join(';'));
    const csv = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(indexColumns(AXIS));
    expect(csv[0]?.slice(0, 4)).toEqual(['gemeentecode', 'gemeentenaam', 'bestand', 'eigen_2023_eur']);
    // Header, the gemeenten, and SamenTwente (no gemeente, no werkmap).
    expect(csv).toHaveLength(data.gemeenten.length + 2);
    expect(csv[csv.length - 1]?.slice(0, 3)).toEqual([
      '',
      'SamenTwente (geen gemeente; mandaathouder regio Twente)',
      '',
    ]);
    // Each column adds up to the national amount: Σ Bijlage 2A 2025 own money; SPUK IZA = Σ Bijlage 2B
    // (2023–2025: 142.900.002, 2026: 153.213.599); SPUK AZWA lokaal and regionaal = the raming.
    const column = (name: string) => {
      const i = csv[0]?.indexOf(name) ?? -1;
      return csv.slice(1).reduce((a, row) => a + Number(row[i]), 0);
    };
    expect(column('eigen_2025_eur')).toBe(310_475_334);
    expect(column('eigen_2027_eur')).toBe(231_000_000);
    expect(['2023', '2024', '2025', '2026'].map((j) => column(`als_mandaatgemeente_${j}_eur`))).toEqual([
      142_900_002, 142_900_002, 142_900_002, 153_213_599,
    ]);
    expect(['2027', '2028', '2029'].map((j) => column(`als_mandaatgemeente_${j}_eur`))).toEqual([
      194_000_000, 235_000_000, 169_000_000,
    ]);
    const almere = csv.find((row) => row[0] === 'GM0034');
    const ledger = new Ledger(editionInput(defaultEditionId()), builtInKey('spuk-2025', data));
    const totals = AXIS.map((j) => ledger.gemeenteTotal('GM0034' as CbsCode, j));
    expect(almere).toEqual([
      'GM0034',
      'Almere',
      'GM0034 Almere.xlsx',
      ...totals.map((t) => String(t.eigen)),
      ...totals.map((t) => String(t.alsMandaatgemeente)),
      'vws-2026-04',
      'spuk-2025',
      '',
    ]);
    // Almere is a mandaatgemeente: regional money in 2025.
    expect(Number(almere?.[3 + AXIS.length + 2])).toBeGreaterThan(0);
  });

  it('draws a bar on a terminal', async () => {
    const r = await run(['werkboek', '--alle', '--uit', 'uit'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.err).toContain('\r');
    expect(r.err).toContain('█'.repeat(30) + ' 342/342 werkmappen\n');
  });

  it('passes --editie and --sleutel to every workbook', async () => {
    const r = await run([
      'werkboek',
      '--alle',
      '--uit',
      'uit',
      '--editie',
      'gala-2023',
      '--sleutel',
      'inwoners',
    ]);
    expect(r.code).toBe(0);
    expect(r.jobs.map((j) => [j.editie, j.key.id])).toEqual([['gala-2023', 'inwoners']]);
    expect(r.err).toContain('editie gala-2023; sleutel inwoners');
  });

  it('passes --van to every workbook: the sheet Wat is er veranderd compares with that edition', async () => {
    const r = await run(['werkboek', '--alle', '--uit', 'uit', '--van', 'gala-2023']);
    expect(r.code).toBe(0);
    const job = r.jobs[0] as BatchJob;
    expect([job.editie, job.van]).toEqual(['vws-2026-04', 'gala-2023']);
    expect(r.err).toContain('editie vws-2026-04; vergeleken met gala-2023; sleutel spuk-2025');
    const plan = gemeentePlan(job, 'GM0034' as CbsCode, batchShared(job));
    const sheet = plan.sheets.find((sh) => sh.name === 'Wat is er veranderd');
    const a2 = sheet?.blocks.find((b) => b.kind === 'values' && b.at === 'A2');
    expect(a2?.kind === 'values' ? a2.values[0]?.[0] : undefined).toMatch(
      /^Van editie gala-2023 naar vws-2026-04,/,
    );
  });

  it.each([
    [['--uit', 'uit', '--van', 'vws-2026-04'], 'is de editie van de werkmap zelf'],
    [['--uit', 'nergens'], 'De map "nergens" bestaat niet. Maak de map eerst aan'],
    [['--uit', 'bestand.txt'], '"bestand.txt" is een bestand, geen map.'],
    [[], 'Geef met --uit de map'],
    [['--uit', 'uit', '--gemeente', 'Almere'], 'Gebruik --gemeente of --alle, niet allebei'],
    [['--uit', 'uit', '--editie', 'x'], 'x'],
  ])('refuses %j with a Dutch message, exit 2, nothing written', async (args, message) => {
    const r = await run(['werkboek', '--alle', ...args]);
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Fout: /);
    expect(r.err).toContain(message);
  });

  it('names the gemeente and the file of a partial failure, and writes the others', async () => {
    const r = await run(['werkboek', '--alle', '--uit', 'uit'], {
      failFor: 'Vlieland',
      failRender: 'GM0034',
    });
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(data.gemeenten.length - 2 + 1);
    expect(r.err).toContain('Fout: kan "uit/GM0096 Vlieland.xlsx" voor Vlieland (GM0096) niet schrijven');
    expect(r.err).toContain(
      'Fout: de werkmap van Almere (GM0034) is niet gemaakt: "uit/GM0034 Almere.xlsx" (kapot)',
    );
    expect(r.err).toContain('Geschreven: 340 van 342 werkmappen');
    const index = new TextDecoder().decode(r.written.get('uit/index.csv'));
    expect(index).not.toContain('Almere');
    expect(index).not.toContain('Vlieland');
  });
});

/** Formula cells (`<c …><f…>`) in a sheet part that have no cached value, and error values. */
function formulaProblems(xml: string): { uncached: number; errors: number; formulas: number } {
  const cells = xml.match(/<c\b[^>]*>(?:(?!<\/c>)[\s\S])*<\/c>|<c\b[^>]*\/>/g) ?? [];
  let uncached = 0;
  let errors = 0;
  let formulas = 0;
  for (const c of cells) {
    if (/\st="e"/.test(c) || /<v>#/.test(c)) errors++;
    if (!/<f[\s>/]/.test(c)) continue;
    formulas++;
    if (!/<v>[^<]*<\/v>/.test(c)) uncached++;
  }
  return { uncached, errors, formulas };
}

describe('werkboek --alle, real workbooks (a sample)', () => {
  const sample = ['GM0034', 'GM0096', 'GM0518'] as CbsCode[];
  const files = new Map<CbsCode, Uint8Array>();

  const counts: { transplanted: number; full: number }[] = [];
  beforeAll(async () => {
    const results: [CbsCode, FileResult][] = [];
    // Almere (a mandaatgemeente) and two members of a region: each workbook has its region's sheet
    // Regioverdeling (a member's planned share reads it), so one package serves all three.
    const counting = async (base: Parameters<typeof xlsxBatch>[0]) => {
      const b = await xlsxBatch(base);
      counts.push(b.counts);
      return b;
    };
    await serialProducer(counting)(
      { editie: defaultEditionId(), key: builtInKey('spuk-2025', data) },
      sample,
      (c, r) => results.push([c, r]),
    );
    for (const [c, r] of results) {
      if ('error' in r) throw new Error(`${c}: ${r.error}`);
      files.set(c, r.bytes);
    }
  }, 300_000);

  it('keeps one package per workbook shape, and no workbook needs a full render', () => {
    // Almere (a mandaatgemeente) and the two members: their Overzicht differs in layout (a member's rows
    // "ontvangen van de mandaatgemeente"), a sheet with a chart: two packages, every file transplanted.
    expect(counts).toHaveLength(2);
    expect(counts.reduce((a, c) => a + c.transplanted, 0)).toBe(3);
    expect(counts.reduce((a, c) => a + c.full, 0)).toBe(0);
  });

  it('every formula cell has a cached result and no cell holds an error', async () => {
    for (const code of sample) {
      const zip = await JSZip.loadAsync(files.get(code) as Uint8Array);
      let formulas = 0;
      for (const part of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const p = formulaProblems(await (zip.file(part) as JSZip.JSZipObject).async('string'));
        expect([code, part, p.uncached, p.errors]).toEqual([code, part, 0, 0]);
        formulas += p.formulas;
      }
      expect(formulas).toBeGreaterThan(80_000);
    }
  });

  it("opens on the file's own gemeente (ExcelJS read-back)", async () => {
    for (const code of sample) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(files.get(code) as Uint8Array) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets[0]?.name).toBe('Overzicht');
      // The chosen gemeente: the cell the name Keuze_Gemeente points at (Overzicht!C4 today).
      const ref = wb.definedNames.getRanges(INPUT_NAMES.chosen).ranges[0] ?? '';
      const [sheet, address] = ref.split('!') as [string, string];
      expect(sheet).toBe('Overzicht');
      const at = parseCell(address.replace(/\$/g, ''));
      expect(wb.getWorksheet('Overzicht')?.getCell(at.row, at.col).value).toBe(code);
      expect(wb.getWorksheet('Overzicht')?.getCell('C4').value).toBe(code);
      // No formula result anywhere is an error value.
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as ExcelJS.CellFormulaValue | null;
            if (v !== null && typeof v === 'object' && 'formula' in v && typeof v.result === 'object')
              expect([ws.name, cell.address, v.result]).toBeUndefined();
          }),
        ),
      );
    }
  });
});
