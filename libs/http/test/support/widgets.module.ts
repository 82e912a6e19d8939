import { Controller, Get, Injectable, Module, Patch, Post } from '@nestjs/common';
import { currentContext } from '@tripartite/context';
import {
  ApiZodResponse,
  assertVersionMatches,
  CreateIdempotencyKeys1764000002000,
  DomainError,
  ETag,
  IdempotencyKeyOrmEntity,
  Idempotent,
  IfMatchVersion,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import { PersistenceModule } from '@tripartite/persistence';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';

/** The test service's own table. */
export class CreateWidgets1764000099000 implements MigrationInterface {
  name = 'CreateWidgets1764000099000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE widgets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      contacts jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

export const createWidgetSchema = z
  .object({
    name: z.string().min(2).max(50),
    contacts: z.array(z.object({ email: z.email(), name: z.string().min(1) })).min(1),
    quantity: z.number().int().positive().optional(),
  })
  .strict();
const renameWidgetSchema = z.object({ name: z.string().min(2) }).strict();
const widgetParams = z.object({ id: z.uuid() });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const widgetResponse = z.object({ id: z.uuid(), name: z.string(), version: z.number().int() });
type Widget = z.infer<typeof widgetResponse>;

export class WidgetNotFoundError extends DomainError {
  constructor(id: string) {
    super('WIDGET.NOT_FOUND', `No widget ${id}`);
  }
}

/** A plain domain class, as domain code writes them (no import of the http library, no status). */
export class WidgetFrozenError extends Error {
  readonly code = 'WIDGET.FROZEN';
  constructor() {
    super('A frozen widget cannot be changed');
  }
}

/** Lets a test hold creations inside the handler, to send duplicates while the first one runs. */
@Injectable()
export class WidgetGate {
  entered = 0;
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;

  close(): void {
    this.opened = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  open(): void {
    this.release();
    this.opened = Promise.resolve();
  }

  async pass(): Promise<void> {
    this.entered++;
    await this.opened;
  }
}

@Controller('api/v1/widgets')
export class WidgetsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: WidgetGate,
  ) {}

  @Post()
  @Idempotent()
  @ApiZodResponse(201, widgetResponse, 'The widget created')
  async create(@ZodBody(createWidgetSchema) body: z.infer<typeof createWidgetSchema>): Promise<Widget> {
    await this.gate.pass();
    const [row] = await this.dataSource.query(
      'INSERT INTO widgets (name, contacts) VALUES ($1, $2) RETURNING id, name, version',
      [body.name, JSON.stringify(body.contacts)],
    );
    return row;
  }

  @Get()
  async list(@ZodQuery(listQuery) query: z.infer<typeof listQuery>): Promise<Widget[]> {
    return this.dataSource.query('SELECT id, name, version FROM widgets ORDER BY name LIMIT $1', [
      query.limit,
    ]);
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to postgres://admin:s3cret@db failed');
  }

  @Get(':id')
  @ETag()
  async get(@ZodParams(widgetParams) params: z.infer<typeof widgetParams>): Promise<Widget> {
    const [row] = await this.dataSource.query('SELECT id, name, version FROM widgets WHERE id = $1', [
      params.id,
    ]);
    if (!row) throw new WidgetNotFoundError(params.id);
    return row;
  }

  @Patch(':id')
  @ETag()
  async rename(
    @ZodParams(widgetParams) params: z.infer<typeof widgetParams>,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(renameWidgetSchema) body: z.infer<typeof renameWidgetSchema>,
  ): Promise<Widget> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query('SELECT version FROM widgets WHERE id = $1 FOR UPDATE', [
        params.id,
      ]);
      if (!current) throw new WidgetNotFoundError(params.id);
      assertVersionMatches(expectedVersion, current.version);
      // TypeORM answers an UPDATE with [rows, affected].
      const [rows] = await manager.query(
        'UPDATE widgets SET name = $2, version = version + 1 WHERE id = $1 RETURNING id, name, version',
        [params.id, body.name],
      );
      return rows[0];
    });
  }

  @Post(':id/freeze')
  freeze(): never {
    throw new WidgetFrozenError();
  }
}

/** Echoes the request context as the handler sees it, after the body was parsed. */
@Controller('api/v1/context')
export class ContextController {
  @Post()
  echo(@ZodBody(z.object({ note: z.string() })) _body: { note: string }) {
    const context = currentContext();
    return { requestId: context?.requestId, correlationId: context?.correlationId };
  }
}

@Module({
  imports: [
    PersistenceModule.forRoot({
      entities: [IdempotencyKeyOrmEntity],
      migrations: [CreateIdempotencyKeys1764000002000, CreateWidgets1764000099000],
    }),
  ],
  controllers: [WidgetsController, ContextController],
  providers: [WidgetGate],
})
export class WidgetsModule {}
