import type { Euro, Period } from '../domain';
import {
  euro,
  HOOFDTHEMAS,
  izaPerRegio,
  gemeenteTotals,
  nationalAmount,
  nationalTotals,
  PERIODS,
  splitBbv,
  splitStructural,
  YEARS,
} from '../domain';
import { columnLetter, rangeOf } from './a1';
import type { PlanContext } from './context';
import {
  CONTROLE_MASTER,
  G_FIRST,
  LANDELIJK,
  lpCol,
  NATIONAL_CODE,
  OVERZICHT,
  PERIOD_COL,
  PERIOD_COUNT,
  SHEETS,
  totalRow,
  VERDEELSLEUTEL as V,
} from './layout';
import { SheetBuilder } from './sheet-builder';
import { izaRows } from './sheets-iza';
import { periodHeaders } from './labels';
import { lineAard } from './sheets-landelijk';
import { COLORS } from './styles';

/** Overzicht rows, derived from the number of lines. */
export function overzichtRows(lineCount: number) {
  const first = 12;
  const last = first + lineCount - 1;
  const thema = last + 1;
  const brede = thema + HOOFDTHEMAS.length;
  const grand = brede + 1;
  const rijkS = grand + 3;
  const rijkI = rijkS + lineCount + 1;
  const sumS = rijkI + lineCount + 1;
  const sumI = sumS + 1;
  const bbvS = sumI + 3;
  const bbvI = bbvS + 1;
  const bbvN = bbvI + 1;
  const risk = bbvN + 1;
  const afloopTotal = risk + 3;
  const afloop = afloopTotal + 2;
  const afloopSum = afloop + lineCount;
  const bijlage = afloopSum + 3;
  const iza = bijlage + 5;
  const legend = iza + 6;
  return {
    first,
    last,
    thema,
    brede,
    grand,
    rijkS,
    rijkI,
    sumS,
    sumI,
    bbvS,
    bbvI,
    bbvN,
    risk,
    afloopTotal,
    afloop,
    afloopSum,
    bijlage,
    iza,
    legend,
  };
}

export function buildOverzicht(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.overzicht, 'presentatie');
  const nLines = ctx.lines.length;
  const nG = ctx.gemeenten.length;
  const R = overzichtRows(nLines);
  const per = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, PERIOD_COUNT);
  const years = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, YEARS.length);
  const allocRange = `${SHEETS.allocatie}!$E$${G_FIRST}:$${columnLetter(lpCol(nLines - 1, PERIOD_COUNT - 1))}$${totalRow(nG)}`;
  const codeRange = `${SHEETS.allocatie}!$A$${G_FIRST}:$A$${totalRow(nG)}`;
  const nameRange = `${SHEETS.allocatie}!$B$${G_FIRST}:$B$${totalRow(nG)}`;
  const chosen = ctx.chosen;
  const chosenCode = chosen === undefined ? NATIONAL_CODE : (ctx.gemeenten[chosen]?.code ?? NATIONAL_CODE);
  const chosenName = chosen === undefined ? 'Nederland (totaal)' : (ctx.gemeenten[chosen]?.naam ?? '');
  const chosenRow = chosen === undefined ? nG + 1 : chosen + 1;
  const lineIdx = ctx.lines.map((_, i) => i);
  // Amount of line li in period p for the chosen gemeente (or the nation).
  const amount = (li: number, p: Period): Euro => {
    if (chosen === undefined) {
      const line = ctx.lines[li];
      return line ? nationalAmount(line, p) : euro(0);
    }
    return ctx.allocation.amount(chosen, li, p).amount;
  };
  const totalsOf = (lis: readonly number[]) =>
    chosen === undefined
      ? nationalTotals(lis.map((i) => ctx.lines[i]).filter((l) => l !== undefined))
      : gemeenteTotals(ctx.allocation, chosen, lis);

  s.value('A1', 'Overzicht Brede SPUK en SPUK IZA', 'title');
  s.value(
    'A2',
    `Kies in ${OVERZICHT.code} een CBS-code (of ${NATIONAL_CODE} voor heel Nederland); alle bedragen volgen. Sleutel: ${ctx.key.id}; bedragen per gemeente zijn geschat.`,
    'subtitle',
  );
  s.values(
    'B4',
    [['Gemeente (CBS-code)'], ['Naam'], ['Rij in Allocatie'], ['Perioden per onderdeel'], ['Modelcontrole']],
    'rowHeader',
  );
  s.value(OVERZICHT.code, chosenCode, 'input');
  s.validation({
    range: OVERZICHT.code,
    type: 'list',
    source: `${SHEETS.verdeelsleutel}!$A$${G_FIRST}:$A$${totalRow(nG)}`,
    prompt: `Kies de CBS-code van een gemeente, of ${NATIONAL_CODE} voor heel Nederland.`,
    error: `Onbekende code. Kies een CBS-code uit de lijst (kolom A van ${SHEETS.verdeelsleutel}) of ${NATIONAL_CODE}.`,
  });
  s.formula(OVERZICHT.name, `INDEX(${nameRange},$C$6)`, () => chosenName, 'rowHeader');
  s.formula(OVERZICHT.row, `MATCH($C$4,${codeRange},0)`, () => chosenRow, 'integer');
  s.value(OVERZICHT.periods, PERIOD_COUNT, 'integer');
  s.formula(
    OVERZICHT.check,
    `IF(${CONTROLE_MASTER}=0,"OK","FOUT: zie blad ${SHEETS.controle}")`,
    () => (ctx.report.ok ? 'OK' : `FOUT: zie blad ${SHEETS.controle}`),
    'check',
  );
  s.values(`A${OVERZICHT.periodIndexRow}`, [['', 'Periode-index', '', '', 1, 2, 3, 4, 5]], 'note');
  s.values(
    `A${OVERZICHT.headerRow}`,
    [['Nr', 'Onderdeel', 'Hoofdthema', 'Aard (Rijk)', ...periodHeaders(), 'Totaal 2023–2026']],
    'header',
  );

  // Amounts per line.
  s.value(`A${R.first - 1}`, 'Bedragen per onderdeel (€)', 'rowHeader');
  s.values(
    `A${R.first}`,
    ctx.lines.map((l) => [l.nr, l.naam, l.hoofdthema]),
  );
  s.formula(
    `D${R.first}:D${R.last}`,
    `INDEX(${SHEETS.landelijk}!$K$${LANDELIJK.firstLine}:$K$${LANDELIJK.firstLine + nLines - 1},$A${R.first})`,
    (r) => lineAard(ctx, r),
  );
  s.aardRules(`D${R.first}:D${R.last}`);
  s.formula(
    per(R.first, nLines),
    `INDEX(${allocRange},$C$6,($A${R.first}-1)*$C$7+E$${OVERZICHT.periodIndexRow})`,
    (r, c) => amount(r, PERIODS[c] as Period),
    'euro',
  );
  s.formula(
    `J${R.first}:J${R.last}`,
    `SUM(E${R.first}:H${R.first})`,
    (r) => YEARS.reduce((a, y) => a + amount(r, y), 0),
    'euro',
  );
  s.values(
    `B${R.thema}`,
    HOOFDTHEMAS.map((h) => [h]),
    'rowHeader',
  );
  const themaTotals = HOOFDTHEMAS.map((h) => totalsOf(lineIdx.filter((i) => ctx.lines[i]?.hoofdthema === h)));
  s.formula(
    rangeOf(R.thema, PERIOD_COL, HOOFDTHEMAS.length, PERIOD_COUNT + 1),
    `SUMIF($C$${R.first}:$C$${R.last},$B${R.thema},E$${R.first}:E$${R.last})`,
    (r, c) => {
      const t = themaTotals[r];
      return t ? (c < PERIOD_COUNT ? t.perPeriod[PERIODS[c] as Period] : t.meerjarig) : 0;
    },
    'euroTotal',
  );
  const brede = totalsOf(lineIdx.filter((i) => ctx.lines[i]?.fund === 'brede-spuk'));
  const all = totalsOf(lineIdx);
  const withTotal = (t: typeof all) => (c: number) =>
    c < PERIOD_COUNT ? t.perPeriod[PERIODS[c] as Period] : t.meerjarig;
  s.values(`B${R.brede}`, [['Totaal Brede SPUK (zonder IZA)'], ['Totaal inclusief IZA']], 'rowHeader');
  s.formula(
    rangeOf(R.brede, PERIOD_COL, 1, PERIOD_COUNT + 1),
    `SUM(E${R.thema}:E${R.brede - 1})`,
    (_r, c) => withTotal(brede)(c),
    'euroTotal',
  );
  s.formula(
    rangeOf(R.grand, PERIOD_COL, 1, PERIOD_COUNT + 1),
    `SUM(E${R.first}:E${R.last})`,
    (_r, c) => withTotal(all)(c),
    'euroTotal',
  );

  // The Rijk's reading, per line.
  const rijk = (li: number, p: Period) =>
    splitStructural(amount(li, p), amount(li, 'structureel'), p).structureel;
  s.value(
    `A${R.rijkS - 1}`,
    'Lezing Rijk: structureel deel (tot het structurele niveau dat na 2026 doorloopt)',
    'rowHeader',
  );
  s.values(
    `A${R.rijkS}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  s.formula(
    per(R.rijkS, nLines),
    `MIN(E${R.first},$I${R.first})`,
    (r, c) => rijk(r, PERIODS[c] as Period),
    'euro',
  );
  s.value(
    `A${R.rijkI - 1}`,
    'Lezing Rijk: incidenteel deel (boven het structurele niveau, of het onderdeel stopt)',
    'rowHeader',
  );
  s.values(
    `A${R.rijkI}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  s.formula(
    per(R.rijkI, nLines),
    `E${R.first}-E${R.rijkS}`,
    (r, c) => amount(r, PERIODS[c] as Period) - rijk(r, PERIODS[c] as Period),
    'euro',
  );
  s.values(`B${R.sumS}`, [['Totaal structureel (Rijk)'], ['Totaal incidenteel (Rijk)']], 'rowHeader');
  s.formula(
    per(R.sumS),
    `SUM(E${R.rijkS}:E${R.rijkS + nLines - 1})`,
    (_r, c) => all.structureelPerPeriod[PERIODS[c] as Period],
    'euroTotal',
  );
  s.formula(
    per(R.sumI),
    `SUM(E${R.rijkI}:E${R.rijkI + nLines - 1})`,
    (_r, c) => all.incidenteelPerPeriod[PERIODS[c] as Period],
    'euroTotal',
  );

  // The BBV reading.
  const flagRange = `${SHEETS.landelijk}!$L$${LANDELIJK.firstLine}:$L$${LANDELIJK.firstLine + nLines - 1}`;
  s.value(
    `A${R.bbvS - 1}`,
    'Lezing BBV (eigen begroting): geld onder een beschikking met einddatum is incidenteel, tot een nieuwe regeling het vastlegt (kolom L op Landelijk)',
    'rowHeader',
  );
  s.values(
    `B${R.bbvS}`,
    [
      ['Totaal structureel (BBV): alleen wat een nieuwe regeling vastlegt'],
      ['Totaal incidenteel (BBV)'],
      ['Na 2026 niet te begroten zolang er geen nieuwe regeling is'],
      ['Risico: structureel bij het Rijk, niet structureel volgens BBV'],
    ],
    'rowHeader',
  );
  // Expected values from the domain's BBV rule, line by line.
  const bbv = (p: Period) =>
    lineIdx.reduce(
      (acc, li) => {
        const b = splitBbv(
          amount(li, p),
          amount(li, 'structureel'),
          p,
          ctx.vastgelegd.has(ctx.lines[li]?.nr ?? 0),
        );
        return { s: acc.s + b.structureel, i: acc.i + b.incidenteel, n: acc.n + b.nietTeBegroten };
      },
      { s: 0, i: 0, n: 0 },
    );
  s.formula(
    per(R.bbvS),
    `SUMPRODUCT(E$${R.rijkS}:E$${R.rijkS + nLines - 1},${flagRange})`,
    (_r, c) => bbv(PERIODS[c] as Period).s,
    'euroTotal',
  );
  s.formula(years(R.bbvI), `E${R.grand}-E${R.bbvS}`, (_r, c) => bbv(PERIODS[c] as Period).i, 'euroTotal');
  s.formula(`I${R.bbvN}`, `I${R.grand}-I${R.bbvS}`, () => bbv('structureel').n, 'euroTotal');
  s.formula(
    per(R.risk),
    `E${R.sumS}-E${R.bbvS}`,
    (_r, c) => all.structureelPerPeriod[PERIODS[c] as Period] - bbv(PERIODS[c] as Period).s,
    'euroTotal',
  );
  s.format(per(R.risk), 'warning');

  // Afloop: what stops after each year.
  s.value(
    `A${R.afloopTotal - 1}`,
    'Afloop: wat valt weg na elk jaar (kolom Structureel = wat na 2026 doorloopt)',
    'rowHeader',
  );
  s.values(`B${R.afloopTotal}`, [['Totaal per jaar (incl. IZA)']], 'rowHeader');
  s.formula(per(R.afloopTotal), `E${R.grand}`, (_r, c) => all.perPeriod[PERIODS[c] as Period], 'euro');
  s.value(
    `A${R.afloop - 1}`,
    'Valt weg na dit jaar, per onderdeel (€; daling, stijgingen niet verrekend)',
    'rowHeader',
  );
  s.values(
    `A${R.afloop}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  const stops = (li: number, c: number) =>
    Math.max(0, amount(li, PERIODS[c] as Period) - amount(li, PERIODS[c + 1] as Period));
  s.formula(years(R.afloop, nLines), `MAX(0,E${R.first}-F${R.first})`, (r, c) => stops(r, c), 'euro');
  s.values(`B${R.afloopSum}`, [['Totaal valt weg na dit jaar']], 'rowHeader');
  s.formula(
    years(R.afloopSum),
    `SUM(E${R.afloop}:E${R.afloopSum - 1})`,
    (_r, c) => lineIdx.reduce((a, li) => a + stops(li, c), 0),
    'euroTotal',
  );

  // Published Bijlage 2A totals against the estimate.
  const row2A = ctx.chosen;
  const b2a = (y: 2025 | 2026) => {
    if (row2A === undefined)
      return ctx.data.bijlage2A.reduce((a, r) => a + (y === 2025 ? r.totaal2025 : r.totaal2026), 0);
    const code = ctx.gemeenten[row2A]?.code;
    const r = ctx.data.bijlage2A.find((x) => x.code === code);
    return r ? (y === 2025 ? r.totaal2025 : r.totaal2026) : 0;
  };
  s.value(
    `A${R.bijlage - 1}`,
    'Aansluiting met het gepubliceerde totaal (VWS-brief 12-09-2025, Bijlage 2A)',
    'rowHeader',
  );
  s.values(
    `B${R.bijlage}`,
    [
      ['Gepubliceerd totaal Brede SPUK (Bijlage 2A)'],
      ['Geschat: som van de onderdelen (zonder IZA)'],
      ['Verschil (loon- en prijsbijstelling, mutaties 2026)'],
    ],
    'rowHeader',
  );
  const vs = (col: number) =>
    `${SHEETS.verdeelsleutel}!$${columnLetter(col)}$${G_FIRST}:$${columnLetter(col)}$${totalRow(nG)}`;
  s.formula(`G${R.bijlage}`, `INDEX(${vs(V.bijlage2025Col)},$C$6)`, () => b2a(2025), 'euro');
  s.formula(`H${R.bijlage}`, `INDEX(${vs(V.bijlage2026Col)},$C$6)`, () => b2a(2026), 'euro');
  s.formula(
    `G${R.bijlage + 1}:H${R.bijlage + 1}`,
    `G${R.brede}`,
    (_r, c) => brede.perPeriod[c === 0 ? 2025 : 2026],
    'euro',
  );
  s.formula(
    `G${R.bijlage + 2}:H${R.bijlage + 2}`,
    `G${R.bijlage}-G${R.bijlage + 1}`,
    (_r, c) => b2a(c === 0 ? 2025 : 2026) - brede.perPeriod[c === 0 ? 2025 : 2026],
    'euro',
  );

  // SPUK IZA: the gemeente's share above is part of a regional budget paid to the mandaatgemeente.
  const I = izaRows(ctx.data.izaRegios.length, nG);
  const regios = izaPerRegio(ctx.allocation, ctx.data.izaRegios, ctx.data.lidmaatschap);
  const code = chosen === undefined ? undefined : ctx.gemeenten[chosen]?.code;
  const regioNaam = ctx.data.lidmaatschap.find((m) => m.code === code)?.regio;
  const regio = regios.find((r) => r.regio.naam === regioNaam);
  const allRegions = `alle ${ctx.data.izaRegios.length} regio's`;
  const izaList = (col: string) => `${SHEETS.iza}!$${col}$${I.first}:$${col}$${I.last}`;
  s.value(
    `A${R.iza - 1}`,
    'SPUK IZA: het IZA-bedrag hierboven is het aandeel in het regiobudget; het geld gaat naar de mandaatgemeente',
    'rowHeader',
  );
  s.values(
    `B${R.iza}`,
    [
      ['SPUK IZA-regio'],
      ['Mandaatgemeente'],
      ['Regiobudget, schatting (som van de ledengemeenten)'],
      ['Regiobudget, gepubliceerd (Bijlage 2B)'],
    ],
    'rowHeader',
  );
  s.formula(
    `C${R.iza}`,
    `IFERROR(INDEX(${SHEETS.iza}!$C$${I.memberFirst}:$C$${I.memberLast},$C$6),"${allRegions}")`,
    () => regio?.regio.naam ?? allRegions,
  );
  s.formula(
    `C${R.iza + 1}`,
    `IFERROR(INDEX(${izaList('B')},MATCH(C${R.iza},${izaList('A')},0)),"de mandaatgemeenten")`,
    () => regio?.regio.mandaatgemeente ?? 'de mandaatgemeenten',
  );
  s.formula(
    per(R.iza + 2),
    `IF($C$4="${NATIONAL_CODE}",${SHEETS.iza}!E$${I.total},SUMIF(${izaList('A')},$C$${R.iza},${SHEETS.iza}!E$${I.first}:E$${I.last}))`,
    (_r, c) => {
      const p = PERIODS[c] as Period;
      return regio ? regio.schatting[p] : regios.reduce((a, r) => a + r.schatting[p], 0);
    },
    'euro',
  );
  s.formula(
    `G${R.iza + 3}:H${R.iza + 3}`,
    `IF($C$4="${NATIONAL_CODE}",${SHEETS.iza}!J$${I.total},SUMIF(${izaList('A')},$C$${R.iza},${SHEETS.iza}!J$${I.first}:J$${I.last}))`,
    (_r, c) => {
      const y = c === 0 ? 2025 : 2026;
      const pub = (r: (typeof regios)[number]) => (y === 2025 ? r.regio.totaal2025 : r.regio.totaal2026);
      return regio ? pub(regio) : regios.reduce((a, r) => a + pub(r), 0);
    },
    'euro',
  );

  // Legend: text and colour together.
  const lg = R.legend;
  s.value(`A${lg}`, 'Legenda', 'rowHeader');
  s.values(`B${lg + 1}`, [
    ['Invoer (geel): mag u wijzigen; alles rekent mee'],
    ['structureel: het Rijk zet het onderdeel na 2026 voort op dit niveau'],
    ['deels structureel: een deel loopt na 2026 door, de rest stopt'],
    ['incidenteel: stopt uiterlijk eind 2026'],
    ['BBV: zolang de beschikking een einddatum heeft, is alles incidenteel voor de eigen begroting'],
    [
      'geschat: bedrag per gemeente uit de verdeelsleutel; gepubliceerd: officieel cijfer (landelijk, Bijlage 2A/2B)',
    ],
  ]);
  s.format(`B${lg + 1}`, 'input');
  s.values(`A${lg + 2}`, [['structureel'], ['deels structureel'], ['incidenteel']]);
  s.aardRules(`A${lg + 2}:A${lg + 4}`);

  s.chart({
    name: 'Afloop',
    type: 'columnStacked',
    title: 'Structureel en incidenteel per jaar (lezing Rijk)',
    categories: `${SHEETS.overzicht}!$E$${OVERZICHT.headerRow}:$I$${OVERZICHT.headerRow}`,
    series: [
      {
        name: 'Structureel (Rijk)',
        values: `${SHEETS.overzicht}!$E$${R.sumS}:$I$${R.sumS}`,
        color: COLORS.structureelText,
      },
      {
        name: 'Incidenteel (Rijk)',
        values: `${SHEETS.overzicht}!$E$${R.sumI}:$I$${R.sumI}`,
        color: COLORS.incidenteelText,
      },
    ],
    from: 'L3',
    to: 'T22',
  });
  s.freezeAt(OVERZICHT.headerRow, 2);
  s.width('A', 6).width('B', 50).width('C', 26).width('D', 18);
  for (let i = 0; i <= PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 15);
  return s;
}
