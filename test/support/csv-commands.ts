/**
 * Every command that writes CSV, as the CLI tests call it (cli-uitvoer: help and --csv-komma per command;
 * test/libreoffice/csv-roundtrip: each file opened by LibreOffice nl-NL), and the files those commands read.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const voorbeeld = (name: string): string => fs.readFileSync(path.join(ROOT, 'voorbeelden', name), 'utf8');

/**
 * The files the commands read, by the path they name: the samples in voorbeelden/ (the README's
 * examples), and for SiSa H35B the same begroting and realisatie with Lelystad (a member of Almere's
 * regio Flevoland) as the Uitvoerder of the SPUK IZA row, so that a medeoverheid has figures.
 */
export const CSV_COMMAND_FILES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['begroting', 'realisatie', 'beschikking'].map((f) => [`voorbeelden/${f}.csv`, voorbeeld(`${f}.csv`)]),
  ),
  ...Object.fromEntries(
    ['begroting', 'realisatie'].map((f) => [
      `lelystad-${f}.csv`,
      voorbeeld(`${f}.csv`).replace(
        ';Regionale coördinatie;7.1;GGD;',
        ';Regionale coördinatie;7.1;Lelystad;',
      ),
    ]),
  ),
};

const BEGROTING = ['--invoer', 'voorbeelden/begroting.csv', '--gemeente', 'Almere'];

/** Every command that writes CSV, by the name of its file (the commands with --formaat: with csv). */
export const CSV_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  allocaties: ['allocaties', '--gemeente', 'Almere'],
  verschil: ['verschil', '--gemeente', 'Almere'],
  iza: ['iza'],
  edities: ['edities'],
  regioverdeling: ['regioverdeling', '--gemeente', 'Zwolle'],
  h35b: ['regioverdeling', '--gemeente', 'Zwolle', '--h35b'],
  'h35b-realisatie': [
    'regioverdeling',
    '--gemeente',
    'Almere',
    '--h35b',
    '--realisatie',
    'lelystad-realisatie.csv',
    '--begroting',
    'lelystad-begroting.csv',
  ],
  begroting: ['begroting', ...BEGROTING, '--formaat', 'csv'],
  mutaties: ['begroting', ...BEGROTING, '--formaat', 'mutaties'],
  controle: ['controle', '--formaat', 'csv'],
  verantwoording: [
    'verantwoording',
    '--gemeente',
    'Almere',
    '--beschikking',
    'voorbeelden/beschikking.csv',
    '--begroting',
    'voorbeelden/begroting.csv',
    '--realisatie',
    'voorbeelden/realisatie.csv',
    '--formaat',
    'csv',
  ],
};
