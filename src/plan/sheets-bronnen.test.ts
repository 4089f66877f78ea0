import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { buildWorkbookPlan, SHEETS } from '.';
import type { CellValue, SheetPlan, WorkbookPlan } from '.';

const plans = new Map<string, WorkbookPlan>();
function plan(editie: string): WorkbookPlan {
  const cached = plans.get(editie);
  if (cached) return cached;
  const p = buildWorkbookPlan(editionInput(editie), { key: 'spuk-2025', gemeente: 'GM0034' as CbsCode });
  plans.set(editie, p);
  return p;
}

function sheet(p: WorkbookPlan, name: string): SheetPlan {
  const s = p.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/**
 * Every constant row of a sheet (value blocks), as arrays of cells; a record that Bronnen flows over
 * several rows (a long text goes on a line per row below it, its first cell empty there) read as one
 * row again, its lines joined with a space.
 */
function valueRows(s: SheetPlan): (readonly CellValue[])[] {
  return s.blocks.flatMap((b) => {
    if (b.kind !== 'values') return [];
    // Rows kept as they are (a test finds its block by the row), a flowed record as a new row.
    const out: (readonly CellValue[])[] = [];
    for (const row of b.values) {
      const prev = out[out.length - 1];
      if (prev && row[0] === '' && row.length === prev.length && row.some((c) => c !== ''))
        out[out.length - 1] = prev.map((p, i) => {
          const c = row[i];
          return c === '' || c === null || c === undefined ? p : p === '' ? c : `${String(p)} ${String(c)}`;
        });
      else out.push(row);
    }
    return out;
  });
}

/** The rows of a sheet whose cells include every given text (as a whole cell or inside one). */
function rowsWith(s: SheetPlan, ...texts: string[]): (readonly CellValue[])[] {
  return valueRows(s).filter((r) =>
    texts.every((t) => r.some((c) => typeof c === 'string' && c.includes(t))),
  );
}

describe('Bronnen: the rules cite the regeling, the assumptions stand apart', () => {
  it('every rule row names the regeling and says the article was not read (none was)', () => {
    const bronnen = sheet(plan('vws-2026-04'), SHEETS.bronnen);
    const rules = rowsWith(bronnen, 'Stcrt. 2023, 4245, artikel niet gelezen');
    expect(rules.map((r) => r[1])).toEqual([
      'Schuifruimte (hoofdthema)',
      'Per onderdeel',
      'Overheveling 2023 → 2024 (per onderdeel)',
      'Overheveling 2025 → 2026 (totaal)',
      'Cofinanciering (informatie; onderdeel 2)',
    ]);
    expect(
      rowsWith(bronnen, 'Stcrt. 2023, 19964, artikel niet gelezen').map((r) => [r[1], r[2], r[4]]),
    ).toEqual([
      ['Overheveling 2023 → 2024 (totaal)', '0%', 'praktijk, 1 december 2023'],
      ['Overheveling 2024 → 2025 (totaal)', '0%', 'aanname, 6 december 2026'],
      ['Overheveling 2025 → 2026 (totaal)', '0%', 'aanname, 6 december 2026'],
    ]);
  });

  it('the SPUK IZA carry-over assumption is listed as an assumption, with Haarlemmermeer named', () => {
    const bronnen = sheet(plan('vws-2026-04'), SHEETS.bronnen);
    const aannames = rowsWith(bronnen, 'Aanname, geen bron');
    // In the rule table and again in the table of assumptions (five columns).
    const own = aannames.filter((r) => r.length === 5);
    expect(own.map((r) => r.slice(0, 4))).toEqual([
      ['SPUK IZA', 'Overheveling 2024 → 2025 (totaal)', '0%', '2024'],
      ['SPUK IZA', 'Overheveling 2025 → 2026 (totaal)', '0%', '2025'],
    ]);
    expect(String(own[1]?.[4])).toContain('hevelde Haarlemmermeer € 562.000');
  });

  it('BRC cofinanciering 60 % and the SPUK AZWA 0 % are information with their source', () => {
    const bronnen = sheet(plan('vws-2026-04'), SHEETS.bronnen);
    const rows = rowsWith(bronnen, 'Cofinanciering (informatie');
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Brede SPUK', '60%', '2023–2026'],
      ['SPUK AZWA', '0%', '2027–2029'],
    ]);
    expect(String(rows[0]?.[6])).toContain('Gemeenten moeten zelf 60% bijdragen in de kosten');
  });
});

describe('Landelijk: cofinanciering as information, the BBV status per regeling and year', () => {
  it('the cofinanciering lines name the onderdeel, the years, the share and the source', () => {
    const landelijk = sheet(plan('vws-2026-04'), SHEETS.landelijk);
    const rows = rowsWith(landelijk, 'eigen bijdrage van de gemeente');
    expect(rows).toHaveLength(2);
    expect(String(rows[0]?.[0])).toMatch(
      /^Brede SPUK, Brede Regeling Combinatiefuncties \(buurtsportcoaches\), 2023–2026: 60% eigen bijdrage van de gemeente \(praktijk, 14 december 2022\)/,
    );
    // Information, never a warning: no warning format on its cells.
    const block = landelijk.blocks.find((b) => b.kind === 'values' && b.values.some((r) => r === rows[0]));
    expect(block?.kind === 'values' ? block.at : '').toMatch(/^B\d+$/);
    const at = block?.kind === 'values' ? block.at : '';
    expect(landelijk.formats.filter((f) => f.style === 'warning' && f.range.split(':')[0] === at)).toEqual(
      [],
    );
  });

  it('per regeling: incidenteel in its years, "na eindjaar" after (2030 too); the flag has an effect on the SPUK AZWA in 2030', () => {
    const landelijk = sheet(plan('vws-2026-04'), SHEETS.landelijk);
    const status = (naam: string) =>
      valueRows(landelijk).find((r) => r[0] === naam && r.includes('incidenteel'));
    expect(status('Brede SPUK')?.slice(1)).toEqual([
      'incidenteel',
      'incidenteel',
      'incidenteel',
      'incidenteel',
      'na eindjaar',
      'na eindjaar',
      'na eindjaar',
      'na eindjaar',
    ]);
    expect(status('SPUK AZWA')?.slice(1)).toEqual([
      '',
      '',
      '',
      '',
      'incidenteel',
      'incidenteel',
      'incidenteel',
      'na eindjaar',
    ]);
    const flags = landelijk.validations.filter((v) => v.prompt.startsWith('BBV'));
    expect(flags.map((v) => (v.type === 'list' ? [] : [v.min, v.max]))).toEqual([[0, 2030]]);
    expect(flags[0]?.prompt).not.toContain('Geen effect bij SPUK AZWA');
    // Excel refuses a prompt over 255 characters.
    expect(flags[0]?.prompt.length).toBeLessThanOrEqual(255);
  });
});
