/**
 * The Begrotingstoets as a controller reads it (#18): the machinery of the sources (the edition's
 * labels, the 0/1 flag of the spread, the rows of lasten without taakveld) in hidden rows, the source
 * of each plafond in words visible; and the texts about regional money fit the gemeente's role in its
 * SPUK IZA region: Zwolle and Almere are mandaatgemeente, Dalfsen, Kampen and Dronten members.
 */
import { editionInput } from '../../data';
import type { BegrotingRegel, CbsCode, Euro } from '../../domain';
import { begrotingRegels, builtInKey, Ledger, legeBegroting, regioRol, toetsBegroting } from '../../domain';
import { signaalText, signaalUitleg } from '../../messages/begroting.nl';
import { buildWorkbookPlan, parseCell, SHEETS } from '..';
import type { SheetPlan } from '..';

const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
const ZWOLLE = 'GM0193' as CbsCode;
const ALMERE = 'GM0034' as CbsCode;
const DALFSEN = 'GM0148' as CbsCode;
const KAMPEN = 'GM0166' as CbsCode;
const DRONTEN = 'GM0303' as CbsCode;

/** Every text written on the sheet, with its 1-based row and its column letter. */
function texts(sheet: SheetPlan): { row: number; col: string; text: string }[] {
  const out: { row: number; col: string; text: string }[] = [];
  for (const b of sheet.blocks) {
    if (b.kind !== 'values') continue;
    const tl = parseCell(b.at);
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === 'string')
          out.push({ row: tl.row + r, col: String.fromCharCode(64 + tl.col + c), text: v });
      }),
    );
  }
  return out;
}

function toetsOf(gemeente: CbsCode): { sheet: SheetPlan; hidden: Set<number>; visible: string[] } {
  const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente });
  const sheet = plan.sheets.find((s) => s.name === SHEETS.toets);
  if (sheet === undefined) throw new Error('no Begrotingstoets');
  const hidden = new Set((sheet.rowHeights ?? []).filter((h) => h.height === 0).map((h) => h.row));
  const visible = texts(sheet)
    .filter((t) => !hidden.has(t.row) && t.col <= 'N')
    .map((t) => t.text);
  return { sheet, hidden, visible };
}

const rowsOf = (sheet: SheetPlan, re: RegExp): number[] =>
  texts(sheet)
    .filter((t) => t.col === 'B' && re.test(t.text))
    .map((t) => t.row);

describe('the Begrotingstoets prints the source of each plafond, not its machinery (#18)', () => {
  const { sheet, hidden } = toetsOf(ZWOLLE);

  it('hides the edition’s labels, the spread’s 0/1 flag and the rows of lasten without taakveld', () => {
    const machinery = [
      ...rowsOf(sheet, /^bron volgens de editie$/),
      ...rowsOf(sheet, /^Bron van de editie als er geld is: /),
      ...rowsOf(sheet, /^Bron volgens de editie: /),
      ...rowsOf(sheet, /^Verdeeld \(1 = ja/),
      ...rowsOf(sheet, /^Zonder taakveld/),
    ];
    // 18 lines, 4 + 4 regelingen, 1 flag; without taakveld: Brede SPUK 1 + 4 runs + 5 + 4, others 1 + 4.
    expect(machinery).toHaveLength(18 + 8 + 1 + 14 + 3 * 5);
    expect(machinery.filter((r) => !hidden.has(r))).toEqual([]);
  });

  it('shows the source per line and per regeling, in words', () => {
    const shown = [
      ...rowsOf(sheet, /^Bron van het bedrag per onderdeel en regeling$/),
      ...rowsOf(sheet, /^Bron: /),
      ...rowsOf(sheet, /^Sportakkoord$/),
    ];
    // The title, 4 regelingen, and onderdeel 1 in the edition, plafond, source and carry-over blocks.
    expect(shown.length).toBeGreaterThanOrEqual(1 + 4 + 4);
    expect(shown.filter((r) => hidden.has(r))).toEqual([]);
  });
});

describe('texts about regional money fit the gemeente (#18)', () => {
  it('knows the roles: Zwolle and Almere mandaatgemeente, Dalfsen, Kampen and Dronten members', () => {
    expect([ZWOLLE, ALMERE, DALFSEN, KAMPEN, DRONTEN].map((c) => regioRol(ledger, c))).toEqual([
      'mandaatgemeente',
      'mandaatgemeente',
      'lid',
      'lid',
      'lid',
    ]);
    expect(regioRol(ledger, undefined)).toBe('geen');
  });

  /** A SPUK IZA activity of € 5.000.000 in 2025: above the plafond of every gemeente. */
  const begroting = () => {
    const regel: BegrotingRegel = {
      rij: 7,
      regeling: 'SPUK IZA',
      onderdeel: undefined,
      activiteit: 'Regionale aanpak',
      taakveld: '7.1',
      uitvoerder: 'GGD',
      aard: 'incidenteel',
      lasten: input.edition.years.map((y) => (y === 2025 ? 5_000_000 : 0) as Euro),
      andereDekking: '',
      opmerking: '',
    };
    return { ...legeBegroting(input.edition), regels: [regel] };
  };
  const plafondText = (code: CbsCode): string => {
    const t = toetsBegroting(ledger, code, begroting());
    const s = t.signalen.find((x) => x.soort === 'plafond' && x.regeling === 'SPUK IZA');
    if (s === undefined) throw new Error('no plafond signal');
    return signaalText(s, begrotingRegels(input.edition), 'werkmap');
  };

  it('the plafond signal tells a mandaatgemeente about its region, a member about what is passed on', () => {
    for (const code of [ZWOLLE, ALMERE]) {
      const text = plafondText(code);
      expect(text).toMatch(/Als mandaatgemeente toetst u regionaal geld tegen het bedrag van de regio/);
      // What it passes on to the members is named (#18: a last of the mandaatgemeente); member-only texts not.
      expect(text).toMatch(/doorgeeft aan de ledengemeenten bij de lasten/);
      expect(text).not.toMatch(/Als ledengemeente|Ontvangen van de mandaatgemeente|hoort op de begroting/);
    }
    for (const code of [DALFSEN, KAMPEN, DRONTEN]) {
      const text = plafondText(code);
      expect(text).toMatch(
        /Als ledengemeente toetst u regionaal geld tegen wat de mandaatgemeente doorgeeft/,
      );
      expect(text).not.toMatch(/Als mandaatgemeente|hoort op de begroting/);
    }
  });

  it('the explanation next to the plafond check fits the role', () => {
    const regels = begrotingRegels(input.edition);
    expect(signaalUitleg(regels, 'mandaatgemeente').plafond).not.toMatch(/als ledengemeente/i);
    expect(signaalUitleg(regels, 'mandaatgemeente').plafond).toMatch(/doorgeeft aan de ledengemeenten/);
    expect(signaalUitleg(regels, 'lid').plafond).toMatch(/als ledengemeente/);
  });

  it('Zwolle’s Begrotingstoets (mandaatgemeente) shows no member-only rows or texts; Dalfsen’s does', () => {
    const zwolle = toetsOf(ZWOLLE);
    expect(
      zwolle.visible.filter((t) => /als ledengemeente|ontvangen van de mandaatgemeente/i.test(t)),
    ).toEqual([]);
    // What Zwolle passes on to its members as planned is a row per regeling, next to its lasten (#18).
    expect(zwolle.visible.filter((t) => /^Door te geven aan de ledengemeenten: /.test(t))).toHaveLength(4);
    expect(
      zwolle.visible.filter((t) => /^Gedekt: min\(lasten, plafond na overheveling\)$/.test(t)),
    ).toHaveLength(4);
    const dalfsen = toetsOf(DALFSEN);
    expect(dalfsen.visible.filter((t) => /^Door te geven aan de ledengemeenten: /.test(t))).toEqual([]);
    expect(dalfsen.visible.filter((t) => /^Ontvangen van de mandaatgemeente: /.test(t))).toHaveLength(4);
    expect(dalfsen.visible.filter((t) => /als ledengemeente toetst u/.test(t))).toHaveLength(1);
    expect(
      dalfsen.visible.filter((t) =>
        /^Gedekt: min\(lasten, plafond na overheveling \+ ontvangen van de mandaatgemeente\)$/.test(t),
      ),
    ).toHaveLength(4);
  });
});
