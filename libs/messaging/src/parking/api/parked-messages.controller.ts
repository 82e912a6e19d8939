import { Controller, Get, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@tripartite/audit';
import { Roles } from '@tripartite/auth';
import { ApiZodResponse, Idempotent, ZodBody, ZodQuery } from '@tripartite/http';
import { ParkedMessageReplayer } from '../parked-message.replayer';
import { ParkedMessageRepository, type ReplaySelection } from '../parked-message.repository';
import {
  type ListParkedMessagesQuery,
  listParkedMessagesQuerySchema,
} from './dto/list-parked-messages.request.dto';
import {
  type ParkedMessagePage,
  parkedMessagePageSchema,
  type ReplayedParkedMessages,
  replayedParkedMessagesSchema,
  toParkedMessageResponse,
} from './dto/parked-message.response.dto';
import {
  type ReplayParkedMessagesRequest,
  replayParkedMessagesRequestSchema,
} from './dto/replay-parked-messages.request.dto';

/**
 * The admin view of one service's parked messages, at `/api/v1/admin/<service>/parked-messages` (the
 * gateway routes each service's path to it): what could not be applied and why, and putting it back on
 * the service's queue once the cause is fixed. Admin only; a replay is audited.
 */
export function parkedMessagesControllerFor(service: string): Type<unknown> {
  const name = service
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

  @ApiTags('admin')
  @ApiBearerAuth()
  @Controller(`api/v1/admin/${service}/parked-messages`)
  @Roles('admin')
  class ParkedMessagesController {
    constructor(
      private readonly parked: ParkedMessageRepository,
      private readonly replayer: ParkedMessageReplayer,
      private readonly audit: AuditTrail,
    ) {}

    @Get()
    @ApiOperation({
      operationId: `list${name}ParkedMessages`,
      summary: `Messages the ${service} service parked: type, version, event, reason, when, tries`,
    })
    @ApiZodResponse(200, parkedMessagePageSchema, 'One page of parked messages, oldest first')
    async list(
      @ZodQuery(listParkedMessagesQuerySchema) { page, pageSize }: ListParkedMessagesQuery,
    ): Promise<ParkedMessagePage> {
      const { items, total } = await this.parked.page(page, pageSize);
      return { items: items.map(toParkedMessageResponse), page, pageSize, total };
    }

    @Post('replay')
    @HttpCode(200)
    @Idempotent()
    @ApiOperation({
      operationId: `replay${name}ParkedMessages`,
      summary: `Put parked messages (the ids given, or all) back on the ${service} service's queue`,
      description:
        'Each is tried again from its first try; an event the service already applied is not applied twice.',
    })
    @ApiZodResponse(200, replayedParkedMessagesSchema, 'What was replayed')
    async replay(
      @ZodBody(replayParkedMessagesRequestSchema) body: ReplayParkedMessagesRequest,
    ): Promise<ReplayedParkedMessages> {
      const asked = body.ids?.map((id) => id.toLowerCase());
      const selection: ReplaySelection = asked ? { ids: asked } : { all: true };
      const replayed = await this.replayer.replay(selection, (manager, messages) =>
        this.audit
          .record(manager, {
            action: 'parked_messages.replay',
            aggregateType: 'parked_messages',
            aggregateId: service,
            versionBefore: null,
            versionAfter: null,
            summary: `${messages.length} parked message(s) put back on the ${service} queue`,
            payload: {
              requested: asked ?? 'all',
              replayed: messages.map((m) => ({ id: m.id, eventId: m.eventId, type: m.type })),
            },
          })
          .then(() => undefined),
      );
      const ids = replayed.map((message) => message.id);
      return { replayed: ids, notFound: (asked ?? []).filter((id) => !ids.includes(id)) };
    }
  }
  return ParkedMessagesController;
}
