import type { InputFailure } from '../domain';
import { cliFailureText, failureText } from './nl';

describe('failureText and cliFailureText: the same failure, worded for where it is shown', () => {
  const unknown: InputFailure = { kind: 'UnknownCbsCode', row: 4, code: 'GM9999' };

  it('an unknown CBS code: the werkmap points to its sheet Verdeelsleutel, the command line to a command', () => {
    expect(failureText(unknown)).toBe(
      'Rij 4: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie kolom A van het blad Verdeelsleutel).',
    );
    expect(cliFailureText(unknown)).toBe(
      'Rij 4: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie de kolom gemeentecode van \'spuk-begroting allocaties\').',
    );
    expect(cliFailureText(unknown)).not.toMatch(/\bblad\b|werkmap/i);
  });

  it('a failure that names no place reads the same in both', () => {
    const f: InputFailure = { kind: 'DuplicateCbsCode', row: 5, code: 'GM0034', firstRow: 2 };
    expect(cliFailureText(f)).toBe(failureText(f));
    expect(failureText(f)).toBe(
      'Rij 5: de CBS-code GM0034 staat al op rij 2. Laat elke gemeente één keer voorkomen.',
    );
  });

  it('an empty input: paste or choose in the pane, a file on the command line', () => {
    const f: InputFailure = { kind: 'EmptyInput', input: 'sleutel' };
    expect(failureText(f)).toBe(
      'De invoer is leeg. Plak of kies een bestand met een kopregel en één rij per gemeente.',
    );
    expect(cliFailureText(f)).toBe(
      'Het bestand is leeg. Geef een bestand met een kopregel en één rij per gemeente.',
    );
  });

  it('an unknown onderdeel: only the command line names the option --editie', () => {
    const f: InputFailure = {
      kind: 'UnknownLine',
      row: 3,
      text: '19',
      editie: 'vws-2025-09',
      known: [1, 2, 16],
    };
    expect(cliFailureText(f)).toMatch(/, of kies met --editie de editie van uw beschikking\.$/);
    expect(failureText(f)).toMatch(/, of kies de editie van uw beschikking\.$/);
    expect(failureText(f)).not.toContain('--');
  });

  it('regional money on a member: the werkmap names its blad, the command line its option', () => {
    const f: InputFailure = { kind: 'RegionaalVoorLid', row: 3, regeling: 'SPUK IZA', gemeente: 'Dalfsen' };
    expect(failureText(f)).toMatch(/\(blad Beschikking\)\.$/);
    expect(cliFailureText(f)).toMatch(/\(met --van-mandaatgemeente\)\.$/);
    expect(cliFailureText(f)).not.toMatch(/\bblad\b/);
  });
});
