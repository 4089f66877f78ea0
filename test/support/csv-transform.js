// Jest transform: a CSV file becomes a module whose default export is the file's text,
// exactly as webpack's `asset/source` rule does for the bundles.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(sourceText)} };` };
  },
};
