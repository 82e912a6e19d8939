import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';
import { type AgreementStanding, isInForceOn, lastDayInForce } from '../domain/agreement-standing';
import type { DirectoryOrganisation } from '../domain/directory-organisation';
import { DirectoryRepository } from '../infrastructure/directory.repository';

/** The agrément in force on a date, as the directory knows it. */
export interface AgreementInForce {
  agreementId: string;
  validFrom: CalendarDate;
  /** The last day in force (a withdrawal or a shortening counted). */
  lastDay: CalendarDate;
}

/**
 * What the contracts service knows of the directory, from events only (never by calling the agreements
 * service): the organisations, and whether a service holds an agrément in force on a date. The slices of
 * the service (CPOM, partnership protocols, regional diagnoses) read it through this class.
 */
@Injectable()
export class ServiceDirectory {
  constructor(private readonly directory: DirectoryRepository) {}

  organisation(id: string, manager?: EntityManager): Promise<DirectoryOrganisation | null> {
    return this.directory.organisation(id, manager);
  }

  organisations(ids: readonly string[], manager?: EntityManager): Promise<DirectoryOrganisation[]> {
    return this.directory.organisations(ids, manager);
  }

  agreements(serviceId: string, manager?: EntityManager): Promise<AgreementStanding[]> {
    return this.directory.agreementsOf(serviceId, manager);
  }

  /** Which agrément of the service was in force on `date` (seed 002 I.1), or null when none was. */
  async agreementInForceOn(
    serviceId: string,
    date: CalendarDate,
    manager?: EntityManager,
  ): Promise<AgreementInForce | null> {
    const standing = (await this.directory.agreementsOf(serviceId, manager)).find((agreement) =>
      isInForceOn(agreement, date),
    );
    const lastDay = standing ? lastDayInForce(standing) : null;
    if (!standing || standing.validFrom === null || lastDay === null) return null;
    return { agreementId: standing.agreementId, validFrom: standing.validFrom, lastDay };
  }

  /** Whether the service held an agrément in force on `date`. */
  async isAgreedOn(serviceId: string, date: CalendarDate, manager?: EntityManager): Promise<boolean> {
    return (await this.agreementInForceOn(serviceId, date, manager)) !== null;
  }
}
