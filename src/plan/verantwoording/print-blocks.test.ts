/**
 * What the Verantwoording and Besteding print (#18, review of Zwolle's pages): the per-onderdeel block
 * starts a page with its title and header (not the title at the foot of one page and the rows on the
 * next), says where its figures come from ("uit blad Besteding": formulas, not input), and its key
 * column (the onderdeel numbers) is kept for the add-in but not shown; the H35B block and the SiSa
 * opgave start a page; Besteding names the onderdelen instead of printing "12." and "12".
 * The plan only (no engine): the sheets' values, formats and page breaks.
 */
import { STYLES, parseRange, SHEETS } from '..';
import type { SheetPlan, WorkbookPlan } from '..';
import { H, ONDERDELEN, perOnderdeel, zwollePlan } from './zwolle-fixture';

const CSV =
  [
    H,
    ...ONDERDELEN.map(
      (nr) =>
        `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${perOnderdeel(nr, 2023)};${perOnderdeel(nr, 2024)};;;;;;;`,
    ),
    'Brede SPUK;;Ontschot;;GGD;incidenteel;;;2035253;1732939;;;;;',
  ].join('\n') + '\n';

const plan: WorkbookPlan = zwollePlan(CSV);
const sheet = (name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
};

/** Every written value of `s` by "row:col" (1-based). */
function cells(s: SheetPlan): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of s.blocks) {
    if (b.kind !== 'values') continue;
    const tl = parseRange(b.at);
    b.values.forEach((line, r) => line.forEach((v, c) => out.set(`${tl.top + r}:${tl.left + c}`, v)));
  }
  return out;
}
/** The rows whose column A text matches `re`. */
const rowsOf = (s: SheetPlan, re: RegExp): number[] =>
  [...cells(s)]
    .filter(([k, v]) => k.endsWith(':1') && typeof v === 'string' && re.test(v))
    .map(([k]) => Number(k.split(':')[0]));
/** The number format the sheet's formats give cell (row, col) last. */
const formatAt = (s: SheetPlan, row: number, col: number): string | undefined => {
  let out: string | undefined;
  for (const f of s.formats) {
    const r = parseRange(f.range);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
      out = STYLES[f.style].numberFormat ?? out;
  }
  return out;
};

describe('Verantwoording: the per-onderdeel block prints whole and says where it comes from (#18)', () => {
  const v = sheet(SHEETS.verantwoording);
  const [title] = rowsOf(v, /^Brede SPUK: besteding per onderdeel/);

  it('is titled "uit blad Besteding" (its cells read Besteding), and starts a printed page', () => {
    expect(cells(v).get(`${title}:1`)).toBe(
      'Brede SPUK: besteding per onderdeel (2023, 2024; uit blad Besteding)',
    );
    expect(v.pageBreaks).toContain(title);
    // The header right under the title, the first onderdeel under it: on the same page.
    expect(cells(v).get(`${(title ?? 0) + 1}:1`)).toBe('Onderdeel');
    expect(String(cells(v).get(`${(title ?? 0) + 2}:1`))).toMatch(/^1\. /);
    const name = plan.names.find((n) => n.name === 'Invoer_Besteding_Onderdelen_Brede_SPUK');
    expect(name?.input).toBe(false);
    expect(name?.comment).toContain('uit het blad Besteding');
  });

  it('keeps the onderdeel numbers (the key of the named range) but does not show them', () => {
    const name = plan.names.find((n) => n.name === 'Invoer_Besteding_Onderdelen_Brede_SPUK');
    const key = parseRange((name?.keyRef ?? '').split('!')[1]?.replace(/\$/g, '') ?? 'A1');
    expect(key.bottom - key.top + 1).toBe(ONDERDELEN.length);
    for (let row = key.top; row <= key.bottom; row++) {
      expect(cells(v).get(`${row}:${key.left}`)).toBe(ONDERDELEN[row - key.top]);
      expect(formatAt(v, row, key.left)).toBe(';;;');
    }
  });

  it('starts the H35B block and the SiSa opgave on a page of their own', () => {
    const [h35b] = rowsOf(v, /doorbetaald aan en besteed door medeoverheden/);
    const [sisa] = rowsOf(v, /^SiSa-opgave /);
    expect(v.pageBreaks).toEqual(expect.arrayContaining([h35b, sisa]));
  });
});

describe('Besteding: the onderdelen by name, their number not twice (#18)', () => {
  const b = sheet(SHEETS.besteding);
  it('prints "12. Eén tegen Eenzaamheid (lokale coalities)" in column A, the number in C a hidden key', () => {
    const rows = rowsOf(b, /^\d+\. \S/);
    expect(rows).toHaveLength(ONDERDELEN.length);
    const all = cells(b);
    const labels = rows.map((r) => all.get(`${r}:1`));
    expect(labels).toContain('12. Eén tegen Eenzaamheid (lokale coalities)');
    // No label is a bare number ("12.") any more; column C keeps the number for the SUMIFS, not shown.
    expect(rowsOf(b, /^\d+\.$/)).toEqual([]);
    rows.forEach((r, i) => {
      expect(all.get(`${r}:3`)).toBe(ONDERDELEN[i]);
      expect(formatAt(b, r, 3)).toBe(';;;');
    });
  });
});
