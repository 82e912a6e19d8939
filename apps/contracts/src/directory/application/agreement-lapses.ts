import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { EntityManager } from 'typeorm';

/** A service's agrément stopped holding: withdrawn, refused at renewal, or expired without renewal. */
export interface AgreementLapse {
  serviceId: string;
  agreementId: string;
  reason: 'withdrawn' | 'refused_at_renewal' | 'expired';
  lapsedOn: CalendarDate;
}

type LapseListener = (manager: EntityManager, lapse: AgreementLapse) => Promise<void>;

/**
 * Where the directory tells the slices that read it of an agrément that lapsed, in the consumer's
 * transaction (so the projection and what the slices do about it commit together, once). A slice registers
 * in `onModuleInit`, like a deadline effect; the directory does not know who listens.
 */
@Injectable()
export class AgreementLapses {
  private readonly listeners: LapseListener[] = [];

  register(listener: LapseListener): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, lapse: AgreementLapse): Promise<void> {
    for (const listener of this.listeners) await listener(manager, lapse);
  }
}
