import { defaultEditionId, editionInput, parseBeschikkingRegelsCsv } from '../data';
import type { CbsCode, Euro } from '../domain';
import { builtInKey, resolveScenario } from '../domain';
import { buildWorkbookPlan } from '../plan';
import { NL } from './messages.nl';
import { nextSteps } from './next-steps';

const input = editionInput(defaultEditionId());
const key = builtInKey('spuk-2025', input.base);
const ALMERE = 'GM0034' as CbsCode;
const almere = resolveScenario({ edition: input, key, gemeente: ALMERE });
const ledger = almere.ledger;

describe('next steps after a load', () => {
  it('counts the sources of what Almere receives per line and year (the ledger labels)', () => {
    const c = almere.sources;
    // Brede SPUK 2025 and 2026 are derived from Bijlage 2A; SPUK IZA 2025/2026 (Almere is mandaatgemeente
    // of Flevoland) is published Bijlage 2B; the rest is estimated with the key.
    expect(c.afgeleid).toBeGreaterThan(0);
    expect(c.gepubliceerd).toBeGreaterThan(0);
    expect(c.geschat).toBeGreaterThan(0);
    // SPUK AZWA 2027–2029: a raming (lokaal, and regionaal as mandaatgemeente), not "geschat".
    expect(c.raming).toBe(6);
    expect(c.beschikking).toBe(0);
    // BRC and Sportakkoord leave the SPUK from 2027: open posten, not amounts.
    expect(c.open).toBeGreaterThan(0);
    let expected = 0;
    for (const l of ledger.lines)
      for (const y of [2023, 2024, 2025, 2026, 2027, 2028, 2029] as const) {
        const a = l.ontvanger === 'landelijk' ? undefined : ledger.gemeente(ALMERE, l.nr, y);
        if (a && !a.open && a.bedrag !== 0) expected++;
      }
    expect(c.afgeleid + c.gepubliceerd + c.geschat + c.raming).toBe(expected);
  });

  it('a gemeente that is no mandaatgemeente has no published regional amounts', () => {
    // Zeewolde (GM0050): a member of Flevoland, not its mandaatgemeente.
    const zeewolde = resolveScenario({ edition: input, key, gemeente: 'GM0050' as CbsCode });
    expect(zeewolde.sources.gepubliceerd).toBe(0);
  });

  it('counts the amounts of the beschikking the pane writes in the same run ("uit uw beschikking")', () => {
    // Almere's SPUK IZA 2025 and SPUK AZWA lokaal 2027 from its beschikking: two amounts change source.
    const parsed = parseBeschikkingRegelsCsv(
      'regeling;onderdeel;jaar;bedrag_eur\nSPUK IZA;;2025;3161954\nSPUK AZWA lokaal;;2027;1200000\n',
      {
        gemeente: ALMERE,
        gemeenten: input.base.gemeenten,
      },
    );
    if (!parsed.ok) throw new Error('the beschikking should parse');
    const s = resolveScenario({ edition: input, key, gemeente: ALMERE, beschikking: parsed.value });
    expect(s.sources.beschikking).toBe(2);
    expect(s.sources.gepubliceerd).toBe(almere.sources.gepubliceerd - 1);
    expect(s.sources.geschat).toBe(almere.sources.geschat);
    expect(s.sources.raming).toBe(almere.sources.raming - 1);
    expect(nextSteps(s.modelChecksTotal, s.sources, false, 0)[2]).toContain('2 uit uw beschikking');
  });

  it('the master check the pane reports is the one the workbook computes (Controle_Totaal)', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ALMERE });
    const ref =
      plan.names
        .find((n) => n.name === 'Controle_Totaal')
        ?.ref.replace(/\$/g, '')
        .split('!') ?? [];
    const block = plan.sheets
      .find((sh) => sh.name === ref[0])
      ?.blocks.find((b) => b.kind === 'formula' && b.range === ref[1]);
    expect(block?.kind === 'formula' ? block.expected[0]?.[0] : undefined).toBe(almere.modelChecksTotal);
    expect(almere.modelChecksTotal).toBe(0);
  });

  it('lists Overzicht first, then the check (OK or FOUT), then the sources, in Dutch', () => {
    const c = { beschikking: 0, gepubliceerd: 4, afgeleid: 30, geschat: 60, raming: 0, open: 6 };
    const ok = nextSteps(0, c, false);
    expect(ok[0]).toBe(NL.nextSteps.overzicht);
    expect(ok[0]).toContain('Overzicht');
    expect(ok[1]).toBe('Modelcontrole: OK. Het blad Controle telt 0 afwijkingen.');
    expect(ok[2]).toBe(
      'Van de 94 bedragen per onderdeel en jaar zijn er 4 gepubliceerd, 30 afgeleid uit gepubliceerde cijfers en ' +
        '60 geschat met de verdeelsleutel; de bron staat bij elk bedrag op Overzicht. 6 bedragen zijn nog onbekend (open post).',
    );
    expect(nextSteps(2, c, false)[1]).toBe(
      'Modelcontrole: FOUT. Het blad Controle telt 2 afwijkingen; kijk daar eerst.',
    );
    expect(nextSteps(undefined, { ...c, beschikking: 3, open: 0 }, true)[2]).toBe(
      'Van de 97 landelijke bedragen per onderdeel en jaar zijn er 3 uit uw beschikking, 4 gepubliceerd, ' +
        '30 afgeleid uit gepubliceerde cijfers en 60 geschat met de verdeelsleutel; de bron staat bij elk bedrag op Overzicht.',
    );
    expect(nextSteps(0, { ...c, raming: 6 }, false)[2]).toBe(
      'Van de 100 bedragen per onderdeel en jaar zijn er 4 gepubliceerd, 30 afgeleid uit gepubliceerde cijfers, ' +
        '60 geschat met de verdeelsleutel en 6 een raming (SPUK AZWA); de bron staat bij elk bedrag op Overzicht. 6 bedragen zijn nog onbekend (open post).',
    );
  });
});

describe('Wat nu? asks for the SPUK AZWA beschikking first (issue 16)', () => {
  const input = editionInput('vws-2026-04');
  const key = builtInKey('spuk-2025', input.base);
  const almere = 'GM0034' as CbsCode;

  it('Almere without a beschikking: the raming 2027–2029, the first step asks for it', () => {
    const s = resolveScenario({ edition: input, key, gemeente: almere });
    expect(s.azwa).toEqual({ jaren: [2027, 2028, 2029], beschikking: false });
    const steps = nextSteps(s.modelChecksTotal, s.sources, false, 0, s.azwa);
    expect(steps).toHaveLength(5);
    expect(steps[0]).toBe(
      'Eerst: voer uw beschikking SPUK AZWA in (blad Beschikking of hieronder). De bedragen 2027–2029 zijn tot dan een raming; de verdeelsleutel is "vooralsnog" (VWS/LZJS aan VNG, 22-04-2026).',
    );
    expect(steps[1]).toBe(NL.nextSteps.overzicht);
  });

  it('with SPUK AZWA lokaal 2027 in the beschikking, or nationally, or in an edition without AZWA: not asked', () => {
    const s = resolveScenario({
      edition: input,
      key,
      gemeente: almere,
      beschikking: [
        { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: 2_500_000 as Euro },
      ],
    });
    expect(s.azwa.beschikking).toBe(true);
    expect(nextSteps(0, s.sources, false, 0, s.azwa)[0]).toBe(NL.nextSteps.overzicht);
    const nl = resolveScenario({ edition: input, key });
    expect(nextSteps(0, nl.sources, true, 0, nl.azwa)[0]).toBe(NL.nextSteps.overzicht);
    const old = editionInput('vws-2025-09');
    const o = resolveScenario({ edition: old, key: builtInKey('spuk-2025', old.base), gemeente: almere });
    expect(o.azwa.jaren).toEqual([]);
    expect(nextSteps(0, o.sources, false, 0, o.azwa)[0]).toBe(NL.nextSteps.overzicht);
  });
});
