// The Node renderer: WorkbookPlan → .xlsx (ExcelJS). The only code that imports exceljs.
export { renderXlsx } from './render-xlsx';
export { addCharts } from './charts';
export { xlsxBasePackage, xlsxBatch } from './batch-xlsx';
export type { XlsxBasePackage, XlsxBatch } from './batch-xlsx';
