/**
 * Feature gating with `Office.context.requirements.isSetSupported`.
 *
 * Floor: ExcelApi 1.9 (declare the same in manifest.xml). Below it the add-in refuses politely
 * (`UnsupportedHost`). Optional parts are gated on their own API set as well and skipped, not
 * failed, when missing; they are reported in `RenderReport.skippedFeatures`.
 */
import type { RequirementChecker } from './host';

export const REQUIRED_API_SET = 'ExcelApi';
export const REQUIRED_API_VERSION = '1.9';
export const REQUIRED_API = `${REQUIRED_API_SET} ${REQUIRED_API_VERSION}`;

export type OptionalFeature = 'conditionalFormats' | 'charts' | 'dataValidation' | 'tabColor' | 'printLayout';

/** The API set each optional feature needs (what the renderer calls for it). */
export const OPTIONAL_FEATURE_SETS: Readonly<Record<OptionalFeature, string>> = {
  conditionalFormats: '1.6',
  charts: '1.7',
  dataValidation: '1.8',
  tabColor: '1.7',
  printLayout: '1.9',
};

export type HostFeatures = Readonly<Record<OptionalFeature, boolean>>;

export const ALL_FEATURES: HostFeatures = {
  conditionalFormats: true,
  charts: true,
  dataValidation: true,
  tabColor: true,
  printLayout: true,
};

export function detectFeatures(requirements: RequirementChecker): HostFeatures {
  const has = (version: string): boolean => safeIsSetSupported(requirements, REQUIRED_API_SET, version);
  return {
    conditionalFormats: has(OPTIONAL_FEATURE_SETS.conditionalFormats),
    charts: has(OPTIONAL_FEATURE_SETS.charts),
    dataValidation: has(OPTIONAL_FEATURE_SETS.dataValidation),
    tabColor: has(OPTIONAL_FEATURE_SETS.tabColor),
    printLayout: has(OPTIONAL_FEATURE_SETS.printLayout),
  };
}

export function meetsFloor(requirements: RequirementChecker): boolean {
  return safeIsSetSupported(requirements, REQUIRED_API_SET, REQUIRED_API_VERSION);
}

export function safeIsSetSupported(requirements: RequirementChecker, name: string, version: string): boolean {
  try {
    return requirements.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** `Office.context.requirements` when running inside an Office host, else undefined. */
export function officeRequirements(): RequirementChecker | undefined {
  if (typeof Office === 'undefined') return undefined;
  const requirements: RequirementChecker | undefined = Office.context?.requirements;
  return requirements && typeof requirements.isSetSupported === 'function' ? requirements : undefined;
}

/** True when running inside Excel with at least the floor API set. */
export function isExcelSupported(): boolean {
  if (typeof Excel === 'undefined') return false;
  const requirements = officeRequirements();
  return requirements !== undefined && meetsFloor(requirements);
}

export type HostStatus =
  | { readonly kind: 'ok' }
  | { readonly kind: 'NotInExcel' }
  | { readonly kind: 'UnsupportedHost'; readonly required: string };

/** Where are we running? For the task pane's first message (a plain browser says so instead of failing). */
export function hostStatus(): HostStatus {
  if (typeof Office === 'undefined' || typeof Excel === 'undefined') return { kind: 'NotInExcel' };
  const requirements = officeRequirements();
  if (requirements === undefined) return { kind: 'NotInExcel' };
  return meetsFloor(requirements) ? { kind: 'ok' } : { kind: 'UnsupportedHost', required: REQUIRED_API };
}
