import type { Edition } from '../domain';

/**
 * The bundled edition: GALA (31-01-2023) national table + VWS letter of 12-09-2025 (Bijlage 1, 2A, 2B)
 * + gemeenten 2025. Provenance as recorded in data/SOURCES.md.
 */
export const EDITION_2025: Edition = {
  id: 'gala-2023+vws-2025-09-12',
  naam: 'GALA 2023 en VWS-brief 12-09-2025',
  datasets: [
    {
      id: 'gala-2023',
      titel: 'GALA: landelijk budget per onderdeel 2023–2026 en structureel (mln)',
      bron: 'VWS, Gezond en Actief Leven Akkoord (GALA), 31-01-2023, p. 37-38 tabel en voetnoten 26-30 (de regeling zelf: Stcrt. 2023, 4245)',
      kenmerk: 'GALA p. 38',
      datum: '2023-01-31',
      bestand: 'data/gala-2023/brede_spuk_2023_2026.csv',
      kanttekeningen: [
        'Bedragen afgerond op 0,1 mln; GALA: "Voor de exacte bedragen wordt verwezen naar de SPUK".',
        'GALA drukt het 2026-totaal incl. IZA af als "3384,66"; 384,6 is de rekenkundige som.',
        'Welzijn op Recept: tabel noemt 13,5 mln in 2026, de tekst zegt "na 2025 geen geoormerkt geld".',
      ],
    },
    {
      id: 'gala-2023-totalen',
      titel: 'GALA: gepubliceerde totalen per hoofdthema (mln)',
      bron: 'VWS, GALA, 31-01-2023, p. 38',
      kenmerk: 'GALA p. 38',
      datum: '2023-01-31',
      bestand: 'data/gala-2023/brede_spuk_published_totals.csv',
      kanttekeningen: ['Het structurele eindtotaal laat de bron leeg; het model rekent het uit.'],
    },
    {
      id: 'gala-2023-verdeling',
      titel: 'Verdeelsystematiek en structureel/incidenteel per onderdeel',
      bron: 'GALA p. 37-38 en bijlage 2 p. 49-50; DUS-I Brede SPUK- en SPUK IZA-pagina; VNG-ledenbrief 11-07-2025',
      kenmerk: '',
      datum: '2023-01-31 t/m 2025-07-11',
      bestand: 'data/gala-2023/brede_spuk_onderdelen_verdeelsystematiek.csv',
      kanttekeningen: ['De gewichten van de officiële sleutel (inwoners, lage SES, bodembedrag) zijn niet openbaar.'],
    },
    {
      id: 'vws-2025-bijlage-2a',
      titel: 'Bijlage 2A: Brede SPUK-totaal per gemeente 2025 en 2026',
      bron: 'VWS (DG Langdurige Zorg), brief "Wijziging SPUK IZA en Brede SPUK", Bijlage 2A',
      kenmerk: '4190863-1084972-DMO',
      datum: '2025-09-12',
      bestand: 'data/vws-2025-09/brede_spuk_bedragen_per_gemeente_2025_2026.csv',
      kanttekeningen: [
        'Incl. loon- en prijsontwikkeling uit 2024, afgerond op hele euro\'s; alleen totalen, geen uitsplitsing naar onderdeel.',
        '2026 onder voorbehoud van goedkeuring van de VWS-begroting.',
      ],
    },
    {
      id: 'vws-2025-bijlage-2b',
      titel: 'Bijlage 2B: SPUK IZA per samenwerkingsregio met mandaatgemeente, 2025 en 2026',
      bron: 'VWS, brief "Wijziging SPUK IZA en Brede SPUK", Bijlage 2B; Regeling SPUK IZA-doelen, Stcrt. 2023, 19964',
      kenmerk: '4190863-1084972-DMO',
      datum: '2025-09-12',
      bestand: 'data/vws-2025-09/spuk_iza_bedragen_per_regio_2025_2026.csv',
      kanttekeningen: [
        'Verhouding 2026/2025 wijkt af bij Noordoost Brabant, Noord-Holland Noord en Friesland; waarden ongewijzigd overgenomen.',
        'Bijlage 1 van de regeling (bedragen 2023-2024 per regio en de indeling van gemeenten) niet gevonden.',
      ],
    },
    {
      id: 'vws-2025-bijlage-1',
      titel: 'Bijlage 1: mutaties Brede SPUK en SPUK IZA 2025/2026 (mln)',
      bron: 'VWS, brief "Wijziging SPUK IZA en Brede SPUK", Bijlage 1',
      kenmerk: '4190863-1084972-DMO',
      datum: '2025-09-12',
      bestand: 'data/vws-2025-09/spuk_mutaties_2025_2026.csv',
      kanttekeningen: ['De brief vermeldt niet of de toevoegingen in 2026 structureel zijn.'],
    },
    {
      id: 'gemeenten-2025',
      titel: 'Gemeenten 2023–2025: CBS-code, naam, provincie, regio\'s, inwoners',
      bron: 'CBS/PDOK-gemeentegrenzen 2025 (via entranos/regioviewer); zorgkantoor- en regiobeeldregio en inwoners uit Ellen-Impell/RSO-NL',
      kenmerk: '',
      datum: 'indeling 2025; peildatum inwoners onbekend',
      bestand: 'data/gemeenten-2025/gemeenten_2023_2025.csv',
      kanttekeningen: [
        'Inwoners zijn indicatief: niet-officiële bron zonder peildatum (som 18.121.550). Vervangen door CBS StatLine zodra beschikbaar.',
        'De 38 regiobeeldregio\'s zijn niet gelijk aan de 42 SPUK IZA-regio\'s.',
      ],
    },
    {
      id: 'iza-lidmaatschap',
      titel: 'SPUK IZA-regio per gemeente (afgeleid, niet officieel)',
      bron: 'Afgeleid uit regiobeeldregio, geografie en de aandelen in Bijlage 2A/2B (zie data/SOURCES.md)',
      kenmerk: '',
      datum: '2026-11-23',
      bestand: 'data/gemeenten-2025/spuk_iza_regio_leden_afgeleid.csv',
      kanttekeningen: [
        'Geen officiële indeling: vervangen door bijlage 1 van de Regeling SPUK IZA-doelen zodra die beschikbaar is.',
        'Alleen regio\'s met de naam van een regiobeeldregio en dezelfde leden gelden als bekend; de rest is afgeleid.',
      ],
    },
    {
      id: 'vws-2026-azwa',
      titel: 'Raming SPUK AZWA 2027–2029 (mln)',
      bron: 'Brief minister VWS en minister LZJS aan VNG, "AZWA-afspraken D5 en D6 en financieringsinstrument", par. 4',
      kenmerk: '1097348-DMO',
      datum: '2026-04-22',
      bestand: 'data/vws-2026-04/spuk_azwa_2027_2029_raming.csv',
      kanttekeningen: ['Plannen, nog geen regeling; gescand document (OCR).'],
    },
  ],
};
