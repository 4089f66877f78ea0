/**
 * LibreOffice as the second oracle for the Samenvatting's block "Mutaties voor de eigen begroting"
 * (issue #18): Zwolle with the sample begroting (voorbeelden/begroting.csv), recalculated by
 * LibreOffice from a workbook without cached results, shows exactly the lines the CLI writes with
 * `begroting --invoer voorbeelden/begroting.csv --gemeente Zwolle --formaat mutaties` (texts and
 * figures × € 1.000), and every formula cell of the Samenvatting equals the engine's value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/io';
import { editionInput } from '../../src/data';
import { parseBegrotingCsv } from '../../src/data/begroting-input';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { comparePlan } from './compare-plan';
import { calcValue, parseCsv } from './csv-cells';
import { recalculateToCsv, SOFFICE_TIMEOUT_MS, stripCachedResults } from './soffice';

const ROOT = path.resolve(__dirname, '../..');
const HEADER = 'Omschrijving (bedragen × € 1.000)';

/** The CLI's mutaties (stdout, not a file: no BOM), as lines of fields. */
async function cliMutaties(): Promise<string[][]> {
  let out = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: () => undefined,
    readFile: (p) => {
      try {
        return fs.readFileSync(path.join(ROOT, p));
      } catch {
        return undefined;
      }
    },
    writeFileAtomic: () => undefined,
    pathKind: () => undefined,
    errIsTty: false,
    outIsFile: false,
  };
  const argv = [
    'begroting',
    '--invoer',
    'voorbeelden/begroting.csv',
    '--gemeente',
    'Zwolle',
    '--formaat',
    'mutaties',
  ];
  await runCli(argv, io, async () => new Uint8Array());
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
}

it(
  'LibreOffice recalculates the mutations block of Zwolle to the CLI figures (voorbeelden/begroting.csv)',
  async () => {
    const input = editionInput('vws-2026-04');
    const file = fs.readFileSync(path.join(ROOT, 'voorbeelden', 'begroting.csv'));
    const begroting = parseBegrotingCsv(file, { edition: input.edition });
    if (!begroting.ok) throw new Error('voorbeelden/begroting.csv unreadable');
    const plan = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      begroting: begroting.value,
    });
    const stripped = await stripCachedResults(await renderXlsx(plan));
    const csv = await recalculateToCsv(stripped.bytes, [SHEETS.samenvatting]);
    const rows = parseCsv(csv.get(SHEETS.samenvatting) ?? '');
    const only = { ...plan, sheets: plan.sheets.filter((s) => s.name === SHEETS.samenvatting) };
    const { cells, mismatches, errors } = comparePlan(only, new Map([[SHEETS.samenvatting, rows]]));
    expect(errors.slice(0, 20)).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    // Every formula cell of the Samenvatting (1,146), the block's 28 lines and helper rows included.
    expect(cells).toBeGreaterThan(1000);

    const cli = await cliMutaties();
    const [head, ...lines] = cli;
    expect(head?.[0]).toBe('Taakveld');
    expect(lines).toHaveLength(16);
    const h = rows.findIndex((r) => r[1]?.text === HEADER);
    expect(h).toBeGreaterThan(0);
    const width = head?.length ?? 0;
    const shown = rows.slice(h + 1, h + 1 + lines.length).map((r) =>
      r.slice(0, width).map((f, c) => {
        const v = calcValue(f);
        if (c < 4) return v.kind === 'text' ? v.value : v.kind === 'blank' ? '' : `?${f.text}`;
        return v.kind === 'number' ? String(v.value + 0) : `?${f.text}`;
      }),
    );
    expect(shown).toEqual(lines);
    // The correction lines (× € 1.000, 2025 and 2026): what Zwolle's money does not cover.
    const k25 = head?.indexOf('2025') ?? -1;
    const k26 = head?.indexOf('2026') ?? -1;
    expect(shown.filter((l) => l[1]?.startsWith('Niet gedekt')).map((l) => [l[0], l[k25], l[k26]])).toEqual([
      ['5.1 Sportbeleid en activering', '-267', '-235'],
      ['6.1 Samenkracht en burgerparticipatie', '0', '0'],
      ['7.1 Volksgezondheid', '-348', '-272'],
    ]);
    // The header: the CLI's columns, the unit in the Omschrijving's heading.
    expect(rows[h]?.slice(0, width).map((f) => f.text)).toEqual([
      'Taakveld',
      HEADER,
      'Inc.',
      'Struc.',
      ...(head ?? []).slice(4),
    ]);
    // The line after the last one is empty (spare lines), and the count of lines that do not fit is 0.
    expect(rows[h + 1 + lines.length]?.[1]?.text ?? '').toBe('');
    const overflow = rows.find((r) => r[0]?.text.startsWith('Regels die niet in dit blok staan'));
    expect(overflow?.[4]?.text).toBe('0');
  },
  SOFFICE_TIMEOUT_MS + 30_000,
);
