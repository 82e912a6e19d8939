import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import type { EntityManager } from 'typeorm';
import { type AgreementLapse, AgreementLapses } from '../../directory/application/agreement-lapses';
import { cpomEvents } from '../domain/cpom-events';
import { CpomRepository } from '../infrastructure/cpom.repository';
import { CpomChanges } from './cpom-changes';

/**
 * "Aucun CPOM ne peut être conclu si le service ... n'est pas préalablement agréé" (seed 002 I.1): when the
 * directory learns that a service's agrément was withdrawn, refused at renewal or expired without renewal,
 * its CPOM in force is flagged and `contract.agreement_lapsed` tells the three parties — in the consumer's
 * transaction, once per lapse.
 */
@Injectable()
export class CpomAgreementLapses implements OnModuleInit {
  constructor(
    private readonly lapses: AgreementLapses,
    private readonly cpoms: CpomRepository,
    private readonly changes: CpomChanges,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.lapses.register((manager, lapse) => this.flag(manager, lapse));
  }

  private async flag(manager: EntityManager, lapse: AgreementLapse): Promise<void> {
    for (const cpom of await this.cpoms.signedOfService(manager, lapse.serviceId)) {
      const versionBefore = cpom.version;
      if (!cpom.flagAgreementLapse(lapse)) continue;
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        {
          action: 'contract.agreement_lapsed',
          summary: `the service's agrément ${lapse.agreementId} lapsed (${lapse.reason}) on ${lapse.lapsedOn}`,
          event: cpomEvents.agreementLapsed(cpom),
        },
        this.clock.now(),
      );
    }
  }
}
