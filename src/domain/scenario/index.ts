// The scenario facade: one request (edition, key, gemeente, beschikking, begroting) resolved once
// into every number and label the workbook, the CLI and the task pane show.
export * from './scenario';
export * from './sources';
export * from './model-checks';
export * from './cross-checks';
export * from './open-posts';
export * from './azwa';
export * from './starter';
