import * as fs from 'fs';
import * as path from 'path';
import { editionInput, parseBegrotingCsv } from '../data';
import type { BegrotingInvoer, CbsCode } from '../domain';
import {
  builtInKey,
  euro,
  doorTeGevenAanLeden,
  geplandAandeel,
  Ledger,
  REGIONALE_POSTEN,
  regioLeden,
  regioVerdeling,
  resolveScenario,
} from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, SHEETS } from '.';

/**
 * Regional money on the mandaatgemeente's Samenvatting and the member's Overzicht (#18), rendered as
 * a reviewer did: Zwolle (mandaatgemeente of IJssel-Vecht) and Dalfsen (a member) with
 * voorbeelden/begroting.csv. The domain gives each number; the formulas equal it (HyperFormula).
 */
const ZWOLLE = 'GM0193' as CbsCode;
const DALFSEN = 'GM0148' as CbsCode;
const input = editionInput('vws-2026-04');
const key = builtInKey('spuk-2025', input.base);
const years = input.edition.years;
const at = (jaar: number) => years.indexOf(jaar);

function voorbeeld(): BegrotingInvoer {
  const text = fs.readFileSync(path.join(__dirname, '../../voorbeelden/begroting.csv'), 'utf8');
  const parsed = parseBegrotingCsv(text, { edition: input.edition });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.failures));
  return parsed.value;
}

/** The rows of a sheet as HyperFormula computed them. */
function sheetRows(ev: ReturnType<typeof evaluatePlan>, sheet: string): unknown[][] {
  return ev.hf.getSheetValues(ev.hf.getSheetId(sheet) ?? -1) as unknown[][];
}

describe('doorTeGevenAanLeden (domain)', () => {
  const ledger = new Ledger(input, key);
  const regio = ledger.mandaatVan(ZWOLLE)[0];

  it("Zwolle passes on Σ of the other members' planned shares: € 2.085.723 of SPUK IZA in 2023; AZWA regionaal from 2027", () => {
    const d = doorTeGevenAanLeden(ledger, ZWOLLE);
    expect(d['SPUK IZA'][at(2023)]).toBe(2_085_723);
    expect(d['SPUK IZA'][at(2027)]).toBe(0);
    expect(d['SPUK AZWA regionaal'][at(2023)]).toBe(0);
    expect(d['SPUK AZWA regionaal'][at(2027)]).toBeGreaterThan(0);
    // The same as the members' own planned shares (`geplandAandeel`), each asked for itself.
    if (regio === undefined) throw new Error('Zwolle is a mandaatgemeente');
    const leden = regioLeden(ledger, regio.naam).leden.filter((c) => c !== ZWOLLE);
    expect(leden).toHaveLength(7);
    for (const post of REGIONALE_POSTEN)
      years.forEach((jaar, i) => {
        const som = leden.reduce((a, c) => a + (geplandAandeel(ledger, c, post, jaar)?.bedrag ?? 0), 0);
        expect([post, jaar, d[post][i]]).toEqual([post, jaar, som]);
      });
    // And the region's amount less what Zwolle keeps (its own row on Regioverdeling).
    const split = regioVerdeling(ledger, regio.naam, 2023);
    if (!split.ok) throw new Error('split');
    const eigen = split.value.delen.find((x) => x.code === ZWOLLE)?.bedrag ?? 0;
    expect(d['SPUK IZA'][at(2023)]).toBe(split.value.bedrag.bedrag - eigen);
  });

  it('is 0 for a member, nationally; the saldo of the toets subtracts it', () => {
    for (const code of [DALFSEN, undefined])
      for (const post of REGIONALE_POSTEN)
        expect(doorTeGevenAanLeden(ledger, code)[post].every((x) => x === 0)).toBe(true);
    const s = resolveScenario({ edition: input, key, gemeente: ZWOLLE, begroting: voorbeeld() });
    const t = s.toets;
    const i = at(2023);
    expect(t.saldo[i]).toBe((t.totaalBaten[i] ?? 0) - (t.totaalLasten[i] ?? 0) - 2_085_723);
    // Zwolle's own saldo in 2023: € 4.983.794 baten − € 2.085.723 door te geven.
    expect(t.totaalBaten[i]).toBe(4_983_794);
    expect(t.saldo[i]).toBe(2_898_071);
    expect(s.doorgeven).toBe(t.doorgeven);
  });

  it("the Begrotingstoets's plafond check adds what Zwolle passes on to its own regional lasten", () => {
    const basis = voorbeeld();
    const metIza = (bedrag: number) => {
      const regels = basis.regels.map((r) =>
        r.regeling === 'SPUK IZA' ? { ...r, lasten: years.map((y) => euro(y === 2023 ? bedrag : 0)) } : r,
      );
      return resolveScenario({ edition: input, key, gemeente: ZWOLLE, begroting: { ...basis, regels } })
        .toets;
    };
    // € 3.023.765 for the region in 2023, € 2.085.723 of it passed on: € 938.042 for Zwolle itself.
    expect(metIza(938_042).overschrijding['SPUK IZA'][at(2023)]).toBe(0);
    const t = metIza(1_000_000);
    expect(t.overschrijding['SPUK IZA'][at(2023)]).toBe(61_958);
    expect(t.signalen).toContainEqual({
      soort: 'plafond',
      regeling: 'SPUK IZA',
      jaar: 2023,
      bedrag: 61_958,
      rol: 'mandaatgemeente',
    });
  });
});

describe('the workbook (HyperFormula): Zwolle and Dalfsen with voorbeelden/begroting.csv', () => {
  it("Zwolle's Samenvatting: lasten 'door te geven aan de ledengemeenten' read the Regioverdeling live; the saldo is Zwolle's own", () => {
    const begroting = voorbeeld();
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, begroting });
    const s = resolveScenario({ edition: input, key, gemeente: ZWOLLE, begroting });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.samenvatting, SHEETS.regioverdeling]);
      expect(bad.slice(0, 10)).toEqual([]);
      const rows = sheetRows(ev, SHEETS.samenvatting);
      const kop = rows.findIndex((r) =>
        String(r[0]).startsWith('Lasten: door te geven aan de ledengemeenten'),
      );
      expect(kop).toBeGreaterThan(0);
      const iza = rows[kop + 1] ?? [];
      const azwa = rows[kop + 2] ?? [];
      expect(String(iza[0]).trim()).toBe('SPUK IZA');
      expect(iza.slice(4, 4 + years.length)).toEqual([...s.doorgeven['SPUK IZA']]);
      expect(azwa.slice(4, 4 + years.length)).toEqual([...s.doorgeven['SPUK AZWA regionaal']]);
      expect(iza[4]).toBe(2_085_723);
      const saldo = rows[kop + 3] ?? [];
      expect(String(saldo[0])).toMatch(/^Saldo \(baten − lasten − doorgegeven/);
      expect(saldo.slice(4, 4 + years.length)).toEqual([...s.toets.saldo]);
      expect(saldo[4]).toBe(2_898_071);
      // Live: the formula reads Regioverdeling (not a constant) in the years with regional money.
      const sheet = p.sheets.find((x) => x.name === SHEETS.samenvatting);
      const block = sheet?.blocks.find((b) => b.kind === 'formula' && b.range.startsWith(`E${kop + 2}`));
      const formula = block?.kind === 'formula' ? block.formula : '';
      expect(formula).toContain(SHEETS.regioverdeling);
      // A weight typed on Regioverdeling moves the doorbetaling as the domain's split with that weight.
      const regio = s.ledger.mandaatVan(ZWOLLE)[0];
      if (regio === undefined) throw new Error('Zwolle is a mandaatgemeente');
      const weights = p.names.find((n) => n.name === 'Invoer_Regio_Gewichten')?.ref ?? '';
      const leden = regioLeden(s.ledger, regio.naam).leden;
      const rv = ev.hf.getSheetId(SHEETS.regioverdeling) ?? -1;
      const top = Number(/\$(\d+):/.exec(weights)?.[1]);
      const dalfsen = leden.indexOf(DALFSEN);
      ev.hf.setCellContents({ sheet: rv, row: top - 1 + dalfsen, col: 4 }, 0);
      const split = regioVerdeling(s.ledger, regio.naam, 2023, {
        methode: 'gewichten',
        gewichten: leden.map((code) => ({
          code,
          gewicht:
            code === DALFSEN
              ? 0
              : (ev.value(SHEETS.regioverdeling, `E${top + leden.indexOf(code)}`) as number),
        })),
      });
      if (!split.ok) throw new Error('split');
      const verwacht = split.value.delen
        .filter((x) => x.soort === 'lid' && !x.mandaatgemeente)
        .reduce((a, x) => a + x.bedrag, 0);
      expect(ev.value(SHEETS.samenvatting, `E${kop + 2}`)).toBe(verwacht);
      expect(verwacht).not.toBe(2_085_723);
    } finally {
      ev.destroy();
    }
  });

  it("Dalfsen's Overzicht: its € 0 regional rows have source 'geen'; what Zwolle passes on is a row, and with the eigen geld it is the Samenvatting's Totaal baten", () => {
    const begroting = voorbeeld();
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: DALFSEN, begroting });
    const s = resolveScenario({ edition: input, key, gemeente: DALFSEN, begroting });
    expect(s.geplandVanMandaat[at(2023)]).toBe(226_031);
    expect(s.geplandVanMandaat[at(2027)]).toBe(306_866);
    expect(s.cellBron(16, 2023)).toBe('geen');
    expect(s.cellBron(18, 2027)).toBe('geen');
    expect(s.cellBron(18, 2023)).toBe('geen');
    expect(s.cellBron(1, 2023)).toBe(s.amount(1, 2023).bron);
    // The region's label stays where the amount is the region's (the mandaatgemeente's own cell).
    const zwolle = resolveScenario({ edition: input, key, gemeente: ZWOLLE });
    expect(zwolle.cellBron(16, 2023)).toBe(zwolle.amount(16, 2023).bron);
    expect(zwolle.cellBron(16, 2023)).not.toBe('geen');
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.overzicht, SHEETS.samenvatting]);
      expect(bad.slice(0, 10)).toEqual([]);
      const rows = sheetRows(ev, SHEETS.overzicht);
      const bronKop = rows.findIndex((r) => String(r[0]).startsWith('Bron per onderdeel en jaar'));
      const bronOf = (nr: number) => rows.slice(bronKop).find((r) => r[0] === nr) ?? [];
      expect(bronOf(16).slice(4, 8)).toEqual(['geen', 'geen', 'geen', 'geen']);
      expect(bronOf(18).slice(8, 11)).toEqual(['geen', 'geen', 'geen']);
      const van =
        rows.find((r) => String(r[1]).startsWith('Ontvangen van de mandaatgemeente (gepland aandeel')) ?? [];
      expect(van.slice(4, 4 + years.length)).toEqual([...s.geplandVanMandaat]);
      const samen = rows.find((r) => r[1] === 'Eigen geld en ontvangen van de mandaatgemeente') ?? [];
      // No overheveling and nothing typed in the example: the Samenvatting's Totaal baten, year by year.
      expect(samen.slice(4, 4 + years.length)).toEqual([...s.toets.totaalBaten]);
    } finally {
      ev.destroy();
    }
  });

  it("Dalfsen's rows 'Ontvangen van de mandaatgemeente' show only while the chooser is on Dalfsen; for another choice they are empty and say whose they are", () => {
    const begroting = voorbeeld();
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: DALFSEN, begroting });
    const s = resolveScenario({ edition: input, key, gemeente: DALFSEN, begroting });
    const ev = evaluatePlan(p);
    try {
      const sheet = ev.hf.getSheetId(SHEETS.overzicht) ?? -1;
      const rows = sheetRows(ev, SHEETS.overzicht);
      const van = rows.findIndex((r) => String(r[1]).startsWith('Ontvangen van de mandaatgemeente (gepland'));
      const samen = rows.findIndex((r) => r[1] === 'Eigen geld en ontvangen van de mandaatgemeente');
      expect([van > 0, samen]).toEqual([true, van + 1]);
      // Year columns E.. and the total after them.
      const shown = () => {
        const now = sheetRows(ev, SHEETS.overzicht);
        return {
          van: now[van]?.slice(4, 5 + years.length),
          samen: now[samen]?.slice(4, 5 + years.length),
          note: now[samen + 1]?.[1],
          check: ev.value(SHEETS.overzicht, 'C6'),
        };
      };
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      const dalfsen = {
        van: [...s.geplandVanMandaat, sum(s.geplandVanMandaat)],
        samen: [...s.toets.totaalBaten, sum(s.toets.totaalBaten)],
        note: expect.stringMatching(/^Samen de baten op blad Samenvatting \(Totaal baten\)/),
        check: 'OK',
      };
      expect(shown()).toEqual(dalfsen);
      const blank = Array.from({ length: years.length + 1 }, () => '');
      const others = {
        van: blank,
        samen: blank,
        note: 'Deze twee rijen gelden alleen voor Dalfsen, de gemeente van deze werkmap: kies Dalfsen in C4 om ze te zien.',
        // Empty by design: no difference for the guard (no "over een formule getypt"), the check stays OK.
        check: 'OK',
      };
      // Another member of the same region (Kampen), the mandaatgemeente, another region, the name, NL.
      for (const choice of ['GM0166', 'GM0193', 'GM0034', 'Zwolle', 'NL']) {
        ev.hf.setCellContents({ sheet, row: 3, col: 2 }, [[choice]]);
        expect([choice, shown()]).toEqual([choice, others]);
      }
      // Dalfsen chosen again (by name): its amounts are back.
      ev.hf.setCellContents({ sheet, row: 3, col: 2 }, [['Dalfsen']]);
      expect(shown()).toEqual(dalfsen);
    } finally {
      ev.destroy();
    }
  });
});
