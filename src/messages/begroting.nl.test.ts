import { editionInput } from '../data';
import type { BegrotingMutatie, RegioRol, Signaal, TaakveldMutaties } from '../domain';
import { begrotingRegels, euro } from '../domain';
import type { Weergave } from './begroting.nl';
import { mutatieExportRegels, mutatieOmschrijving, signaalText } from './begroting.nl';

/**
 * The one formatter of the mutaties export's lines (`begroting --formaat mutaties` and the
 * Samenvatting's block): texts, Inc./Struc. and the thousands, on hand-made domain lines.
 */
const mutatie = (extra: Partial<BegrotingMutatie>): BegrotingMutatie => ({
  rij: 6,
  taakveld: '7.1',
  regeling: 'Brede SPUK',
  onderdeel: 7,
  activiteit: 'Valpreventie',
  uitvoerder: 'GGD',
  soort: 'lasten',
  aard: 'incidenteel',
  bedragen: [-250_000, -200],
  duizenden: [-250, -0],
  ...extra,
});

const taakveld = (extra: Partial<TaakveldMutaties>): TaakveldMutaties => ({
  taakveld: '7.1',
  naam: 'Volksgezondheid',
  mutaties: [],
  nietGedekt: { soort: 'baten', aard: 'incidenteel', bedragen: [-2_600, 0], duizenden: [-3, 0] },
  baten: [euro(0), euro(0)],
  lasten: [euro(0), euro(0)],
  totaalDuizenden: [-3, 0],
  ...extra,
});

describe('mutatieOmschrijving', () => {
  it('writes "<activiteit> (<regeling>, onderdeel n) – <soort>", without the onderdeel when there is none', () => {
    expect(mutatieOmschrijving(mutatie({}))).toBe('Valpreventie (Brede SPUK, onderdeel 7) – lasten');
    expect(mutatieOmschrijving(mutatie({ regeling: 'SPUK IZA', onderdeel: undefined, soort: 'baten' }))).toBe(
      'Valpreventie (SPUK IZA) – baten',
    );
  });
});

describe('mutatieExportRegels: the lines of the mutaties export in order', () => {
  it('per taakveld its activities, the "niet gedekt" line and the total; named taakvelden labelled', () => {
    const lines = mutatieExportRegels([
      taakveld({
        mutaties: [
          mutatie({ aard: 'structureel' }),
          mutatie({ soort: 'baten', aard: 'incidenteel', bedragen: [250_000, 200], duizenden: [250, 0] }),
        ],
      }),
    ]);
    expect(lines).toEqual([
      {
        taakveld: '7.1 Volksgezondheid',
        omschrijving: 'Valpreventie (Brede SPUK, onderdeel 7) – lasten',
        inc: '',
        struc: 'x',
        bedragen: [-250, 0],
      },
      {
        taakveld: '7.1 Volksgezondheid',
        omschrijving: 'Valpreventie (Brede SPUK, onderdeel 7) – baten',
        inc: 'x',
        struc: '',
        bedragen: [250, 0],
      },
      {
        taakveld: '7.1 Volksgezondheid',
        omschrijving: 'Niet gedekt door de uitkering (eigen middelen)',
        inc: 'x',
        struc: '',
        bedragen: [-3, 0],
      },
      {
        taakveld: '7.1 Volksgezondheid',
        omschrijving: 'Totaal taakveld 7.1',
        inc: '',
        struc: '',
        bedragen: [-3, 0],
      },
    ]);
    // −0 thousands (−200 euros) is written as 0.
    expect(Object.is(lines[0]?.bedragen[1], 0)).toBe(true);
  });

  it('the group "overig": each activity with its own code, the group lines "overig"; an empty aard gives neither x', () => {
    const lines = mutatieExportRegels([
      taakveld({
        taakveld: 'overig',
        naam: undefined,
        mutaties: [mutatie({ taakveld: '0.10', aard: undefined, onderdeel: undefined })],
      }),
    ]);
    expect(lines.map((l) => [l.taakveld, l.omschrijving, l.inc, l.struc])).toEqual([
      ['0.10', 'Valpreventie (Brede SPUK) – lasten', '', ''],
      ['overig', 'Niet gedekt door de uitkering (eigen middelen)', 'x', ''],
      ['overig', 'Totaal taakveld overig', '', ''],
    ]);
  });
});

/**
 * #18: a signal's text fits where it is shown. The same plafond signal of a member gemeente (Dalfsen's
 * SPUK IZA 2025 on the sample begroting: € 273.969 over) tells the werkmap's user to fill in the sheet
 * Beschikking and the CLI's user to give --van-mandaatgemeente; the rest of the sentence is the same.
 */
describe('signaalText per weergave', () => {
  const regels = begrotingRegels(editionInput('vws-2026-04').edition);
  const plafond = (rol: RegioRol | undefined): Signaal => ({
    soort: 'plafond',
    regeling: 'SPUK IZA',
    jaar: 2025,
    bedrag: euro(273_969),
    ...(rol === undefined ? {} : { rol }),
  });
  const text = (rol: RegioRol | undefined, weergave: Weergave) => signaalText(plafond(rol), regels, weergave);
  const kern =
    'SPUK IZA, 2025: de lasten liggen € 273.969 boven het plafond. Verlaag de lasten of zoek andere dekking.';

  it('a member gemeente: the werkmap names the sheet and its row, the CLI the option', () => {
    expect(text('lid', 'werkmap')).toBe(
      `${kern} Als ledengemeente toetst u regionaal geld tegen wat de mandaatgemeente doorgeeft: vul dat in op blad Beschikking ("Ontvangen van de mandaatgemeente"; leeg = het geplande aandeel).`,
    );
    expect(text('lid', 'cli')).toBe(
      `${kern} Als ledengemeente toetst u regionaal geld tegen wat de mandaatgemeente doorgeeft: geef dat met --van-mandaatgemeente JAAR=BEDRAG,... (bijv. 2025=120000; een jaar dat er niet staat = het geplande aandeel).`,
    );
  });

  it('role unknown: both roles, the member’s way in per weergave; no sheet on the command line', () => {
    expect(text(undefined, 'werkmap')).toMatch(/\(blad Beschikking, "Ontvangen van de mandaatgemeente"\)\.$/);
    expect(text(undefined, 'cli')).toMatch(/\(met --van-mandaatgemeente JAAR=BEDRAG,\.\.\.\)\.$/);
  });

  it('on the command line no signal names a sheet; a text without a way in is the same in both', () => {
    for (const rol of ['lid', 'mandaatgemeente', 'geen', undefined] as const)
      expect(text(rol, 'cli')).not.toMatch(/\bblad\b|werkmap/i);
    expect(text('geen', 'cli')).toBe(text('geen', 'werkmap'));
    // The mandaatgemeente's doorbetaling: the sheet in the werkmap, the command and column on the CLI.
    expect(text('mandaatgemeente', 'werkmap')).toMatch(/volgens blad Regioverdeling doorgeeft/);
    expect(text('mandaatgemeente', 'cli')).toMatch(
      /'spuk-begroting regioverdeling', kolom doorgeven hierboven\) doorgeeft/,
    );
    const gat: Signaal = { soort: 'bbv-gat-2026', jaar: 2026, bedrag: euro(900_000) };
    expect(signaalText(gat, regels, 'cli')).toBe(
      'Na 2026: € 900.000 structurele lasten op de Brede SPUK en SPUK IZA zonder dekking vanaf 2027.',
    );
    expect(signaalText(gat, regels, 'werkmap')).toBe(signaalText(gat, regels, 'cli'));
  });
});
