import { Injectable } from '@nestjs/common';
import { AccessScope } from '@tripartite/auth';
import { type Actor, currentContext } from '@tripartite/context';
import { DomainError } from '@tripartite/errors';
import type { Cpom } from '../domain/cpom';
import type { CpomParty } from '../domain/cpom.types';

/** The role a person of each party holds (libs/auth roles). */
const ROLE_OF_PARTY: Record<CpomParty, string> = { service: 'sst', direccte: 'direccte', caisse: 'caisse' };

export class CpomForbiddenError extends DomainError {
  constructor(message: string) {
    super('CPOM.FORBIDDEN', message);
  }
}

/**
 * Who reads and writes a CPOM (issue 11): the three parties of the region read and write their CPOMs; the
 * CRPRP and the ARS of the region read those submitted to them; national roles read all; an administrator
 * acts everywhere. A person acts for a party when the token names that party's organisation and role.
 */
@Injectable()
export class CpomAccess {
  actor(): Actor {
    const actor = currentContext()?.actor;
    if (!actor) throw new DomainError('AUTH.UNAUTHENTICATED', 'no authenticated actor in this request');
    return actor;
  }

  /** The party the actor speaks for, or null. */
  partyOf(
    parties: { serviceId: string; direccteId: string; caisseId: string },
    actor: Actor = this.actor(),
  ): CpomParty | null {
    const organisationOf: Record<CpomParty, string> = {
      service: parties.serviceId,
      direccte: parties.direccteId,
      caisse: parties.caisseId,
    };
    for (const party of ['service', 'direccte', 'caisse'] as const) {
      if (actor.organisationId === organisationOf[party] && actor.roles.includes(ROLE_OF_PARTY[party]))
        return party;
    }
    return null;
  }

  canRead(cpom: Cpom, actor: Actor = this.actor()): boolean {
    if (AccessScope.readsEverything(actor)) return true;
    const { parties, submittedVersion, signedVersions } = cpom.state;
    if (this.partyOf(parties, actor) !== null) return true;
    if (actor.region === null || !parties.regions.includes(actor.region)) return false;
    if (actor.roles.includes('direccte') || actor.roles.includes('caisse')) return true;
    const submitted = submittedVersion !== null || signedVersions.length > 0;
    return submitted && (actor.roles.includes('crprp') || actor.roles.includes('ars'));
  }

  assertCanRead(cpom: Cpom): void {
    if (!this.canRead(cpom)) throw new CpomForbiddenError('this CPOM is outside your scope');
  }

  /** A signature is given by a person of one of the three parties (L.4622-10), never by an administrator. */
  assertSignatory(parties: { serviceId: string; direccteId: string; caisseId: string }): CpomParty {
    const party = this.assertCanWrite(parties);
    if (party === null) {
      throw new CpomForbiddenError(
        'a signature is given by a person of one of the three parties (L.4622-10)',
      );
    }
    return party;
  }

  /** Writing takes a person of one of the three parties (or an administrator): answers that party (null for admin). */
  assertCanWrite(parties: { serviceId: string; direccteId: string; caisseId: string }): CpomParty | null {
    const actor = this.actor();
    const party = this.partyOf(parties, actor);
    if (party) return party;
    if (AccessScope.actsEverywhere(actor)) return null;
    throw new CpomForbiddenError('only a person of one of the three parties writes this CPOM (L.4622-10)');
  }
}
