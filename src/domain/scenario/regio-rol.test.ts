import { scenarioEditions } from '../../data';
import { builtInKey } from '../verdeelsleutel';
import type { CbsCode } from '../types';
import { resolveNational, resolveScenario } from './scenario';

/** The role the workbook shows rows by (#18): Zwolle and Almere receive the regional money, their members not. */
describe('regioRol on the resolved scenario', () => {
  const job = scenarioEditions('vws-2026-04');
  const key = builtInKey('spuk-2025', job.edition.base);
  const national = resolveNational({ ...job, key });
  const rol = (gemeente: string | undefined) =>
    resolveScenario({ ...job, key, gemeente: gemeente as CbsCode | undefined }, national).regioRol;

  it('is mandaatgemeente for Zwolle and Almere, lid for Dalfsen, Kampen and Dronten, geen nationally', () => {
    expect([rol('GM0193'), rol('GM0034')]).toEqual(['mandaatgemeente', 'mandaatgemeente']);
    expect([rol('GM0148'), rol('GM0166'), rol('GM0303')]).toEqual(['lid', 'lid', 'lid']);
    expect(rol(undefined)).toBe('geen');
  });
});
