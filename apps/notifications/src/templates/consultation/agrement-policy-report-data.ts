import type { CommonTemplateData } from '../notification-template';

/** What every message of the yearly information on agrément policy shows (seed 002 I.2). */
export interface AgrementPolicyReportData extends CommonTemplateData {
  reportId: string;
  year: number;
  regionLabel: string;
  regionList: string;
}
