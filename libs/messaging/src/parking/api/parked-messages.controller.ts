import { Controller, Get, Post, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@tripartite/audit';
import { CommandEndpoint, pageOf, QueryEndpoint, ZodBody, ZodQuery } from '@tripartite/http';
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
  @Controller(`api/v1/admin/${service}/parked-messages`)
  class ParkedMessagesController {
    constructor(
      private readonly parked: ParkedMessageRepository,
      private readonly replayer: ParkedMessageReplayer,
      private readonly audit: AuditTrail,
    ) {}

    @Get()
    @QueryEndpoint({
      name: `list${name}ParkedMessages`,
      summary: `Messages the ${service} service parked: type, version, event, reason, when, tries`,
      roles: ['admin'],
      response: parkedMessagePageSchema,
      responseDescription: 'One page of parked messages, oldest first',
      problems: [400],
    })
    async list(
      @ZodQuery(listParkedMessagesQuerySchema) query: ListParkedMessagesQuery,
    ): Promise<ParkedMessagePage> {
      const { items, total } = await this.parked.page(query.page, query.pageSize, query.recorded);
      return pageOf(query, items.map(toParkedMessageResponse), total);
    }

    @Post('replay')
    @CommandEndpoint({
      name: `replay${name}ParkedMessages`,
      summary: `Put parked messages (the ids given, or all) back on the ${service} service's queue`,
      description:
        'Each is tried again from its first try; an event the service already applied is not applied twice.',
      roles: ['admin'],
      etag: false,
      response: replayedParkedMessagesSchema,
      responseDescription: 'What was replayed',
    })
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
