import { addDays, type CalendarDate } from '@tripartite/calendar';
import { CpomRuleViolation, PLATFORM_RULE, throwIfAny, wrongState } from './cpom.errors';
import type {
  CpomAmendment,
  CpomContent,
  CpomEvaluation,
  CpomOpinion,
  CpomPartiesIds,
  CpomReview,
  CpomSignature,
  CpomSignedVersion,
  CpomStatus,
  IndicatorReading,
} from './cpom.types';
import {
  type CpomWarning,
  completenessProblems,
  type KnownConvention,
  submissionWarnings,
} from './cpom-completeness.rule';
import { contentProblems } from './cpom-content.rule';
import { contentHashOf } from './cpom-hash';
import { nextReviewDate } from './cpom-review.rule';

/** A lapse of the service's agrément while the CPOM is in force (seed 002 I.1). */
export interface AgreementLapse {
  agreementId: string;
  reason: 'withdrawn' | 'refused_at_renewal' | 'expired';
  lapsedOn: CalendarDate;
}

/** Everything a CPOM is, as stored. */
export interface CpomState {
  id: string;
  parties: CpomPartiesIds;
  status: CpomStatus;
  /** The working text: the draft, the submitted version, or the text in force. */
  content: CpomContent;
  /** The number of the working text; a draft edited after a withdrawn submission takes the next number. */
  contentVersion: number;
  /** The last version submitted to the consulted bodies. */
  submittedVersion: number | null;
  submittedOn: CalendarDate | null;
  opinions: CpomOpinion[];
  readyOn: CalendarDate | null;
  signatures: CpomSignature[];
  signedVersions: CpomSignedVersion[];
  signedOn: CalendarDate | null;
  draftedOn: CalendarDate;
  agreementLapse: AgreementLapse | null;
  /** The consultations closed without opinion (submission withdrawn, version superseded). */
  closedConsultations: {
    consultationId: string;
    contentVersion: number;
    bodyName: string;
    closedOn: CalendarDate;
    reason: string;
  }[];
  /** The next yearly review's due date while the CPOM is in force (seed 002 II.4). */
  nextReviewDueOn: CalendarDate | null;
  reviews: CpomReview[];
  evaluation: CpomEvaluation | null;
  amendments: CpomAmendment[];
}

const SIGNATURE_RULE = 'signature par les trois parties contractantes (L.4622-10)';

/**
 * A contrat pluriannuel d'objectifs et de moyens (L.4622-10, D.4622-44 to 47; seed 002 II): drafted by its
 * three parties, submitted for the opinions of the consulted bodies on one content version, signed by the
 * three parties once every opinion of that version is in, then frozen with the SHA-256 of its canonical text.
 * `version` is the aggregate's version (ETag, If-Match).
 */
export class Cpom {
  private constructor(
    private s: CpomState,
    private aggregateVersion: number,
  ) {}

  static draft(id: string, parties: CpomPartiesIds, content: CpomContent, today: CalendarDate): Cpom {
    throwIfAny(contentProblems(content));
    return new Cpom(
      {
        id,
        parties: { ...parties, regions: [...parties.regions] },
        status: 'DRAFT',
        content: structuredClone(content),
        contentVersion: 1,
        submittedVersion: null,
        submittedOn: null,
        opinions: [],
        readyOn: null,
        signatures: [],
        signedVersions: [],
        signedOn: null,
        draftedOn: today,
        agreementLapse: null,
        closedConsultations: [],
        nextReviewDueOn: null,
        reviews: [],
        evaluation: null,
        amendments: [],
      },
      1,
    );
  }

  /**
   * A CPOM signed before the region joined the platform, recorded with its real dates (like an agrément
   * recorded as existing): frozen as signed, SIGNED while its period runs, EXPIRED once it has ended.
   */
  static recordExisting(
    id: string,
    parties: CpomPartiesIds,
    content: CpomContent,
    record: {
      signedOn: CalendarDate;
      reference: string | null;
      opinions: Omit<CpomOpinion, 'contentVersion'>[];
    },
    today: CalendarDate,
  ): Cpom {
    throwIfAny(contentProblems(content));
    if (record.signedOn > today) {
      throw new CpomRuleViolation(
        'CPOM.DATE_INVALID',
        'signedOn is in the future',
        'signedOn',
        PLATFORM_RULE,
      );
    }
    if (record.signedOn > content.periodEnd) {
      throw new CpomRuleViolation(
        'CPOM.DATE_INVALID',
        'signedOn is after the end of the period',
        'signedOn',
        'un CPOM est signé avant son terme (règle de la plateforme)',
      );
    }
    const ended = content.periodEnd < today;
    const cpom = Cpom.draft(id, parties, content, record.signedOn);
    const s = cpom.s;
    s.status = ended ? 'EXPIRED' : 'SIGNED';
    s.submittedVersion = 1;
    s.submittedOn = record.signedOn;
    s.opinions = record.opinions.map((opinion) => ({ ...opinion, contentVersion: 1 }));
    s.readyOn = record.signedOn;
    s.signedOn = record.signedOn;
    s.signatures = (['service', 'direccte', 'caisse'] as const).map((party) => ({
      party,
      organisationId:
        party === 'service'
          ? parties.serviceId
          : party === 'direccte'
            ? parties.direccteId
            : parties.caisseId,
      signatory: record.reference ? `recorded (${record.reference})` : 'recorded',
      role: 'recorded',
      signedOn: record.signedOn,
      justification: null,
    }));
    s.signedVersions = [
      {
        number: 1,
        content: structuredClone(content),
        contentHash: contentHashOf(content),
        signedOn: record.signedOn,
        amendmentNumber: 0,
      },
    ];
    // No review date gone by: the next one is the first still to come.
    s.nextReviewDueOn = ended ? null : nextReviewDate(content, cpom.reviewStepMonths, addDays(today, -1));
    return cpom;
  }

  static restore(state: CpomState, version: number): Cpom {
    const copy = structuredClone(state);
    // Rows written before amendments existed have none.
    copy.amendments ??= [];
    return new Cpom(copy, version);
  }

  get id(): string {
    return this.s.id;
  }
  get version(): number {
    return this.aggregateVersion;
  }
  get state(): Readonly<CpomState> {
    return this.s;
  }
  get status(): CpomStatus {
    return this.s.status;
  }
  get content(): Readonly<CpomContent> {
    return this.s.content;
  }
  /** The signed version in force (the latest), or null before the signature. */
  get currentSignedVersion(): CpomSignedVersion | null {
    return this.s.signedVersions.at(-1) ?? null;
  }

  get nextReviewDueOn(): CalendarDate | null {
    return this.s.nextReviewDueOn;
  }

  /** The opinions given on one content version. */
  opinionsOn(contentVersion: number): CpomOpinion[] {
    return this.s.opinions.filter((opinion) => opinion.contentVersion === contentVersion);
  }

  /** "Après soumission, le contenu ne change que par avenant": a draft only (issue 11). */
  revise(content: CpomContent): void {
    if (this.s.status !== 'DRAFT')
      throw wrongState('change the contents (an amendment does, once signed)', this.s.status);
    throwIfAny(contentProblems(content));
    this.s.content = structuredClone(content);
    if (this.s.submittedVersion === this.s.contentVersion) this.s.contentVersion += 1;
    this.bump();
  }

  /**
   * Submission for the opinions of the CRPRP's restricted formation (or its successor) and the ARS
   * (L.4622-10, D.4622-44): only a complete text (seed 002 II.4); answers the non-blocking warnings.
   */
  submit(
    today: CalendarDate,
    service: { btp: boolean },
    conventions: readonly KnownConvention[] = [],
  ): CpomWarning[] {
    if (this.s.status !== 'DRAFT') throw wrongState('submit', this.s.status);
    const problems = completenessProblems(this.s.content);
    if (problems.length > 0) {
      const [first] = problems;
      throw new CpomRuleViolation(
        'CPOM.INCOMPLETE',
        `the CPOM cannot be submitted: ${problems.length} item(s) incomplete`,
        first.field,
        first.rule,
        problems,
      );
    }
    this.s.status = 'IN_CONSULTATION';
    this.s.submittedVersion = this.s.contentVersion;
    this.s.submittedOn = today;
    this.s.readyOn = null;
    this.bump();
    return submissionWarnings(this.s.content, service, conventions);
  }

  /** A submission goes back to draft; its consultations close (issue 11). */
  withdrawSubmission(): void {
    if (this.s.status !== 'IN_CONSULTATION' && this.s.status !== 'READY_TO_SIGN') {
      throw wrongState('withdraw the submission', this.s.status);
    }
    this.s.status = 'DRAFT';
    this.s.readyOn = null;
    this.s.signatures = [];
    this.bump();
  }

  /** Keeps a consulted body's opinion with the version it bears on; answers false when already known. */
  recordOpinion(opinion: CpomOpinion): boolean {
    if (this.s.opinions.some((known) => known.consultationId === opinion.consultationId)) return false;
    this.s.opinions.push({ ...opinion });
    this.bump();
    return true;
  }

  /** Keeps a consultation that closed without opinion; answers false when already known. */
  recordClosedConsultation(closed: CpomState['closedConsultations'][number]): boolean {
    if (this.s.closedConsultations.some((known) => known.consultationId === closed.consultationId))
      return false;
    this.s.closedConsultations.push({ ...closed });
    this.bump();
    return true;
  }

  /**
   * Every opinion of the consultation plan is in on `contentVersion` (D.4622-44): the CPOM may be signed.
   * Answers false (nothing changes) when that version is no longer the one submitted, or already ready.
   */
  completeConsultation(contentVersion: number, opinions: CpomOpinion[], today: CalendarDate): boolean {
    if (this.s.status !== 'IN_CONSULTATION' || this.s.submittedVersion !== contentVersion) return false;
    for (const opinion of opinions) {
      if (!this.s.opinions.some((known) => known.consultationId === opinion.consultationId)) {
        this.s.opinions.push({ ...opinion });
      }
    }
    this.s.status = 'READY_TO_SIGN';
    this.s.readyOn = today;
    this.bump();
    return true;
  }

  /** An opinion on the version to sign was unfavourable or reserved: signing requires a justification. */
  get signedWithReservations(): boolean {
    return this.opinionsOn(this.s.contentVersion).some((opinion) => opinion.outcome !== 'favourable');
  }

  /**
   * One party signs (L.4622-10): the version every opinion was given on; the service's agrément in force on
   * the signature date (seed 002 I.1); a written justification where an opinion is unfavourable or reserved;
   * each party once. With the third signature the CPOM is SIGNED and its text frozen with its SHA-256.
   */
  sign(
    signature: CpomSignature,
    checks: { today: CalendarDate; agreedOnSignatureDate: boolean },
  ): { complete: boolean } {
    if (this.s.status !== 'READY_TO_SIGN') {
      if (this.s.status === 'IN_CONSULTATION') {
        throw new CpomRuleViolation(
          'CPOM.OPINIONS_MISSING',
          'every opinion of the consultation plan must be recorded on this version before signing',
          null,
          'avis du CRPRP (formation restreinte) et de l’ARS avant conclusion (L.4622-10, D.4622-44)',
        );
      }
      throw wrongState('sign', this.s.status);
    }
    assertSignable(this.s.signatures, signature, checks, this.s.readyOn);
    if (this.signedWithReservations && !signature.justification?.trim()) {
      throw new CpomRuleViolation(
        'CPOM.JUSTIFICATION_REQUIRED',
        'an opinion on this version is unfavourable or reserved: signing requires a written justification',
        'justification',
        'avis défavorable ou réservé du CRPRP ou de l’ARS (L.4622-10, D.4622-44; règle de la plateforme)',
      );
    }
    this.s.signatures.push({ ...signature, justification: signature.justification?.trim() || null });
    const complete = this.s.signatures.length === 3;
    if (complete) {
      const signedOn = this.s.signatures
        .map((s) => s.signedOn)
        .sort()
        .at(-1) as CalendarDate;
      this.s.status = 'SIGNED';
      this.s.signedOn = signedOn;
      this.s.signedVersions.push({
        number: this.s.contentVersion,
        content: structuredClone(this.s.content),
        contentHash: contentHashOf(this.s.content),
        signedOn,
        amendmentNumber: 0,
      });
      this.s.nextReviewDueOn = nextReviewDate(this.s.content, this.reviewStepMonths, signedOn);
    }
    this.bump();
    return { complete };
  }

  private get reviewStepMonths(): number {
    return this.s.content.followUp.reviewFrequency === 'half_yearly' ? 6 : 12;
  }

  /**
   * The three parties' review (seed 002 II.4) of a CPOM in force: date, participants, each indicator's value
   * or comment, difficulties and decisions. It answers the review due (early or late) and moves the next one.
   */
  recordReview(review: CpomReview, today: CalendarDate): void {
    if (this.s.status !== 'SIGNED') throw wrongState('record a review', this.s.status);
    if (review.reviewedOn > today) {
      throw new CpomRuleViolation(
        'CPOM.DATE_INVALID',
        'reviewedOn is in the future',
        'reviewedOn',
        PLATFORM_RULE,
      );
    }
    if (this.s.signedOn && review.reviewedOn < this.s.signedOn) {
      throw new CpomRuleViolation(
        'CPOM.DATE_INVALID',
        `reviewedOn is before the signature (${this.s.signedOn})`,
        'reviewedOn',
        'examen du CPOM en vigueur (seed 002 II.4)',
      );
    }
    throwIfAny(this.readingProblems(review.indicators, 'indicators'));
    const parties = new Set(review.participants.map((participant) => participant.party));
    if (parties.size < 3) {
      throw new CpomRuleViolation(
        'CPOM.REVIEW_PARTIES_MISSING',
        'the review is held by the three parties: name a participant of each',
        'participants',
        'un examen au moins annuel par les trois parties contractantes (seed 002 II.4)',
      );
    }
    const dueOn = this.s.nextReviewDueOn;
    this.s.reviews.push({ ...structuredClone(review), dueOn });
    const after = dueOn && dueOn > review.reviewedOn ? dueOn : review.reviewedOn;
    this.s.nextReviewDueOn = nextReviewDate(this.s.content, this.reviewStepMonths, after);
    this.bump();
  }

  /**
   * The service's agrément lapsed while this CPOM is in force (seed 002 I.1: no CPOM without agrément): the
   * CPOM is flagged, once per lapse; answers false when it was not in force that day or already flagged.
   */
  flagAgreementLapse(lapse: AgreementLapse): boolean {
    if (this.s.status !== 'SIGNED') return false;
    const { periodStart, periodEnd } = this.s.content;
    if (lapse.lapsedOn < periodStart || lapse.lapsedOn > addDays(periodEnd, 1)) return false;
    const known = this.s.agreementLapse;
    if (known && known.agreementId === lapse.agreementId && known.reason === lapse.reason) return false;
    this.s.agreementLapse = {
      agreementId: lapse.agreementId,
      reason: lapse.reason,
      lapsedOn: lapse.lapsedOn,
    };
    this.bump();
    return true;
  }

  /** The amendment being signed, if any. */
  get openAmendment(): CpomAmendment | null {
    return this.s.amendments.find((amendment) => amendment.status === 'DRAFT') ?? null;
  }

  /**
   * An amendment (avenant) to the CPOM in force (D.4622-47; seed 002 II.4: new priorities adopted at a review
   * "par voie d'avenant"): the full new text, drafted on the current version, complete, starting on the same day
   * and within five years of it, amendments included. One at a time.
   */
  draftAmendment(content: CpomContent, summary: string, today: CalendarDate): CpomAmendment {
    if (this.s.status !== 'SIGNED')
      throw wrongState('amend (only a CPOM in force is amended)', this.s.status);
    const open = this.openAmendment;
    if (open) {
      throw new CpomRuleViolation(
        'CPOM.AMENDMENT_PENDING',
        `amendment ${open.number} is still to be signed`,
        null,
        `un avenant à la fois (${PLATFORM_RULE})`,
      );
    }
    if (content.periodStart !== this.s.content.periodStart) {
      throw new CpomRuleViolation(
        'CPOM.CONTENT_INVALID',
        `an amendment keeps the start of the CPOM (${this.s.content.periodStart})`,
        'periodStart',
        'durée maximale de cinq ans, avenants compris (D.4622-47)',
      );
    }
    throwIfAny([...contentProblems(content), ...completenessProblems(content)]);
    const amendment: CpomAmendment = {
      number: this.s.amendments.length + 1,
      basedOnVersion: this.s.contentVersion,
      draftedOn: today,
      summary,
      content: structuredClone(content),
      status: 'DRAFT',
      signatures: [],
      signedOn: null,
    };
    this.s.amendments.push(amendment);
    this.bump();
    return amendment;
  }

  /**
   * One party signs the amendment (D.4622-47) under the rules of any signature; with the third it applies as
   * the next content version, frozen with its SHA-256.
   */
  signAmendment(
    number: number,
    signature: CpomSignature,
    checks: { today: CalendarDate; agreedOnSignatureDate: boolean },
  ): { complete: boolean } {
    const amendment = this.s.amendments.find((candidate) => candidate.number === number);
    if (!amendment)
      throw new CpomRuleViolation('CPOM_AMENDMENT.NOT_FOUND', `no amendment ${number}`, null, PLATFORM_RULE);
    if (amendment.status !== 'DRAFT' || this.s.status !== 'SIGNED') {
      throw wrongState('sign this amendment', `${this.s.status}, amendment ${amendment.status}`);
    }
    assertSignable(amendment.signatures, signature, checks, amendment.draftedOn);
    amendment.signatures.push({ ...signature, justification: null });
    const complete = amendment.signatures.length === 3;
    if (complete) {
      const signedOn = amendment.signatures
        .map((s) => s.signedOn)
        .sort()
        .at(-1) as CalendarDate;
      amendment.status = 'SIGNED';
      amendment.signedOn = signedOn;
      this.s.content = structuredClone(amendment.content);
      this.s.contentVersion += 1;
      this.s.signedVersions.push({
        number: this.s.contentVersion,
        content: structuredClone(amendment.content),
        contentHash: contentHashOf(amendment.content),
        signedOn,
        amendmentNumber: amendment.number,
      });
      const due = this.s.nextReviewDueOn;
      if (due && due > this.s.content.periodEnd) this.s.nextReviewDueOn = null;
    }
    this.bump();
    return { complete };
  }

  /** The end of the period: EXPIRED (D.4622-47); answers false when it is no longer in force. */
  expire(): boolean {
    if (this.s.status !== 'SIGNED') return false;
    this.s.status = 'EXPIRED';
    this.s.nextReviewDueOn = null;
    this.bump();
    return true;
  }

  /** "À son terme, une évaluation et un bilan" (seed 002 II.4): EVALUATED. */
  evaluate(evaluation: CpomEvaluation, today: CalendarDate): void {
    if (this.s.status !== 'EXPIRED')
      throw wrongState('record the final evaluation (at the term)', this.s.status);
    if (evaluation.evaluatedOn > today) {
      throw new CpomRuleViolation(
        'CPOM.DATE_INVALID',
        'evaluatedOn is in the future',
        'evaluatedOn',
        PLATFORM_RULE,
      );
    }
    throwIfAny(this.readingProblems(evaluation.indicators, 'indicators'));
    this.s.evaluation = structuredClone(evaluation);
    this.s.status = 'EVALUATED';
    this.bump();
  }

  /** Readings name indicators of the text in force; a quantitative one gives a value or a comment. */
  private readingProblems(readings: IndicatorReading[], field: string) {
    const indicators = new Map(
      (this.currentSignedVersion?.content ?? this.s.content).actions.flatMap((action) =>
        action.indicators.map((indicator) => [indicator.indicatorId, indicator] as const),
      ),
    );
    return readings.flatMap((reading, i) => {
      const indicator = indicators.get(reading.indicatorId);
      const rule = 'indicateurs du CPOM en vigueur (seed 002 II.4)';
      if (!indicator) {
        return [
          {
            field: `${field}[${i}].indicatorId`,
            rule,
            message: `no indicator ${reading.indicatorId} in the CPOM in force`,
          },
        ];
      }
      if (reading.value === null && !reading.comment?.trim()) {
        return [
          {
            field: `${field}[${i}]`,
            rule,
            message: `indicator "${indicator.name}" needs a value or a comment`,
          },
        ];
      }
      if (indicator.kind === 'qualitative' && reading.value !== null) {
        return [
          {
            field: `${field}[${i}].value`,
            rule,
            message: `indicator "${indicator.name}" is qualitative: a comment, no value`,
          },
        ];
      }
      return [];
    });
  }

  /** Tamper evidence: every signed version's text still hashes to the SHA-256 frozen with it. */
  tamperedVersions(): number[] {
    return this.s.signedVersions
      .filter((version) => contentHashOf(version.content) !== version.contentHash)
      .map((version) => version.number);
  }

  private bump(): void {
    this.aggregateVersion += 1;
  }
}

/**
 * The rules of any signature of the three parties (L.4622-10; seed 002 I.1): not in the future, not before
 * the text was ready, the service agreed on that day, each party once.
 */
function assertSignable(
  given: readonly CpomSignature[],
  signature: CpomSignature,
  checks: { today: CalendarDate; agreedOnSignatureDate: boolean },
  readyOn: CalendarDate | null,
): void {
  if (signature.signedOn > checks.today) {
    throw new CpomRuleViolation('CPOM.DATE_INVALID', 'signedOn is in the future', 'signedOn', PLATFORM_RULE);
  }
  if (readyOn && signature.signedOn < readyOn) {
    throw new CpomRuleViolation(
      'CPOM.DATE_INVALID',
      `signedOn is before the text was ready to sign (${readyOn})`,
      'signedOn',
      'conclu après avis du CRPRP et de l’ARS (L.4622-10)',
    );
  }
  if (!checks.agreedOnSignatureDate) {
    throw new CpomRuleViolation(
      'CPOM.SERVICE_NOT_AGREED',
      `the service holds no agrément in force on ${signature.signedOn}`,
      'signedOn',
      "aucun CPOM ne peut être conclu si le service n'est pas préalablement agréé (seed 002 I.1)",
    );
  }
  if (given.some((known) => known.party === signature.party)) {
    throw new CpomRuleViolation(
      'CPOM.ALREADY_SIGNED',
      `the ${signature.party} already signed`,
      null,
      SIGNATURE_RULE,
    );
  }
}
