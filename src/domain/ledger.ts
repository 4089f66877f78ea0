import type {
  AmountRule,
  EditionLine,
  EditionYear,
  OpenPost,
  PublishedGemeenteAmount,
  PublishedRegioAmount,
  ResolvedEdition,
} from './edition';
import { isNationalOnly } from './edition';
import { splitByWeights } from './largest-remainder';
import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { CbsCode, IzaRegio, Maybe, Mutatie, ReferenceData } from './types';
import type { Verdeelsleutel } from './verdeelsleutel';

/**
 * Where an amount comes from, strongest first: the gemeente's own `beschikking` (the user entered it;
 * it wins), a `gepubliceerd` figure, an amount `afgeleid` (split by a stated rule from published
 * figures), `geschat` (key × a national amount of a regeling in force), or `raming` (the SPUK AZWA:
 * a national raming of a regeling still in preparation, VWS/LZJS aan VNG 22-04-2026, split with a
 * verdeelsleutel that is "vooralsnog"; no amount per gemeente or region is published, so it is not
 * `gepubliceerd`, and both the national amount and the key may still change, so it ranks below
 * `geschat`: see ../shared/docs/editions-facts.md §3 and §5).
 */
export type Bron = 'beschikking' | 'gepubliceerd' | 'afgeleid' | 'geschat' | 'raming';

/** The sources from the most certain to the weakest (`weakest` ranks by this order). */
export const BRONNEN_STERK_NAAR_ZWAK: readonly Bron[] = [
  'beschikking',
  'gepubliceerd',
  'afgeleid',
  'geschat',
  'raming',
];

/** One amount with where it comes from (`beschikking` > `gepubliceerd` > `afgeleid` > `geschat` > `raming`). */
export interface LedgerAmount {
  readonly bedrag: Euro;
  readonly bron: Bron;
  /** The rule that produced it (its derivation; Dutch text in src/messages). */
  readonly regel: AmountRule | 'beschikking';
  /** The edition whose manifest states the rule. */
  readonly editie: string;
  /** Set when the money leaves the regeling without a known amount: a flagged gap, not a zero. */
  readonly open?: OpenPost;
}

/** An amount the user entered from the gemeente's own beschikking (whole euros); it wins everywhere. */
export interface BeschikkingAmount {
  readonly code: CbsCode;
  readonly nr: number;
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
}

/** What one gemeente receives in a year, split by how the money flows. */
export interface GemeenteYearTotal {
  /** Its own money (Brede SPUK, SPUK AZWA lokaal): its baten. */
  readonly eigen: Euro;
  /** As mandaatgemeente: the whole regional amount it receives and passes on (SPUK IZA, AZWA regionaal). */
  readonly alsMandaatgemeente: Euro;
}

/** The shared base data of all editions (src/data) with the edition's published tables. */
export interface EditionInput {
  readonly base: ReferenceData;
  readonly edition: ResolvedEdition;
  readonly bijlage2A: readonly PublishedGemeenteAmount[];
  readonly bijlage2B: readonly PublishedRegioAmount[];
}

/**
 * Every amount of an edition for one verdeelsleutel: national per line and year, per gemeente
 * (what it receives), per SPUK IZA region (what its mandaatgemeente receives). Pure and exact:
 * every split is the largest-remainder rule in whole euros, so Σ parts = whole to the euro.
 *
 * The rules (`AmountRule`), with their sources:
 * - `gala-tabel`: national = the GALA table's year column (GALA 31-01-2023 p. 38), `gepubliceerd`;
 *   gemeente = key × national, `geschat`; region (line 16) = Σ of its member gemeenten (GALA bijlage 2).
 * - `gala-structureel`: as `gala-tabel` with the GALA "structureel" column: the level the Rijk meant
 *   to continue after 2026 (no regeling carries it).
 * - `gala-plus-lpo`: national = GALA year + loon- en prijsbijstelling 2024, `afgeleid`: the LPO total is
 *   Σ Bijlage 2A 2025 − GALA 2025 − the 2025 mutations (paid in 2024, 2025 and 2026 alike, per the
 *   books of gemeenten), spread over the onderdelen pro rata GALA; gemeente = key × national, `geschat`.
 * - `bijlage-2a`: gemeente total = Bijlage 2A (VWS 12-09-2025), split over the onderdelen with that
 *   year's national composition (GALA + LPO + Bijlage 1 mutations; a korting pro rata GALA + LPO),
 *   `afgeleid`; Σ onderdelen = Bijlage 2A to the euro.
 * - `bijlage-2b`: region = Bijlage 2B of the year, `gepubliceerd`, paid to the mandaatgemeente.
 * - `bijlage-2b-2025`: region = its Bijlage 2B 2025 amount, `afgeleid` (regions received the same
 *   amount in 2023, 2024 and 2025: raadsbesluiten of a mandaatgemeente).
 * - `azwa-raming`: national = the SPUK AZWA raming (VWS/LZJS to VNG 22-04-2026), `raming`;
 *   lokaal = key × national per gemeente; regionaal = SPUK IZA key (shares in the newest Bijlage 2B
 *   year) × national per region, to the mandaatgemeente; GGD, NPLV, Gezonde School only nationally.
 *   Every amount of this rule is labelled `raming` (not `gepubliceerd` nor `geschat`): a published
 *   raming, no regeling and no published amount per gemeente yet, the key "vooralsnog".
 * - `tabel-per-gemeente`: gemeente = its row of the edition's table (a dataset with the columns
 *   gemeentecode, onderdeel_nr, jaar, bedrag_eur; whole euros), `gepubliceerd`; national = Σ of the
 *   table, so Σ gemeenten = national to the euro. Only for lines paid to each gemeente.
 * - `beeindigd`: the regeling has ended: zero, with the edition's open posten flagged.
 * A beschikking amount (gemeente × line × year) replaces the rule's amount: `beschikking`.
 */
export class Ledger {
  readonly lines: readonly EditionLine[];
  readonly gemeenten: readonly CbsCode[];
  readonly regios: readonly IzaRegio[];
  // Storage by number, not by composed strings: (line, year) → one slot per gemeente row or region.
  private readonly nationalOf = new Map<number, LedgerAmount>();
  private readonly gemeenteOf = new Map<number, Column>();
  private readonly regioOf = new Map<number, Map<string, LedgerAmount>>();
  private readonly levelG = new Map<number, readonly Euro[]>();
  private readonly levelR = new Map<number, Map<string, Euro>>();
  private readonly lineOf = new Map<number, EditionLine>();
  private readonly rowOf: Map<string, number>;
  private readonly mandaat = new Map<string, IzaRegio[]>();
  private readonly beschikking = new Map<string, Euro>();

  private readonly splits: SplitMemo;

  /**
   * `splits`: a memo of splits to share with other ledgers of the same key (resolveNational passes one
   * to the edition's ledger and to the one it is compared with: they split many of the same amounts);
   * one of another key is not used. The amounts are the same with or without it.
   */
  constructor(
    readonly input: EditionInput,
    readonly key: Verdeelsleutel,
    beschikkingen: readonly BeschikkingAmount[] = [],
    splits?: SplitMemo,
  ) {
    this.splits = splits !== undefined && splits.key === key ? splits : new SplitMemo(key);
    const { base, edition } = input;
    this.lines = edition.lines;
    this.gemeenten = base.gemeenten.map((g) => g.code);
    this.regios = base.izaRegios;
    this.rowOf = new Map(this.gemeenten.map((c, i) => [c as string, i]));
    for (const r of base.izaRegios) {
      const code = r.mandaatgemeenteCode;
      if (code !== undefined) this.mandaat.set(code, [...(this.mandaat.get(code) ?? []), r]);
    }
    for (const l of this.lines) this.lineOf.set(l.nr, l);
    for (const b of beschikkingen) this.beschikking.set(cell(b.code, b.nr, b.jaar), b.bedrag);
    for (const line of this.lines) this.levels(line);
    for (const line of this.lines)
      for (const jaar of edition.years) {
        const rule = edition.rule(line.regeling.id, jaar);
        if (rule === undefined) continue;
        this.compute(line, jaar, rule.spec.regel, rule.editie);
      }
  }

  get editie(): string {
    return this.input.edition.manifest.id;
  }

  /** The edition's year axis (ascending; 2023–2029 for the shipped editions). */
  get years(): readonly EditionYear[] {
    return this.input.edition.years;
  }

  line(nr: number): EditionLine {
    const l = this.lineOf.get(nr);
    if (!l) throw new RangeError(`Line ${nr} is not in edition ${this.editie}`);
    return l;
  }

  /** National amount of a line in a year (zero where the edition has no rule for it). */
  national(nr: number, jaar: EditionYear): LedgerAmount {
    return this.nationalOf.get(slot(nr, jaar)) ?? this.none(nr, jaar);
  }

  /**
   * What a gemeente receives on a line in a year: its own amount for `gemeente` lines; for
   * `mandaatgemeente` lines the regions' whole amounts where it is their mandaatgemeente, and
   * undefined where it is a member only (it does not receive line 16 or AZWA regionaal itself);
   * undefined for `landelijk` lines. A beschikking wins.
   */
  gemeente(code: CbsCode, nr: number, jaar: EditionYear): Maybe<LedgerAmount> {
    const line = this.line(nr);
    const own = this.beschikking.size > 0 ? this.beschikking.get(cell(code, nr, jaar)) : undefined;
    if (isNationalOnly(line.ontvanger)) return undefined;
    if (line.ontvanger === 'mandaatgemeente') {
      const regios = this.mandaat.get(code);
      if (!regios) return undefined;
      if (own !== undefined)
        return { bedrag: own, bron: 'beschikking', regel: 'beschikking', editie: this.editie };
      const parts = regios.map((r) => this.regio(r.naam, nr, jaar));
      const first = parts[0] ?? this.none(nr, jaar);
      return { ...first, bedrag: euro(parts.reduce((a, p) => a + p.bedrag, 0)), bron: weakest(parts) };
    }
    if (own !== undefined)
      return { bedrag: own, bron: 'beschikking', regel: 'beschikking', editie: this.editie };
    const row = this.rowOf.get(code);
    const col = this.gemeenteOf.get(slot(nr, jaar));
    return (row === undefined || col === undefined ? undefined : at(col, row)) ?? this.none(nr, jaar);
  }

  /**
   * The amount of `gemeente(code, nr, jaar)` (0 where that is undefined), without making its
   * `LedgerAmount`: for sums over many gemeenten (the reconciliation).
   */
  bedrag(code: CbsCode, nr: number, jaar: EditionYear): Euro {
    if (this.beschikking.size === 0 && this.line(nr).ontvanger === 'gemeente') {
      const row = this.rowOf.get(code);
      return (row === undefined ? undefined : this.gemeenteOf.get(slot(nr, jaar))?.bedragen[row]) ?? ZERO;
    }
    return this.gemeente(code, nr, jaar)?.bedrag ?? ZERO;
  }

  /** What a SPUK IZA region's mandaatgemeente receives on a `mandaatgemeente` line. */
  regio(naam: string, nr: number, jaar: EditionYear): LedgerAmount {
    return this.regioOf.get(slot(nr, jaar))?.get(naam) ?? this.none(nr, jaar);
  }

  /**
   * A region's amount estimated from its members: Σ of the key split of the national amount over its
   * member gemeenten (GALA bijlage 2: "het bedrag voor de regio is de optelsom van het budget voor alle
   * gemeenten in die regio"). Checks the (derived) membership against the published regional amounts.
   */
  memberEstimate(regio: string, nr: number, jaar: EditionYear): Euro {
    const id = `${nr}|${jaar}`;
    let perRegio = this.estimates.get(id);
    if (!perRegio) {
      const split = this.splits.byKey(this.national(nr, jaar).bedrag);
      perRegio = this.sumPerRegio(split);
      this.estimates.set(id, perRegio);
    }
    return perRegio.get(regio) ?? ZERO;
  }

  private readonly sums = new Map<number, Euro>();

  /**
   * Σ over all gemeenten of what they receive on a line in a year (the NL row of the workbook).
   * Memoised per (line, year): the ledger never changes after construction, and the national diff,
   * the readings and the plafonds of every werkmap of a batch ask the same sums again.
   */
  sumGemeenten(nr: number, jaar: EditionYear): Euro {
    const k = slot(nr, jaar);
    const known = this.sums.get(k);
    if (known !== undefined) return known;
    let sum = 0;
    const col = this.gemeenteOf.get(k);
    if (this.beschikking.size === 0 && this.line(nr).ontvanger === 'gemeente') {
      // The column itself (what `gemeente` reads for each row; a row without an amount is zero).
      if (col !== undefined) for (const b of col.bedragen) sum += b ?? 0;
    } else for (const code of this.gemeenten) sum += this.gemeente(code, nr, jaar)?.bedrag ?? 0;
    const out = euro(sum);
    this.sums.set(k, out);
    return out;
  }

  /**
   * Σ over every recipient of a line in a year: the gemeenten and, on a `mandaatgemeente` line, the
   * regions whose mandaathouder is no gemeente (`regiosZonderGemeente`: SamenTwente for Twente). The
   * national view's amount (the NL row of the workbook): for SPUK IZA 2023–2025 142.900.002 = Σ
   * Bijlage 2B, not the 137.573.564 the gemeenten alone receive. Whole euros.
   */
  sumOntvangers(nr: number, jaar: EditionYear): Euro {
    const gemeenten = this.sumGemeenten(nr, jaar);
    if (this.line(nr).ontvanger !== 'mandaatgemeente') return gemeenten;
    let sum: number = gemeenten;
    for (const r of this.regiosZonderGemeente()) sum += this.regio(r.naam, nr, jaar).bedrag;
    return euro(sum);
  }

  /** The regions a gemeente is mandaatgemeente of (empty for most). */
  mandaatVan(code: CbsCode): readonly IzaRegio[] {
    return this.mandaat.get(code) ?? [];
  }

  /**
   * The Rijk's structural level of a line for a gemeente (key × the GALA level; for regional lines the
   * Σ over the regions it receives for), or nationally when `code` is undefined. Zero where none is stated.
   */
  structuralLevel(nr: number, code?: CbsCode): Euro {
    const line = this.line(nr);
    if (code === undefined) return line.structureelNiveau ?? ZERO;
    if (line.ontvanger === 'mandaatgemeente')
      return euro(this.mandaatVan(code).reduce((a, r) => a + (this.levelR.get(nr)?.get(r.naam) ?? 0), 0));
    const row = this.rowOf.get(code);
    return (row === undefined ? undefined : this.levelG.get(nr)?.[row]) ?? ZERO;
  }

  /**
   * The regions whose regional money goes to a body that is no gemeente (`IzaRegio.mandaatgemeenteCode`
   * undefined: SamenTwente, an openbaar lichaam, for Twente). Their amounts (`regio`) are in the
   * national amount of a regional line but in no gemeente's row, so Σ gemeenten + these regions =
   * national. Empty when every region's mandaatgemeente is a gemeente.
   */
  regiosZonderGemeente(): readonly IzaRegio[] {
    return this.regios.filter((r) => r.mandaatgemeenteCode === undefined);
  }

  /**
   * The Rijk's structural level of a `mandaatgemeente` line for one region (Σ of the key split of the
   * GALA level over its members, euros); zero where the line states none or is not regional.
   */
  regioStructuralLevel(naam: string, nr: number): Euro {
    return this.levelR.get(nr)?.get(naam) ?? ZERO;
  }

  /** Σ of what a gemeente receives in a year, own money apart from what it receives as mandaatgemeente. */
  gemeenteTotal(code: CbsCode, jaar: EditionYear, regeling?: string): GemeenteYearTotal {
    let eigen = 0;
    let regionaal = 0;
    for (const line of this.lines) {
      if (regeling !== undefined && line.regeling.id !== regeling) continue;
      const a = this.gemeente(code, line.nr, jaar);
      if (a === undefined) continue;
      if (line.ontvanger === 'gemeente') eigen += a.bedrag;
      else regionaal += a.bedrag;
    }
    return { eigen: euro(eigen), alsMandaatgemeente: euro(regionaal) };
  }

  /** Open posten (money leaving a regeling with no known amount) that touch a line in a year. */
  openPost(nr: number, jaar: EditionYear): Maybe<OpenPost> {
    return this.input.edition.openPosten.find(
      (o) => o.nrs.includes(nr) && jaar >= o.vanJaar && jaar <= o.totEnMetJaar,
    );
  }

  private setRegio(naam: string, nr: number, jaar: EditionYear, amount: LedgerAmount): void {
    const k = slot(nr, jaar);
    let m = this.regioOf.get(k);
    if (!m) this.regioOf.set(k, (m = new Map()));
    m.set(naam, amount);
  }

  private readonly nones = new Map<number, LedgerAmount>();

  /** No money on a line in a year (no rule, or before/after it): zero, labelled with the rule there is. */
  private none(nr: number, jaar: EditionYear): LedgerAmount {
    const k = slot(nr, jaar);
    const known = this.nones.get(k);
    if (known) return known;
    const rule = this.input.edition.rule(this.line(nr).regeling.id, jaar);
    const amount: LedgerAmount = {
      bedrag: ZERO,
      bron: 'gepubliceerd',
      regel: rule?.spec.regel ?? 'beeindigd',
      editie: rule?.editie ?? this.editie,
    };
    this.nones.set(k, amount);
    return amount;
  }

  private levels(line: EditionLine): void {
    const level = line.structureelNiveau;
    if (level === undefined || isNationalOnly(line.ontvanger)) return;
    const split = this.splits.byKey(level);
    if (line.ontvanger === 'gemeente') {
      this.levelG.set(line.nr, split);
    } else {
      this.levelR.set(line.nr, this.sumPerRegio(split));
    }
  }

  private compute(line: EditionLine, jaar: EditionYear, regel: AmountRule, editie: string): void {
    const k = slot(line.nr, jaar);
    const put = (bedrag: Euro, bron: Bron, open?: OpenPost) =>
      this.nationalOf.set(k, { bedrag, bron, regel, editie, ...(open ? { open } : {}) });
    const gala = this.input.base.onderdelen.find((o) => o.nr === line.nr);
    switch (regel) {
      case 'gala-tabel':
      case 'gala-structureel': {
        const amount =
          (regel === 'gala-tabel'
            ? jaar <= 2026
              ? gala?.amounts[jaar as 2023]
              : undefined
            : gala?.structureel) ?? ZERO;
        put(amount, 'gepubliceerd');
        this.distribute(line, jaar, amount, 'geschat', regel, editie);
        return;
      }
      case 'gala-plus-lpo': {
        const composition = this.composition(line.regeling.id, jaar, false);
        const amount = composition.get(line.nr) ?? ZERO;
        put(amount, 'afgeleid');
        this.distribute(line, jaar, amount, 'geschat', regel, editie);
        return;
      }
      case 'bijlage-2a': {
        const composition = this.composition(line.regeling.id, jaar, true);
        put(composition.get(line.nr) ?? ZERO, 'afgeleid');
        this.splitPublishedTotals(line.regeling.id, jaar, composition, editie);
        return;
      }
      case 'bijlage-2b':
      case 'bijlage-2b-2025': {
        const from: EditionYear = regel === 'bijlage-2b' ? jaar : 2025;
        const bron: Bron = regel === 'bijlage-2b' ? 'gepubliceerd' : 'afgeleid';
        let total = 0;
        for (const r of this.regios) {
          const b = this.published2B(r.naam, from);
          total += b;
          this.setRegio(r.naam, line.nr, jaar, { bedrag: b, bron, regel, editie });
        }
        put(euro(total), 'afgeleid');
        return;
      }
      case 'azwa-raming': {
        const raming = this.input.base.azwaRaming.find((a) => a.wat === line.raming);
        const amount = jaar >= 2027 && raming ? raming.bedragen[jaar as 2027] : ZERO;
        put(amount, 'raming');
        if (line.ontvanger === 'gemeente') this.distribute(line, jaar, amount, 'raming', regel, editie);
        else if (line.ontvanger === 'mandaatgemeente') {
          const newest = Math.max(...this.input.bijlage2B.map((b) => b.jaar)) as EditionYear;
          const weights = this.regios.map((r) => this.published2B(r.naam, newest));
          const split = splitByWeights(
            amount,
            weights,
            weights.reduce((a, b) => a + b, 0),
          ).amounts;
          this.regios.forEach((r, i) =>
            this.setRegio(r.naam, line.nr, jaar, {
              bedrag: split[i] ?? ZERO,
              bron: 'raming',
              regel,
              editie,
            }),
          );
        }
        return;
      }
      case 'tabel-per-gemeente': {
        // Only lines paid to each gemeente (checked by the data layer); a gemeente absent from the table gets zero.
        const bedragen = this.gemeenten.map(() => ZERO);
        let total = 0;
        for (const t of this.input.edition.tabellen) {
          if (t.nr !== line.nr || t.jaar !== jaar) continue;
          const row = this.rowOf.get(t.code);
          if (row === undefined) continue;
          bedragen[row] = t.bedrag;
          total += t.bedrag;
        }
        put(euro(total), 'gepubliceerd');
        this.gemeenteOf.set(k, column(bedragen, { bron: 'gepubliceerd', regel, editie }));
        return;
      }
      case 'beeindigd': {
        put(ZERO, 'gepubliceerd');
        const open = this.input.edition.openPosten.find(
          (o) => o.nrs.includes(line.nr) && jaar >= o.vanJaar && jaar <= o.totEnMetJaar,
        );
        const amount: LedgerAmount = {
          bedrag: ZERO,
          bron: 'gepubliceerd',
          regel,
          editie,
          ...(open ? { open } : {}),
        };
        if (line.ontvanger === 'gemeente')
          this.gemeenteOf.set(slot(line.nr, jaar), {
            bedragen: this.gemeenten.map(() => ZERO),
            meta: amount,
            made: this.gemeenten.map(() => amount),
          });
        else if (line.ontvanger === 'mandaatgemeente')
          for (const r of this.regios) this.setRegio(r.naam, line.nr, jaar, amount);
        return;
      }
    }
  }

  /** Key split of a national amount over the gemeenten; regional lines summed per region (GALA bijlage 2). */
  private distribute(
    line: EditionLine,
    jaar: EditionYear,
    amount: Euro,
    bron: Bron,
    regel: AmountRule,
    editie: string,
  ): void {
    if (isNationalOnly(line.ontvanger)) return;
    const split = this.splits.byKey(amount);
    if (line.ontvanger === 'gemeente') {
      this.gemeenteOf.set(slot(line.nr, jaar), column(split, { bron, regel, editie }));
      return;
    }
    for (const [regio, bedrag] of this.sumPerRegio(split))
      this.setRegio(regio, line.nr, jaar, { bedrag, bron, regel, editie });
  }

  private sumPerRegio(perGemeente: readonly Euro[]): Map<string, Euro> {
    const out = new Map<string, Euro>(this.regios.map((r) => [r.naam, ZERO]));
    for (const m of this.input.base.lidmaatschap) {
      const row = this.rowOf.get(m.code);
      if (row === undefined) continue;
      out.set(m.regio, euro((out.get(m.regio) ?? 0) + (perGemeente[row] ?? 0)));
    }
    return out;
  }

  private published2B(regio: string, jaar: EditionYear): Euro {
    return this.input.bijlage2B.find((b) => b.regio === regio && b.jaar === jaar)?.bedrag ?? ZERO;
  }

  private readonly compositions = new Map<string, Map<number, Euro>>();
  private readonly rowSplitDone = new Set<EditionYear>();
  private readonly estimates = new Map<string, Map<string, Euro>>();

  /**
   * The national composition of the Brede SPUK in a year: GALA + LPO 2024 (+ the Bijlage 1 mutations
   * of that year when `withMutaties`). Σ = Σ Bijlage 2A of the year (2025, 2026) or GALA + the LPO
   * total of 2025 (2024). Every part is a whole-euro largest-remainder split; see the class docstring.
   */
  composition(regeling: string, jaar: EditionYear, withMutaties: boolean): Map<number, Euro> {
    const id = `${regeling}|${jaar}|${withMutaties}`;
    const known = this.compositions.get(id);
    if (known) return known;
    const parts = this.compositionParts(regeling, jaar, withMutaties);
    const out = new Map<number, Euro>(parts.map((p) => [p.nr, euro(p.gala + p.lpo + p.mutaties)] as const));
    this.compositions.set(id, out);
    return out;
  }

  /**
   * The parts of the composition per onderdeel, for showing the derivation: GALA (€), its share of the
   * LPO total, and the mutations of Bijlage 1 that land on it (a korting pro rata GALA + LPO). See
   * `composition`. Throws RangeError when a mutation of the year has no onderdeel in the manifest.
   */
  compositionParts(
    regeling: string,
    jaar: EditionYear,
    withMutaties: boolean,
  ): { readonly nr: number; readonly gala: Euro; readonly lpo: Euro; readonly mutaties: Euro }[] {
    const brede = this.lines.filter((l) => l.regeling.id === regeling);
    const naam = brede[0]?.regeling.naam;
    const galaOf = (nr: number, y: EditionYear): Euro =>
      (y <= 2026 ? this.input.base.onderdelen.find((o) => o.nr === nr)?.amounts[y as 2023] : undefined) ??
      ZERO;
    const mutaties = (y: EditionYear): readonly Mutatie[] =>
      this.input.base.mutaties.filter((m) => m.jaar === y && m.spuk === naam);
    const total2A = (y: EditionYear): Euro =>
      euro(this.input.bijlage2A.filter((b) => b.jaar === y).reduce((a, b) => a + b.bedrag, 0));
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    // LPO: for 2024 the 2025 LPO total (the same indexation was paid in 2024 and 2025).
    const lpoYear: EditionYear = withMutaties ? jaar : 2025;
    const galaLpoYear = brede.map((l) => galaOf(l.nr, lpoYear));
    const lpoTotal = euro(total2A(lpoYear) - sum(galaLpoYear) - sum(mutaties(lpoYear).map((m) => m.bedrag)));
    const galaYear = brede.map((l) => galaOf(l.nr, jaar));
    const lpo = splitByWeights(lpoTotal, galaYear, sum(galaYear)).amounts;
    const muts = brede.map(() => 0);
    if (withMutaties) {
      const mapping = this.input.edition.chain.flatMap((m) => m.mutaties);
      const base = brede.map((_, i) => (galaYear[i] ?? 0) + (lpo[i] ?? 0));
      for (const m of mutaties(jaar)) {
        const target = mapping.find(
          (x) => x.jaar === jaar && x.regeling === regeling && x.onderwerp === m.onderwerp,
        );
        if (target === undefined)
          throw new RangeError(`Mutatie "${m.onderwerp}" ${jaar} has no onderdeel in the manifest`);
        if (target.nr === null) {
          const spread = splitByWeights(m.bedrag, base, sum(base)).amounts;
          spread.forEach((v, i) => (muts[i] = (muts[i] ?? 0) + v));
        } else {
          const i = brede.findIndex((l) => l.nr === target.nr);
          muts[i] = (muts[i] ?? 0) + m.bedrag;
        }
      }
    }
    return brede.map((l, i) => ({
      nr: l.nr,
      gala: galaYear[i] ?? ZERO,
      lpo: lpo[i] ?? ZERO,
      mutaties: euro(muts[i] ?? 0),
    }));
  }

  /** Bijlage 2A: each gemeente's published total split over the onderdelen by the national composition. */
  private splitPublishedTotals(
    regeling: string,
    jaar: EditionYear,
    composition: Map<number, Euro>,
    editie: string,
  ): void {
    const brede = this.lines.filter((l) => l.regeling.id === regeling);
    const weights: number[] = brede.map((l) => composition.get(l.nr) ?? 0);
    const W = weights.reduce((a, b) => a + b, 0);
    if (this.rowSplitDone.has(jaar)) return;
    this.rowSplitDone.add(jaar);
    // A gemeente without a Bijlage 2A row keeps no amount (undefined: `gemeente` gives the zero of `none`).
    const columns = brede.map(() => new Array<Euro | undefined>(this.gemeenten.length).fill(undefined));
    const weightsId = `${W}:${weights.join(',')}`;
    for (const p of this.input.bijlage2A) {
      if (p.jaar !== jaar) continue;
      const row = this.rowOf.get(p.code);
      if (row === undefined) continue;
      const split = this.splits.byWeights(p.bedrag, weights, W, weightsId);
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        if (c) c[row] = split[i] ?? ZERO;
      }
    }
    const meta = { bron: 'afgeleid', regel: 'bijlage-2a', editie } as const;
    brede.forEach((l, i) => this.gemeenteOf.set(slot(l.nr, jaar), column(columns[i] ?? [], meta)));
  }
}

/**
 * Splits (`splitByWeights(...).amounts`) made once per amount: by the key, or by other weights named
 * by an id that fixes them. The arrays are shared and never changed. Ledgers of the same key may share
 * one (see the Ledger constructor); its answers are those of `splitByWeights`.
 */
export class SplitMemo {
  private readonly keyed = new Map<number, readonly Euro[]>();
  private readonly other = new Map<string, Map<number, readonly Euro[]>>();

  constructor(readonly key: Verdeelsleutel) {}

  /** The key split of an amount over the gemeenten (row order). */
  byKey(amount: Euro): readonly Euro[] {
    let out = this.keyed.get(amount);
    if (out === undefined) {
      out = splitByWeights(amount, this.key.weights, this.key.total).amounts;
      this.keyed.set(amount, out);
    }
    return out;
  }

  /** The split of an amount by `weights` (Σ = `total`); `id` must differ for other weights. */
  byWeights(amount: Euro, weights: readonly number[], total: number, id: string): readonly Euro[] {
    let memo = this.other.get(id);
    if (memo === undefined) this.other.set(id, (memo = new Map()));
    let out = memo.get(amount);
    if (out === undefined) {
      out = splitByWeights(amount, weights, total).amounts;
      memo.set(amount, out);
    }
    return out;
  }
}

/**
 * One (line, year) of the gemeenten, by row: the amounts, and what every amount of the column shares
 * (source, rule, edition, open post). The `LedgerAmount` of a row is made the first time it is read
 * (`at`) and then kept, so a ledger does not make an object per gemeente × line × year up front.
 */
interface Column {
  /** Per row; undefined: no amount for that gemeente (`gemeente` then gives the line's zero). */
  readonly bedragen: readonly (Euro | undefined)[];
  readonly meta: Omit<LedgerAmount, 'bedrag'>;
  readonly made: (LedgerAmount | undefined)[];
}

function column(bedragen: readonly (Euro | undefined)[], meta: Omit<LedgerAmount, 'bedrag'>): Column {
  return { bedragen, meta, made: new Array<LedgerAmount | undefined>(bedragen.length) };
}

/** The amount of a row of a column (undefined where the column has none), made once. */
function at(c: Column, row: number): LedgerAmount | undefined {
  const known = c.made[row];
  if (known !== undefined) return known;
  const bedrag = c.bedragen[row];
  if (bedrag === undefined) return undefined;
  const { bron, regel, editie, open } = c.meta;
  const made: LedgerAmount = { bedrag, bron, regel, editie, ...(open ? { open } : {}) };
  c.made[row] = made;
  return made;
}

const RANK: Record<Bron, number> = { beschikking: 5, gepubliceerd: 4, afgeleid: 3, geschat: 2, raming: 1 };

/** The weakest source among parts: a sum is only as good as its least certain part. */
export function weakest(parts: readonly { readonly bron: Bron }[]): Bron {
  let out: Bron = 'beschikking';
  for (const p of parts) if (RANK[p.bron] < RANK[out]) out = p.bron;
  return out;
}

/** A number for (line, year): the storage key of a ledger column (any year 2000–2100). */
function slot(nr: number, jaar: EditionYear): number {
  return nr * 128 + (jaar - 2000);
}

function cell(code: string, nr: number, jaar: EditionYear): string {
  return `${code}|${nr}|${jaar}`;
}

/**
 * The largest national amount any rule splits with a verdeelsleutel (GALA lines and levels, the SPUK
 * AZWA raming): bounds the weights of a custom key so that N · w + W stays exact (see verdeelsleutel.ts).
 */
export function largestKeySplitAmount(base: ReferenceData): Euro {
  const gala = base.onderdelen.flatMap((o) => [...Object.values(o.amounts), o.structureel]);
  const azwa = base.azwaRaming.flatMap((a) => Object.values(a.bedragen));
  return euro(Math.max(0, ...[...gala, ...azwa].map((v) => v ?? 0)));
}
