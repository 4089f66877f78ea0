import type { Period } from '../domain';
import { IZA_LINE_NR, izaPerRegio, PERIODS } from '../domain';
import { columnLetter, rangeOf } from './a1';
import type { PlanContext } from './context';
import { G_FIRST, gLast, lpCol, PERIOD_COL, PERIOD_COUNT, SHEETS, totalRow } from './layout';
import { SheetBuilder } from './sheet-builder';
import { periodHeaders } from './labels';

export function izaRows(regionCount: number, gemeenteCount: number) {
  const first = 11;
  const last = first + regionCount - 1;
  const total = last + 1;
  const check = total + 1;
  const memberHeader = check + 5;
  const memberFirst = memberHeader + 1;
  return {
    first,
    last,
    total,
    check,
    memberHeader,
    memberFirst,
    memberLast: memberFirst + gemeenteCount - 1,
  };
}

export function buildIza(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.iza, 'invoer');
  const regios = ctx.data.izaRegios;
  const nG = ctx.gemeenten.length;
  const R = izaRows(regios.length, nG);
  const lineIndex = ctx.lines.findIndex((l) => l.nr === IZA_LINE_NR);
  const estimates = izaPerRegio(ctx.allocation, regios, ctx.data.lidmaatschap);
  const memberCol = (c: string) => `$${c}$${R.memberFirst}:$${c}$${R.memberLast}`;
  const izaCol = columnLetter(lpCol(lineIndex, 0));
  s.value('A1', 'SPUK IZA per samenwerkingsregio (via de mandaatgemeente)', 'title');
  s.value(
    'A2',
    'Schatting per regio = som van de IZA-bedragen van de ledengemeenten (GALA bijlage 2). 2025 en 2026 zijn gepubliceerd (Bijlage 2B). De indeling onderaan is afgeleid, niet officieel: pas haar aan waar u het beter weet.',
    'subtitle',
  );
  s.values(
    'A10',
    [
      [
        'Regio',
        'Mandaatgemeente',
        'Lidmaatschap',
        'Leden',
        ...periodHeaders().map((h) => `Schatting ${h}`),
        'Bijlage 2B 2025 (€)',
        'Bijlage 2B 2026 (€)',
        'Schatting − 2B 2025',
        'Schatting − 2B 2026',
        'Opmerking bron',
      ],
    ],
    'header',
  );
  s.values(
    `A${R.first}`,
    regios.map((r) => [r.naam, r.mandaatgemeente]),
  );
  s.formula(
    `D${R.first}:D${R.last}`,
    `COUNTIF(${memberCol('C')},$A${R.first})`,
    (r) => estimates[r]?.leden.length ?? 0,
    'integer',
  );
  s.formula(
    `C${R.first}:C${R.last}`,
    `IF(D${R.first}=0,"onbekend",CHOOSE(1+(COUNTIFS(${memberCol('C')},$A${R.first},${memberCol('D')},"naam regiobeeld")<D${R.first}),"bekend","afgeleid"))`,
    (r) => estimates[r]?.status ?? 'onbekend',
  );
  s.formula(
    rangeOf(R.first, PERIOD_COL, regios.length, PERIOD_COUNT),
    `SUMIF(${memberCol('C')},$A${R.first},${SHEETS.allocatie}!${izaCol}$${G_FIRST}:${izaCol}$${gLast(nG)})`,
    (r, c) => estimates[r]?.schatting[PERIODS[c] as Period] ?? 0,
    'euro',
  );
  s.values(
    `J${R.first}`,
    regios.map((r) => [r.totaal2025, r.totaal2026]),
    'inputEuro',
  );
  s.formula(
    `L${R.first}:M${R.last}`,
    `G${R.first}-J${R.first}`,
    (r, c) => {
      const e = estimates[r];
      if (!e) return 0;
      return c === 0 ? e.schatting[2025] - e.regio.totaal2025 : e.schatting[2026] - e.regio.totaal2026;
    },
    'euro',
  );
  s.values(
    `N${R.first}`,
    regios.map((r) => [r.opmerking]),
  );
  s.value(`A${R.total}`, 'Totaal', 'rowHeader');
  const sum = (c: number) => estimates.reduce((a, e) => a + e.schatting[PERIODS[c] as Period], 0);
  const pub = [regios.reduce((a, r) => a + r.totaal2025, 0), regios.reduce((a, r) => a + r.totaal2026, 0)];
  s.formula(
    `D${R.total}`,
    `SUM(D${R.first}:D${R.last})`,
    () => estimates.reduce((a, e) => a + e.leden.length, 0),
    'integer',
  );
  s.formula(
    rangeOf(R.total, PERIOD_COL, 1, 9),
    `SUM(E${R.first}:E${R.last})`,
    (_r, c) => {
      if (c < PERIOD_COUNT) return sum(c);
      if (c < PERIOD_COUNT + 2) return pub[c - PERIOD_COUNT] ?? 0;
      return sum(c === 7 ? 2 : 3) - (pub[c - 7] ?? 0);
    },
    'euroTotal',
  );
  s.value(`A${R.check}`, "Controle: totaal regio's − landelijk IZA (0 = goed)", 'rowHeader');
  s.formula(
    rangeOf(R.check, PERIOD_COL, 1, PERIOD_COUNT),
    `E${R.total}-${SHEETS.allocatie}!${izaCol}$${totalRow(nG)}`,
    () => 0,
    'euro',
  );

  s.value(
    `A${R.memberHeader - 1}`,
    "Indeling gemeenten in SPUK IZA-regio's (invoer; afgeleid, niet officieel: vervang door bijlage 1 van de regeling)",
    'rowHeader',
  );
  s.values(`A${R.memberHeader}`, [['CBS-code', 'Gemeente', 'SPUK IZA-regio', 'Methode']], 'header');
  const byCode = new Map(ctx.data.lidmaatschap.map((m) => [m.code, m]));
  s.values(
    `A${R.memberFirst}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.values(
    `C${R.memberFirst}`,
    ctx.gemeenten.map((g) => [byCode.get(g.code)?.regio ?? '', byCode.get(g.code)?.methode ?? '']),
    'input',
  );
  s.table({ name: 'IZA_Indeling', range: `A${R.memberHeader}:D${R.memberLast}`, style: 'TableStyleLight1' });
  s.validation({
    range: `C${R.memberFirst}:C${R.memberLast}`,
    type: 'list',
    source: `${SHEETS.iza}!$A$${R.first}:$A$${R.last}`,
    prompt: 'Kies de SPUK IZA-regio van deze gemeente.',
    error: 'Onbekende regio. Kies een regio uit de lijst (kolom A, bovenaan dit blad).',
  });
  s.validation({
    range: `D${R.memberFirst}:D${R.memberLast}`,
    type: 'list',
    source: `${SHEETS.iza}!$P$${R.first}:$P$${R.first + 1}`,
    prompt: 'naam regiobeeld = bekend; afgeleid = schatting.',
    error: 'Kies "naam regiobeeld" of "afgeleid".',
  });
  s.values(`P${R.first - 1}`, [['Methoden'], ['naam regiobeeld'], ['afgeleid']], 'note');
  s.freezeAt(10, 1);
  s.width('A', 28).width('B', 22).width('C', 26).width('D', 16);
  for (let i = 0; i < PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 16);
  s.width('J', 16).width('K', 16).width('L', 16).width('M', 16).width('N', 50).width('P', 18);
  return s;
}
