/**
 * Everyday names of gemeenten that differ from both the CBS name and the VWS spelling, by CBS code.
 * Data, not logic: add a row when users type a name that is not found. The CLI and the task pane
 * both use it (through lookup.ts). A name without its qualifier ("Middelburg" for "Middelburg (Z.)")
 * needs no row: the lookup knows it when it is unique.
 */
export const GEMEENTE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag', 'The Hague'],
  GM0796: ['Den Bosch'],
  GM0820: ['Nuenen'],
  GM0893: ['Bergen Limburg', 'Bergen (Limburg)'],
  GM0373: ['Bergen Noord-Holland', 'Bergen (Noord-Holland)'],
};
