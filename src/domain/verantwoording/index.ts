// The verantwoording layer: realisatie against begroting and beschikking, overheveling, terugvordering.
export * from './regels';
export * from './verantwoording';
export * from './sleutel';
export * from './uitvoerder';
