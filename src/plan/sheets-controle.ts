import { SheetRange } from './anchors';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import type { AfrondingCells, AllocatieCells, VerdeelsleutelCells } from './sheets-gemeenten';
import type { IzaCells } from './sheets-iza';
import type { LandelijkCells } from './sheets-landelijk';

/** What Controle exposes: the master check (0 = every control passes), shown on Overzicht. */
export interface ControleCells {
  readonly master: SheetRange;
}

export function buildControle(
  ctx: PlanContext,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'status'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly afronding: AfrondingCells;
    readonly allocatie: AllocatieCells;
    readonly iza: IzaCells;
    /** The chosen gemeente's code on Overzicht (built after Controle; a fixed cell there). */
    readonly chosen: SheetRange;
  },
): Built<ControleCells> {
  const s = new SheetBuilder(SHEETS.controle, 'controle');
  const cells: ControleCells = { master: SheetRange.at(SHEETS.controle, 4, 3) };
  const { verdeelsleutel: vs, afronding, allocatie, iza } = from;
  const weights = vs.weights.abs();
  s.value('A1', 'Controles (0 = goed)', 'title');
  s.value('A2', 'Elke regel telt de afwijkingen; het totaal staat ook op het blad Overzicht.', 'subtitle');
  s.values('A3', [['Controle', 'Omschrijving', 'Afwijkingen']], 'header');
  s.values('A4', [['Totaal', 'Som van alle controles hieronder']], 'rowHeader');
  const checks: [string, string, string][] = [
    [
      'Verdeling',
      'Per onderdeel en periode: som van de gemeenten = landelijk bedrag',
      `COUNTIF(${allocatie.checks.abs()},"<>0")`,
    ],
    [
      'Afronding',
      "Uitgedeelde afrondingseuro's = d in elke kolom",
      `COUNTIF(${afronding.correctionChecks.abs()},"<>0")`,
    ],
    [
      'Gewichten',
      'Geen negatieve, lege of tekstgewichten',
      `COUNTIF(${weights},"<0")+ROWS(${weights})-COUNT(${weights})`,
    ],
    [
      'Volgorde',
      'Rijen van Verdeelsleutel, Allocatie en de IZA-indeling horen bij dezelfde gemeente (niet sorteren)',
      `SUM(${afronding.order.abs()})`,
    ],
    ['Som gewichten', 'De som van de gewichten is groter dan 0', `COUNTIF(${vs.weightTotal.abs()},"<=0")`],
    [
      'Landelijk',
      'Berekende totalen = gepubliceerde totalen (GALA)',
      `COUNTIF(${from.landelijk.status.abs()},"VERSCHIL")`,
    ],
    ["IZA-regio's", "Som van de regio's = landelijk IZA-bedrag", `COUNTIF(${iza.check.abs()},"<>0")`],
    [
      'IZA-indeling',
      'Gemeenten zonder bekende SPUK IZA-regio',
      `ROWS(${iza.members.regions.abs()})-${iza.memberCount.abs()}`,
    ],
    [
      'Keuze',
      'De gekozen gemeente op Overzicht bestaat',
      `COUNTIF(${vs.choices.abs()},${from.chosen.abs()})=0`,
    ],
  ];
  // What the engine says each control must count: only the published totals can differ (data), the rest are invariants.
  const landelijkVerschil = ctx.report.checks.filter(
    (c) => c.id.startsWith('totaal:') && c.status === 'verschil',
  ).length;
  const expected = (name: string): number => (name === 'Landelijk' ? landelijkVerschil : 0);
  checks.forEach(([name, text, formula], i) => {
    const row = 6 + i;
    s.values(`A${row}`, [[name, text]]);
    s.formula(
      `C${row}`,
      formula.endsWith('=0') ? `1*(${formula})` : formula,
      () => expected(name),
      'integer',
    );
  });
  s.formula(cells.master.address(), `SUM(C6:C${5 + checks.length})`, () => landelijkVerschil, 'check');
  s.width('A', 16).width('B', 70).width('C', 14);
  return { sheet: s, cells };
}
