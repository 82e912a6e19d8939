import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  listQuerySchema,
  offsetOf,
  type Page,
  pageOf,
  QueryEndpoint,
  ReadEndpoint,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import { AddMemberHandler } from '../application/add-member.handler';
import { BodyAuthority } from '../application/body-authority';
import { CreateBodyHandler } from '../application/create-body.handler';
import { UpdateMemberHandler } from '../application/update-member.handler';
import { BodyNotFoundError, MemberNotFoundError } from '../domain/body.errors';
import type { Body, Member } from '../domain/body.types';
import { BodyRepository } from '../infrastructure/body.repository';
import {
  type AddMemberRequest,
  addMemberRequestSchema,
  bodyPageSchema,
  bodyResponseSchema,
  type CreateBodyRequest,
  createBodyRequestSchema,
  type ListBodiesQuery,
  listBodiesQuerySchema,
  memberPageSchema,
  memberResponseSchema,
  type UpdateMemberRequest,
  updateMemberRequestSchema,
} from './dto/body.dto';

const memberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
const membersQuerySchema = listQuerySchema({});

/**
 * Consulted bodies (CRPRP restricted formation, GPRO, CRPST, CROCT, ARS) as data with a validity, and the
 * members of the college bodies with their declarations of interests (D.4622-44, D.4641-34).
 */
@ApiTags('bodies')
@Controller('api/v1/bodies')
export class BodyController {
  constructor(
    private readonly createBody: CreateBodyHandler,
    private readonly addMember: AddMemberHandler,
    private readonly updateMember: UpdateMemberHandler,
    private readonly bodies: BodyRepository,
    private readonly authority: BodyAuthority,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'createConsultedBody',
    summary: 'Record a consulted body of a region (kind, name, answering organisation, validity)',
    status: 201,
    roles: ['admin', 'direccte'],
    response: bodyResponseSchema,
    responseDescription: 'The body, recorded',
  })
  create(@ZodBody(createBodyRequestSchema) body: CreateBodyRequest): Promise<Body> {
    return this.createBody.execute(body);
  }

  @ListEndpoint({
    name: 'listConsultedBodies',
    summary: 'Consulted bodies, by region, kind and day of existence, by pages',
    response: bodyPageSchema,
  })
  async list(@ZodQuery(listBodiesQuerySchema) query: ListBodiesQuery): Promise<Page<Body>> {
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.bodies.list(filter, page, pageSize);
    return pageOf(query, items, total);
  }

  @ReadEndpoint({
    name: 'getConsultedBody',
    summary: 'One consulted body',
    response: bodyResponseSchema,
    problems: [400, 404],
  })
  get(@IdParam() id: string): Promise<Body> {
    return this.load(id);
  }

  @Post(':id/members')
  @CommandEndpoint({
    name: 'addBodyMember',
    summary: 'Add a member to a body, with college, mandate and declaration of interests (D.4641-34)',
    status: 201,
    roles: ['admin', 'direccte', 'crprp', 'ars'],
    response: memberResponseSchema,
    responseDescription: 'The member, added',
  })
  add(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(addMemberRequestSchema) body: AddMemberRequest,
  ): Promise<Member> {
    return this.addMember.execute(id, version, body);
  }

  @Get(':id/members')
  @QueryEndpoint({
    name: 'listBodyMembers',
    summary: 'A body’s members with their declarations of interests, for its secretariat and the DIRECCTE',
    roles: ['admin', 'national', 'direccte', 'crprp', 'ars'],
    response: memberPageSchema,
    problems: [400, 404],
  })
  async members(
    @IdParam() id: string,
    @ZodQuery(membersQuerySchema) query: z.infer<typeof membersQuerySchema>,
  ): Promise<Page<Member>> {
    const body = await this.load(id);
    this.authority.assertMayReadMembers(body);
    const members = await this.bodies.members(id);
    const start = offsetOf(query);
    return pageOf(query, members.slice(start, start + query.pageSize), members.length);
  }

  @ReadEndpoint({
    path: ':id/members/:memberId',
    name: 'getBodyMember',
    summary: 'One member of a body, with their declaration of interests',
    roles: ['admin', 'national', 'direccte', 'crprp', 'ars'],
    response: memberResponseSchema,
    problems: [400, 404],
  })
  async member(@ZodParams(memberParams) { id, memberId }: z.infer<typeof memberParams>): Promise<Member> {
    const body = await this.load(id);
    this.authority.assertMayReadMembers(body);
    const member = await this.bodies.findMember(id, memberId);
    if (!member) throw new MemberNotFoundError(id, memberId);
    return member;
  }

  @Patch(':id/members/:memberId')
  @CommandEndpoint({
    name: 'updateBodyMember',
    summary: 'Change a member’s fields sent (mandate, declaration of interests…)',
    roles: ['admin', 'direccte', 'crprp', 'ars'],
    response: memberResponseSchema,
    responseDescription: 'The member, changed',
  })
  update(
    @ZodParams(memberParams) { id, memberId }: z.infer<typeof memberParams>,
    @IfMatchVersion() version: number,
    @ZodBody(updateMemberRequestSchema) body: UpdateMemberRequest,
  ): Promise<Member> {
    return this.updateMember.execute(id, memberId, version, body);
  }

  private async load(id: string): Promise<Body> {
    const body = await this.bodies.findById(id);
    if (!body) throw new BodyNotFoundError(id);
    return body;
  }
}
