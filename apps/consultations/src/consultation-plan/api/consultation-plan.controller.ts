import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { calendarDateSchema, regionCodeSchema } from '@tripartite/events';
import {
  CommandEndpoint,
  IdParam,
  ListEndpoint,
  listQuerySchema,
  type Page,
  pageOf,
  pageSchemaOf,
  ReadEndpoint,
  ZodBody,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import { CreateConsultationPlanHandler } from '../application/create-consultation-plan.handler';
import { type ConsultationPlan, planSteps } from '../domain/consultation-plan';
import { ConsultationPlanNotFoundError } from '../domain/consultation-plan.errors';
import { ConsultationPlanRepository } from '../infrastructure/consultation-plan.repository';

const entrySchema = z.object({ bodyId: z.uuid(), step: z.enum(planSteps).default('opinion') }).strict();
const createPlanRequestSchema = z
  .object({
    region: regionCodeSchema,
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema.nullable().default(null),
    entries: z.array(entrySchema).min(1).max(20),
  })
  .strict();
const planResponseSchema = createPlanRequestSchema.extend({
  id: z.uuid(),
  validUntil: calendarDateSchema.nullable(),
  entries: z.array(z.object({ bodyId: z.uuid(), step: z.enum(planSteps) })),
  version: z.number().int(),
});
const listPlansQuerySchema = listQuerySchema({
  region: regionCodeSchema.optional(),
  on: calendarDateSchema.optional().describe('Only the plans in force on this day'),
});

/** Each region's consultation plan: which bodies give their opinion on a CPOM, from which day (issue 12). */
@ApiTags('consultation-plans')
@Controller('api/v1/consultation-plans')
export class ConsultationPlanController {
  constructor(
    private readonly createPlan: CreateConsultationPlanHandler,
    private readonly plans: ConsultationPlanRepository,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'createConsultationPlan',
    summary: 'Record a region’s consultation plan from a day (the plan in force before ends the day before)',
    status: 201,
    roles: ['admin', 'direccte'],
    response: planResponseSchema,
    responseDescription: 'The plan, recorded',
  })
  create(
    @ZodBody(createPlanRequestSchema) body: z.infer<typeof createPlanRequestSchema>,
  ): Promise<ConsultationPlan> {
    return this.createPlan.execute(body);
  }

  @ListEndpoint({
    name: 'listConsultationPlans',
    summary: 'Consultation plans, by region and day in force, by pages',
    response: pageSchemaOf(planResponseSchema, 'By region, newest first'),
  })
  async list(
    @ZodQuery(listPlansQuerySchema) query: z.infer<typeof listPlansQuerySchema>,
  ): Promise<Page<ConsultationPlan>> {
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.plans.list(filter, page, pageSize);
    return pageOf(query, items, total);
  }

  @ReadEndpoint({
    name: 'getConsultationPlan',
    summary: 'One consultation plan',
    response: planResponseSchema,
    problems: [400, 404],
  })
  async get(@IdParam() id: string): Promise<ConsultationPlan> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new ConsultationPlanNotFoundError(id);
    return plan;
  }
}
