// Dutch texts at the edge: one catalogue per source of facts.
export * from './nl';
export * from './excel.nl';
export * from './begroting.nl';
export * from './regio.nl';
export * from './verantwoording.nl';
