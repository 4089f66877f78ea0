import type {
  BegrotingMutatie,
  BegrotingRegels,
  EditionYear,
  GemeenteWaarschuwing,
  RegelingEinde,
  RegioRol,
  Signaal,
  SignaalSoort,
  TaakveldMutaties,
} from '../domain';
import { formatEuro } from './nl';

/**
 * Dutch texts of the begroting's signals: a short explanation per kind (the label next to the check
 * in the workbook) and a full sentence per signal naming the amount and the fix, worded for where it
 * is shown (`Weergave`: the werkmap names a sheet to fill in, the command line an option).
 * The percentages and years are the edition's rule parameters (`BegrotingRegels`, from the
 * manifests), never literals: for the shipped editions 15 % schuifruimte and the per-onderdeel years
 * 2023–2024, carry-over 20 % from 2023 (per onderdeel) and 10 % from 2025 (the total), the
 * regelingen ending in 2026 (Brede SPUK, SPUK IZA) and 2029 (SPUK AZWA).
 */

/**
 * Where a text is shown (#18: "the signal texts fit where they are shown"): `werkmap` (the workbook and
 * the task pane beside it) names the sheet to fill in, `cli` (the command line) names the option. The
 * domain gives the signal once; only its wording differs.
 */
export type Weergave = 'werkmap' | 'cli';

/**
 * How a member gemeente gives what its mandaatgemeente passes on (`BegrotingInvoer.vanMandaatgemeente`),
 * per weergave: `invullen` the instruction, `plek` where, in brackets.
 */
const VAN_MANDAATGEMEENTE: Record<Weergave, { readonly invullen: string; readonly plek: string }> = {
  werkmap: {
    invullen:
      'vul dat in op blad Beschikking ("Ontvangen van de mandaatgemeente"; leeg = het geplande aandeel)',
    plek: 'blad Beschikking, "Ontvangen van de mandaatgemeente"',
  },
  cli: {
    invullen:
      'geef dat met --van-mandaatgemeente JAAR=BEDRAG,... (bijv. 2025=120000; een jaar dat er niet staat = het geplande aandeel)',
    plek: 'met --van-mandaatgemeente JAAR=BEDRAG,...',
  },
};

/**
 * Where a mandaatgemeente finds what it passes on to its members (the planned doorbetaling, the
 * domain's `doorTeGevenAanLeden`), per weergave.
 */
const DOORGEVEN: Record<Weergave, string> = {
  werkmap: 'volgens blad Regioverdeling',
  cli: "volgens de regioverdeling ('spuk-begroting regioverdeling', kolom doorgeven hierboven)",
};

/**
 * Where a mandaatgemeente changes a member's planned share (the doorbetaling the toets counts as a
 * last), per weergave: the werkmap's sheet; the command line plans the default split (no option
 * changes a share), so it names the werkmap's sheet too.
 */
const AANDEEL_WIJZIGEN: Record<Weergave, string> = {
  werkmap: 'verander het aandeel van die gemeente op blad Regioverdeling',
  cli: 'verander het aandeel van die gemeente op blad Regioverdeling van de werkmap',
};

/** The words the texts share, from the rule parameters (e.g. `tot: 'Tot en met 2024'`, `onderdelen: '1–15'`). */
function woorden(regels: BegrotingRegels): {
  readonly tot: string;
  readonly onderdelen: string;
  readonly schuif: number;
  readonly o: { readonly van: EditionYear; readonly naar: EditionYear; readonly pct: number };
  readonly r: { readonly van: EditionYear; readonly naar: EditionYear; readonly pct: number };
} {
  const jaren = regels.onderdeelJaren;
  const nrs = regels.onderdelen;
  const carry = (c: BegrotingRegels['overhevelingPerOnderdeel']) => ({
    van: c.vanJaar,
    naar: c.vanJaar + 1,
    pct: c.pct,
  });
  return {
    tot: `Tot en met ${jaren[jaren.length - 1] ?? ''}`,
    onderdelen: `${nrs[0] ?? ''}–${nrs[nrs.length - 1] ?? ''}`,
    schuif: regels.schuifruimte?.waarde ?? 0,
    o: carry(regels.overhevelingPerOnderdeel),
    r: carry(regels.overhevelingTotaal),
  };
}

/**
 * The explanation of the plafond check for a gemeente's role in its SPUK IZA region (`RegioRol`; #18:
 * the text fits the gemeente it is shown to): a mandaatgemeente checks regional money against the
 * region's amount, a member gemeente against what its mandaatgemeente passes on, a gemeente in
 * neither role has no regional money; `undefined` (role unknown) names both roles.
 */
export function plafondUitleg(rol: RegioRol | undefined): string {
  const kern = 'Lasten boven het plafond (beschikking, anders de editie; na overheveling).';
  switch (rol) {
    case 'mandaatgemeente':
      return `${kern} Regionaal geld: als mandaatgemeente toetst u tegen het bedrag van de regio, met wat u doorgeeft aan de ledengemeenten (blad Regioverdeling) bij de lasten.`;
    case 'lid':
      return `${kern} Regionaal geld: als ledengemeente toetst u tegen wat de mandaatgemeente doorgeeft (blad Beschikking).`;
    case 'geen':
      return `${kern} Regionaal geld krijgt deze gemeente niet (plafond € 0).`;
    case undefined:
      return `${kern} Regionaal geld: de mandaatgemeente toetst tegen het bedrag van de regio, een ledengemeente tegen wat de mandaatgemeente doorgeeft.`;
  }
}

/** The explanations that name no parameter. */
const SIGNAAL_UITLEG_VAST = {
  'beschikking-totaal':
    'Het totaal van de Brede SPUK in de beschikking wijkt af van de som van de onderdelen (lager dan de ingevulde onderdelen: niet verdeeld).',
  plafond: plafondUitleg(undefined),
  'aard-ontbreekt': 'Vul bij elke activiteit de aard van de lasten in (structureel of incidenteel).',
  'bbv-structureel':
    'BBV: structurele lasten gedekt uit geld van een regeling met een einddatum (incidentele baten).',
  'bbv-gat':
    'BBV: structurele lasten in het laatste jaar van een regeling hebben het jaar erna geen dekking.',
  'vooruit-ontvangen': 'Vooruit ontvangen voor het volgende jaar, meer dan het plafond van dat jaar.',
  'buiten-bereik': 'Rijen buiten het getoetste bereik van de tabel Begroting.',
  'doorbetaling-dubbel':
    'Dubbel met de doorbetaling: maak de Uitvoerder leeg of eigen, of pas het aandeel aan (blad Regioverdeling).',
} as const;

/** The end year of a gap signal's regelingen (the signal's year), if the edition has one then. */
function einde(regels: BegrotingRegels, jaar: EditionYear | undefined): RegelingEinde | undefined {
  return regels.einden.find((e) => e.eindjaar === jaar);
}

/** "de Brede SPUK en SPUK IZA" for the regelingen that end in one year; empty without names. */
function namenVan(e: RegelingEinde | undefined): string {
  return e === undefined || e.namen.length === 0 ? '' : `de ${e.namen.join(' en ')}`;
}

/**
 * The explanation of a structural gap after `e.eindjaar`, e.g. "BBV: structurele lasten in 2026 op
 * de Brede SPUK en SPUK IZA hebben vanaf 2027 geen dekking."
 */
export function gatUitleg(e: RegelingEinde): string {
  const op = namenVan(e);
  return op === ''
    ? SIGNAAL_UITLEG_VAST['bbv-gat']
    : `BBV: structurele lasten in ${e.eindjaar} op ${op} hebben vanaf ${e.eindjaar + 1} geen dekking.`;
}

/**
 * The short explanation of each kind of signal for an edition's rule parameters (the label next to
 * the check in the workbook). The gaps of the fixed end years (`bbv-gat-2026`, `bbv-gat-2029`) name
 * the regelingen that end then (`gatUitleg`).
 */
export function signaalUitleg(regels: BegrotingRegels, rol?: RegioRol): Record<SignaalSoort, string> {
  const w = woorden(regels);
  const gat = (jaar: EditionYear): string => {
    const e = einde(regels, jaar);
    return e === undefined ? SIGNAAL_UITLEG_VAST['bbv-gat'] : gatUitleg(e);
  };
  return {
    ...SIGNAAL_UITLEG_VAST,
    plafond: plafondUitleg(rol),
    onderdeel: `${w.tot} per onderdeel: hoogstens ${100 + w.schuif}% van het plafond (${w.schuif}% schuiven binnen het hoofdthema).`,
    hoofdthema: `${w.tot}: de lasten van een hoofdthema niet boven de som van de plafonds van zijn onderdelen.`,
    'zonder-onderdeel': `${w.tot} hoort elke Brede SPUK-last bij een onderdeel (${w.onderdelen}).`,
    'overheveling-2023': `Van ${w.o.van} naar ${w.o.naar} hoogstens ${w.o.pct}% van het budget ${w.o.van} per onderdeel.`,
    'overheveling-2025': `Van ${w.r.van} naar ${w.r.naar} hoogstens ${w.r.pct}% van het budget ${w.r.van}.`,
    'bbv-gat-2026': gat(2026),
    'bbv-gat-2029': gat(2029),
  };
}

/**
 * For a regional post (SPUK IZA, SPUK AZWA regionaal): where the plafond comes from, for the role the
 * signal names (`s.rol`: the gemeente's role in its region); without a role, for both roles. A member
 * gemeente is told where to give what is passed on (`weergave`: the sheet or the CLI's option).
 */
function regionaalTip(s: Signaal, weergave: Weergave): string {
  const van = VAN_MANDAATGEMEENTE[weergave];
  if (s.regeling !== 'SPUK IZA' && s.regeling !== 'SPUK AZWA regionaal') return '';
  switch (s.rol) {
    case 'mandaatgemeente':
      return ` Als mandaatgemeente toetst u regionaal geld tegen het bedrag van de regio (de beschikking, anders de editie), met wat u ${DOORGEVEN[weergave]} doorgeeft aan de ledengemeenten bij de lasten.`;
    case 'lid':
      return ` Als ledengemeente toetst u regionaal geld tegen wat de mandaatgemeente doorgeeft: ${van.invullen}.`;
    case 'geen':
      return ' Deze gemeente is geen mandaatgemeente of ledengemeente van een SPUK IZA-regio: regionaal geld heeft hier plafond € 0.';
    case undefined:
      return ` Regionaal geld: een mandaatgemeente toetst tegen het bedrag van de regio (beschikking), een ledengemeente tegen wat de mandaatgemeente doorgeeft (${van.plek}).`;
  }
}

function waar(s: Signaal): string {
  const parts = [
    s.regeling,
    s.onderdeel !== undefined ? `onderdeel ${s.onderdeel}` : undefined,
    s.hoofdthema !== undefined ? `hoofdthema ${s.hoofdthema}` : undefined,
    s.jaar !== undefined ? String(s.jaar) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.join(', ');
}

/**
 * One signal as a Dutch sentence with its amount and what to do (`regels`: the edition's rule
 * parameters), worded for where it is shown (`weergave`: e.g. `'cli'` for `spuk-begroting begroting`).
 */
export function signaalText(s: Signaal, regels: BegrotingRegels, weergave: Weergave): string {
  const b = formatEuro(s.bedrag);
  const at = waar(s);
  const w = woorden(regels);
  switch (s.soort) {
    case 'beschikking-totaal':
      return `${at}: het totaal van de beschikking wijkt ${b} af van de som van de onderdelen. Een totaal wordt naar rato van de editie over de onderdelen zonder eigen bedrag verdeeld; dat kan niet als het totaal lager is dan de ingevulde onderdelen. Controleer de beschikking.`;
    case 'plafond':
      return `${at}: de lasten liggen ${b} boven het plafond. Verlaag de lasten of zoek andere dekking.${regionaalTip(s, weergave)}`;
    case 'onderdeel':
      return `${at}: de lasten liggen ${b} boven ${100 + w.schuif}% van het plafond van het onderdeel. ${w.tot} mag hoogstens ${w.schuif}% binnen het hoofdthema schuiven.`;
    case 'hoofdthema':
      return `${at}: de lasten liggen ${b} boven de som van de plafonds van het hoofdthema.`;
    case 'zonder-onderdeel':
      return `${at}: ${b} aan Brede SPUK-lasten zonder onderdeel (${w.onderdelen}). Vul het onderdeel in: ${w.tot.toLowerCase()} wordt per onderdeel verantwoord.`;
    case 'overheveling-2023':
      return `${at}: er wordt ${b} meer naar ${w.o.naar} overgeheveld dan ${w.o.pct}% van het budget ${w.o.van} van het onderdeel.`;
    case 'overheveling-2025':
      return `${at}: er wordt ${b} meer naar ${w.r.naar} overgeheveld dan ${w.r.pct}% van het budget ${w.r.van}.`;
    case 'aard-ontbreekt':
      return `${at}: ${b} aan lasten zonder aard. Kies structureel of incidenteel.`;
    case 'bbv-structureel':
      return `${at}: ${b} structurele lasten gedekt uit incidentele baten (een regeling met een einddatum). Maak ze incidenteel of zoek structurele dekking.`;
    case 'bbv-gat-2026':
    case 'bbv-gat-2029':
    case 'bbv-gat': {
      const j = s.jaar ?? 0;
      const op = namenVan(einde(regels, s.jaar));
      return op === ''
        ? `Na ${s.jaar ?? ''}: ${b} structurele lasten op een regeling die dan eindigt, zonder dekking vanaf ${j + 1}.`
        : `Na ${j}: ${b} structurele lasten op ${op} zonder dekking vanaf ${j + 1}.`;
    }
    case 'vooruit-ontvangen':
      return `${at}: ${b} vooruit ontvangen boven het plafond van het volgende jaar. Controleer het bedrag; vooruit ontvangen geld is geen baat van het jaar van ontvangst (balans).`;
    case 'buiten-bereik':
      return `De tabel Begroting heeft ${s.bedrag} rijen meer dan er getoetst worden. Splits de begroting of verwijder lege rijen.`;
    case 'doorbetaling-dubbel': {
      const rijen = s.bedrag === 1 ? '1 rij' : `${s.bedrag} rijen`;
      return `${rijen} onder SPUK IZA of SPUK AZWA regionaal ${s.bedrag === 1 ? 'heeft' : 'hebben'} een andere ledengemeente van de regio als Uitvoerder. Wat u aan de ledengemeenten doorgeeft, telt al als last mee, ${DOORGEVEN[weergave]}: zo telt dat geld dubbel, en het saldo en de ruimte onder het plafond komen te laag uit. Betaalt u de activiteit zelf, maak de Uitvoerder dan leeg of vul uw eigen gemeente in. Is het het aandeel van de ledengemeente, verwijder dan de rij of ${AANDEEL_WIJZIGEN[weergave]}, zodat het niet dubbel telt.`;
    }
  }
}

/** "2027–2029" for consecutive years, else "2027, 2029". */
function jarenText(jaren: readonly EditionYear[]): string {
  const first = jaren[0];
  const last = jaren[jaren.length - 1];
  if (first === undefined || last === undefined) return '';
  return last - first === jaren.length - 1 && jaren.length > 1 ? `${first}–${last}` : jaren.join(', ');
}

/**
 * One warning about the gemeente's own amounts as a Dutch sentence (the Samenvatting's "Let op" rows:
 * shown only in the werkmap, so it names the sheet).
 */
export function gemeenteWaarschuwingText(w: GemeenteWaarschuwing): string {
  switch (w.soort) {
    case 'bodem': {
      const pct = w.van === 0 ? 0 : Math.round(((w.naar - w.van) / w.van) * 100);
      return `Bodembedrag: de gemeente kreeg in ${w.vanJaar} een bodembedrag in de Brede SPUK (Bijlage 2A). De SPUK AZWA lokaal ${w.naarJaar} is verdeeld met de Brede SPUK-sleutel zonder bodem: ${formatEuro(w.van)} in ${w.vanJaar}, ${formatEuro(w.naar)} in ${w.naarJaar} (${pct} %). Of de SPUK AZWA een bodembedrag kent, is nog niet bekend (open post).`;
    }
    case 'verdeelsleutel-vooralsnog':
      return `SPUK AZWA ${jarenText(w.jaren)}: de verdeelsleutel is "vooralsnog" (VWS/LZJS aan VNG, 22-04-2026, 1097348-DMO). De bedragen zijn een raming tot de beschikking is ingevuld (blad Beschikking).`;
    case 'regio-zonder-gemeente':
      return `Regio ${w.regio}: het regionale geld gaat naar ${w.ontvanger}, geen gemeente. Wat ${w.ontvanger} doorgeeft is uw baat; vul het bedrag in op blad Beschikking ("Ontvangen van de mandaatgemeente") zodra het bekend is.`;
  }
}

/**
 * The Omschrijving of a taakveld's line for the lasten of one regeling the money received does not
 * cover (`NietGedektMutatie`, the `--formaat mutaties` export and its block on the Samenvatting).
 */
export function mutatieNietGedektText(): string {
  return 'Niet gedekt door de uitkering (eigen middelen)';
}

/**
 * The Omschrijving of one activity's line in the mutaties export: "<activiteit> (<regeling>, onderdeel
 * n) – lasten" (or "– baten"; without ", onderdeel n" when the row has none), e.g. "Buurtsportcoaches
 * (Brede SPUK, onderdeel 2) – lasten". The Samenvatting's block builds the same text in a formula.
 */
export function mutatieOmschrijving(m: BegrotingMutatie): string {
  const onderdeel = m.onderdeel !== undefined ? `, onderdeel ${m.onderdeel}` : '';
  return `${m.activiteit} (${m.regeling}${onderdeel}) – ${m.soort}`;
}

/** One line of the mutaties export as the user reads it (the CSV's columns but the years). */
export interface MutatieExportRegel {
  /** "5.1 Sportbeleid en activering"; in the group "overig" an activity's line has its own code, the group's lines "overig". */
  readonly taakveld: string;
  /** `mutatieOmschrijving`, `mutatieNietGedektText()` or "Totaal taakveld <code>". */
  readonly omschrijving: string;
  /** "x" when the line is incidental (column Inc.), else "". */
  readonly inc: 'x' | '';
  /** "x" when the line is structural (column Struc.), else "". */
  readonly struc: 'x' | '';
  /** Per year of the export, thousands of euros (the domain's `duizenden`; −0 written as 0), + = voordelig. */
  readonly bedragen: readonly number[];
}

/**
 * The lines of the mutaties export in order, from the domain's `begrotingMutaties`: per taakveld its
 * activities' lasten and baten lines, its line "Niet gedekt door de uitkering (eigen middelen)"
 * (incidental) and "Totaal taakveld <code>". One formatter for `begroting --formaat mutaties` (the CLI's
 * CSV: Taakveld;Omschrijving;Inc.;Struc.;<years>) and the Samenvatting's block "Mutaties voor de eigen
 * begroting" (its expected values), so both read the same (begroting-practice.md, layout 3).
 */
export function mutatieExportRegels(taakvelden: readonly TaakveldMutaties[]): MutatieExportRegel[] {
  const zonderMinNul = (xs: readonly number[]) => xs.map((x) => x + 0);
  return taakvelden.flatMap((t) => {
    const label = t.naam === undefined ? t.taakveld : `${t.taakveld} ${t.naam}`;
    const regels: MutatieExportRegel[] = t.mutaties.map((m) => ({
      taakveld: t.naam === undefined ? m.taakveld : label,
      omschrijving: mutatieOmschrijving(m),
      inc: m.aard === 'incidenteel' ? 'x' : '',
      struc: m.aard === 'structureel' ? 'x' : '',
      bedragen: zonderMinNul(m.duizenden),
    }));
    regels.push(
      {
        taakveld: label,
        omschrijving: mutatieNietGedektText(),
        inc: 'x',
        struc: '',
        bedragen: zonderMinNul(t.nietGedekt.duizenden),
      },
      {
        taakveld: label,
        omschrijving: `Totaal taakveld ${t.taakveld}`,
        inc: '',
        struc: '',
        bedragen: zonderMinNul(t.totaalDuizenden),
      },
    );
    return regels;
  });
}

/**
 * The summary under the `--formaat mutaties` export (stderr): the layout, then whether the taakvelden
 * add up to 0. `eigenMiddelen`: per year (of `years`) Σ over the taakvelden of lasten − baten in whole
 * euros (the lasten the money received does not cover); a year with more than 0 is named with its
 * amount, so the export never says "budgettair neutraal" of a taakveld that is nadelig.
 */
export function mutatiesSamenvattingText(
  years: readonly EditionYear[],
  eigenMiddelen: readonly number[],
  leeg: boolean,
): string {
  const kop =
    'Mutaties per taakveld, bedragen × € 1.000 (afgerond per bedrag), + = voordelig, − = nadelig; per activiteit lasten en baten (SPUK, incidenteel)';
  if (leeg) return `${kop}. De begroting heeft geen lasten.\n`;
  const tekort = years
    .map((jaar, i) => ({ jaar, bedrag: eigenMiddelen[i] ?? 0 }))
    .filter((x) => x.bedrag > 0);
  if (tekort.length === 0) return `${kop}; elk taakveld telt op tot 0 (budgettair neutraal).\n`;
  return (
    `${kop}. Niet budgettair neutraal: de uitkering dekt niet alle lasten; per taakveld zegt de regel ` +
    `"Niet gedekt door de uitkering (eigen middelen)" hoeveel. Eigen middelen nodig: ` +
    `${tekort.map((x) => `${x.jaar} ${formatEuro(x.bedrag)}`).join(', ')}.\n`
  );
}
