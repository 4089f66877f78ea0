import type { BegrotingMutatie, TaakveldMutaties } from '../domain';
import { euro } from '../domain';
import { mutatieExportRegels, mutatieOmschrijving } from './begroting.nl';

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
