import type { CalendarDate } from '@tripartite/calendar';
import {
  agreementLimitsSchema,
  applicationKinds,
  calendarDateSchema,
  complianceCommitmentSchema,
  complianceGrounds,
  derogationSchema,
  inspectorVerdicts,
  regionCodeSchema,
  renewalExaminationSchema,
} from '@tripartite/events';
import { pageSchemaOf } from '@tripartite/http';
import { z } from 'zod';
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

const date = calendarDateSchema;
const noticeSchema = z.object({
  id: z.uuid(),
  grounds: z.enum(complianceGrounds),
  noticeOn: date,
  deadlineOn: date,
  text: z.string(),
  status: z.enum(['open', 'met', 'lapsed']),
  metOn: date.nullable(),
});

/** The agrément as the API answers it (documents the OpenAPI response; the mapping above builds it). */
export const agreementResponseSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  serviceType: z.enum(['SSTI', 'SSTA']),
  regions: z.array(regionCodeSchema),
  employeesFollowed: z.number().int().nullable(),
  caisseId: z.uuid().nullable().describe("The service's competent Caisse (none for an SSTA)"),
  origin: z
    .union([
      z.object({ kind: z.literal('application') }),
      z.object({ kind: z.literal('existing'), reference: z.string().nullable(), recordedOn: date }),
    ])
    .describe('Filed on the platform, or recorded as it already stood when the region joined'),
  application: z.enum(applicationKinds),
  filedOn: date.nullable().describe('Null for an agrément recorded as existing'),
  decisionDueOn: date.nullable(),
  previousAgreementId: z.uuid().nullable(),
  lateRenewal: z.boolean(),
  status: z.enum(['requested', 'granted', 'refused', 'withdrawn', 'expired']),
  inspectorOpinion: z
    .object({ verdict: z.enum(inspectorVerdicts), givenOn: date, text: z.string() })
    .nullable(),
  decision: z
    .union([
      z.object({
        outcome: z.enum(['granted', 'conditional']),
        decidedOn: date,
        limits: agreementLimitsSchema,
        derogations: z.array(derogationSchema),
        complianceCommitment: complianceCommitmentSchema.nullable(),
        renewalExamination: renewalExaminationSchema.nullable(),
      }),
      z.object({
        outcome: z.literal('refused'),
        decidedOn: date,
        reasons: z.string(),
        renewalExamination: renewalExaminationSchema.nullable(),
      }),
      z.object({ outcome: z.literal('implicit'), decidedOn: date }),
    ])
    .nullable(),
  conditional: z.boolean(),
  validFrom: date.nullable(),
  validUntil: date.nullable(),
  supersededBy: z.uuid().nullable(),
  notices: z.array(noticeSchema),
  sanction: z
    .object({
      kind: z.enum(['withdrawal', 'shortening']),
      decidedOn: date,
      noticeId: z.uuid(),
      grounds: z.enum(complianceGrounds),
      text: z.string(),
      previousValidUntil: date,
    })
    .nullable(),
  memberInformation: z
    .object({ dueSince: date, doneOn: date.nullable(), text: z.string().nullable() })
    .nullable(),
  inForce: z.boolean(),
  renewalFilingDeadline: date.nullable(),
  version: z.number().int(),
});

export const agreementPageSchema = pageSchemaOf(
  agreementResponseSchema,
  'Soonest expiry first, then the latest filed',
);
