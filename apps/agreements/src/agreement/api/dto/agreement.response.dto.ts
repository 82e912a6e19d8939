import type { CalendarDate } from '@tripartite/calendar';
import type { Agreement } from '../../domain/agreement';
import type { AgreementState } from '../../domain/agreement.types';
import { renewalFilingDeadline } from '../../domain/agreement-term.rule';

export type AgreementResponse = Omit<AgreementState, 'status'> & {
  id: string;
  status: AgreementState['status'];
  /** Whether it is in force today (Paris date on the platform clock). */
  inForce: boolean;
  /** Last day to file the renewal on time (D.4622-50), once the agrément has an end. */
  renewalFilingDeadline: CalendarDate | null;
  version: number;
};

export function toAgreementResponse(agreement: Agreement, today: CalendarDate): AgreementResponse {
  const s = agreement.state;
  return {
    id: agreement.id,
    ...s,
    inForce: agreement.inForceOn(today),
    renewalFilingDeadline:
      s.validUntil && s.status === 'granted' ? renewalFilingDeadline(s.validUntil) : null,
    version: agreement.version,
  };
}
