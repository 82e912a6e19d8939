import { addDays, type CalendarDate, earliest } from '@tripartite/calendar';

/** Where an agrément stands, as the `agreement.*` events told it. */
export const agreementStandings = ['granted', 'refused', 'withdrawn', 'expired'] as const;
export type AgreementStandingStatus = (typeof agreementStandings)[number];

/** One agrément of a service, projected from the agreements service's events (never asked of it). */
export interface AgreementStanding {
  agreementId: string;
  serviceId: string;
  status: AgreementStandingStatus;
  /** First day in force; null while unknown (refused, or a later fact arrived before the grant). */
  validFrom: CalendarDate | null;
  /** Last day in force as decided or shortened; null while unknown. */
  validUntil: CalendarDate | null;
  /** A withdrawal's date: not in force from that day (D.4622-51 2°). */
  withdrawnOn: CalendarDate | null;
  /** A refused renewal application (the previous agrément then ends without successor). */
  refusedAtRenewal: boolean;
  /** Set by `agreement.expired`: the renewal that takes over, null when none does. */
  renewedBy: string | null;
  /** The aggregate version of the latest fact applied. */
  version: number;
}

/** One fact of the agreements service's events, reduced to what the standing needs. */
export type AgreementFact =
  | { kind: 'granted'; validFrom: CalendarDate; validUntil: CalendarDate }
  | { kind: 'recorded'; status: 'granted' | 'expired'; validFrom: CalendarDate; validUntil: CalendarDate }
  | { kind: 'shortened'; validUntil: CalendarDate }
  | { kind: 'withdrawn'; withdrawnOn: CalendarDate }
  | { kind: 'refused'; atRenewal: boolean }
  | { kind: 'expired'; validUntil: CalendarDate; renewedBy: string | null };

/**
 * Applies one fact of version `version` to the standing. A fact newer than the standing changes it; an
 * older or equal one (redelivered, or overtaken by a later fact) only fills what is still unknown, so the
 * projection ends the same whatever order the events arrive in, and a redelivery changes nothing.
 */
export function applyAgreementFact(
  current: AgreementStanding | null,
  subject: { agreementId: string; serviceId: string },
  fact: AgreementFact,
  version: number,
): AgreementStanding {
  const base: AgreementStanding = current ?? {
    agreementId: subject.agreementId,
    serviceId: subject.serviceId,
    status: 'granted',
    validFrom: null,
    validUntil: null,
    withdrawnOn: null,
    refusedAtRenewal: false,
    renewedBy: null,
    version: 0,
  };
  const newer = version > base.version;
  const next: AgreementStanding = { ...base, version: Math.max(base.version, version) };
  switch (fact.kind) {
    case 'granted':
    case 'recorded':
      next.validFrom = base.validFrom ?? fact.validFrom;
      next.validUntil = newer || base.validUntil === null ? fact.validUntil : base.validUntil;
      if (newer) next.status = fact.kind === 'recorded' ? fact.status : 'granted';
      break;
    case 'shortened':
      next.validUntil = newer || base.validUntil === null ? fact.validUntil : base.validUntil;
      break;
    case 'withdrawn':
      next.withdrawnOn = base.withdrawnOn ?? fact.withdrawnOn;
      next.status = 'withdrawn';
      break;
    case 'refused':
      next.refusedAtRenewal = base.refusedAtRenewal || fact.atRenewal;
      next.status = 'refused';
      break;
    case 'expired':
      next.validUntil = base.validUntil ?? fact.validUntil;
      next.renewedBy = base.renewedBy ?? fact.renewedBy;
      if (base.status === 'granted') next.status = 'expired';
      break;
  }
  return next;
}

/** The last day the agrément was or will be in force, or null when it never was (refused, unknown). */
export function lastDayInForce(standing: AgreementStanding): CalendarDate | null {
  if (standing.status === 'refused' || standing.validFrom === null || standing.validUntil === null)
    return null;
  if (standing.withdrawnOn !== null) {
    return earliest(addDays(standing.withdrawnOn, -1), standing.validUntil);
  }
  return standing.validUntil;
}

/**
 * "Aucun CPOM ne peut être conclu si le service de santé interentreprises n'est pas préalablement agréé"
 * (seed 002 I.1): whether the agrément was in force on `date` — granted (explicitly, implicitly or recorded),
 * `date` within its validity, before any withdrawal.
 */
export function isInForceOn(standing: AgreementStanding, date: CalendarDate): boolean {
  const last = lastDayInForce(standing);
  return last !== null && standing.validFrom !== null && standing.validFrom <= date && date <= last;
}
