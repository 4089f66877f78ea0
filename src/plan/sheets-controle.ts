import {
  G_FIRST,
  gLast,
  lpCol,
  OVERZICHT,
  PERIOD_COUNT,
  SHEETS,
  totalRow,
  VERDEELSLEUTEL as V,
} from './layout';
import { columnLetter } from './a1';
import type { PlanContext } from './context';
import { SheetBuilder } from './sheet-builder';
import { landelijkRows } from './sheets-landelijk';
import { afrondingRows } from './sheets-gemeenten';
import { izaRows } from './sheets-iza';

export function buildControle(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.controle, 'controle');
  const nG = ctx.gemeenten.length;
  const nL = ctx.lines.length;
  const lastCol = columnLetter(lpCol(nL - 1, PERIOD_COUNT - 1));
  const L = landelijkRows(nL);
  const A = afrondingRows(nG);
  const I = izaRows(ctx.data.izaRegios.length, nG);
  const w = columnLetter(V.weightCol);
  const weights = `${SHEETS.verdeelsleutel}!$${w}$${G_FIRST}:$${w}$${gLast(nG)}`;
  s.value('A1', 'Controles (0 = goed)', 'title');
  s.value('A2', 'Elke regel telt de afwijkingen; het totaal staat ook op het blad Overzicht.', 'subtitle');
  s.values('A3', [['Controle', 'Omschrijving', 'Afwijkingen']], 'header');
  s.values('A4', [['Totaal', 'Som van alle controles hieronder']], 'rowHeader');
  const checks: [string, string, string][] = [
    [
      'Verdeling',
      'Per onderdeel en periode: som van de gemeenten = landelijk bedrag',
      `COUNTIF(${SHEETS.allocatie}!$E$${totalRow(nG) + 1}:$${lastCol}$${totalRow(nG) + 1},"<>0")`,
    ],
    [
      'Afronding',
      "Uitgedeelde afrondingseuro's = d in elke kolom",
      `COUNTIF(${SHEETS.afronding}!$E$${A.correctionCheck}:$${lastCol}$${A.correctionCheck},"<>0")`,
    ],
    [
      'Gewichten',
      'Geen negatieve, lege of tekstgewichten',
      `COUNTIF(${weights},"<0")+ROWS(${weights})-COUNT(${weights})`,
    ],
    [
      'Volgorde',
      'Rijen van Verdeelsleutel, Allocatie en de IZA-indeling horen bij dezelfde gemeente (niet sorteren)',
      `SUM(${SHEETS.afronding}!$C$${G_FIRST}:$C$${gLast(nG)})`,
    ],
    [
      'Som gewichten',
      'De som van de gewichten is groter dan 0',
      `COUNTIF(${SHEETS.verdeelsleutel}!$${w}$${totalRow(nG)},"<=0")`,
    ],
    [
      'Landelijk',
      'Berekende totalen = gepubliceerde totalen (GALA)',
      `COUNTIF(${SHEETS.landelijk}!$E$${L.status}:$I$${L.status + 3},"VERSCHIL")`,
    ],
    [
      "IZA-regio's",
      "Som van de regio's = landelijk IZA-bedrag",
      `COUNTIF(${SHEETS.iza}!$E$${I.check}:$I$${I.check},"<>0")`,
    ],
    [
      'IZA-indeling',
      'Gemeenten zonder bekende SPUK IZA-regio',
      `ROWS(${SHEETS.iza}!$C$${I.memberFirst}:$C$${I.memberLast})-${SHEETS.iza}!$D$${I.total}`,
    ],
    [
      'Keuze',
      'De gekozen gemeente op Overzicht bestaat',
      `COUNTIF(${SHEETS.verdeelsleutel}!$A$${G_FIRST}:$A$${totalRow(nG)},${SHEETS.overzicht}!$${OVERZICHT.code.replace(/(\d+)/, '$$$1')})=0`,
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
  s.formula('C4', `SUM(C6:C${5 + checks.length})`, () => landelijkVerschil, 'check');
  s.width('A', 16).width('B', 70).width('C', 14);
  return s;
}
