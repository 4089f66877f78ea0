// CSV files are imported as their raw text: webpack (asset/source) and jest (test/support/csv-transform.js) agree.
declare module '*.csv' {
  const content: string;
  export default content;
}
