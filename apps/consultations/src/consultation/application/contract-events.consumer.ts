import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { CloseWithdrawnConsultationsHandler } from './close-withdrawn-consultations.handler';
import { OpenConsultationsHandler } from './open-consultations.handler';

/**
 * The contracts service's facts that open and close consultations, written in the inbox transaction. A new
 * content version comes as a new `contract.submitted` with a higher `contentVersion`.
 */
@Controller()
export class ContractEventsConsumer {
  constructor(
    private readonly open: OpenConsultationsHandler,
    private readonly closeWithdrawn: CloseWithdrawnConsultationsHandler,
  ) {}

  @EventPattern('contract.submitted')
  async onSubmitted(
    @Payload() event: EnvelopeOf<'contract.submitted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.open.execute(ctx.manager, event.payload);
  }

  @EventPattern('contract.submission_withdrawn')
  async onWithdrawn(
    @Payload() event: EnvelopeOf<'contract.submission_withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.closeWithdrawn.execute(ctx.manager, event.payload);
  }
}
