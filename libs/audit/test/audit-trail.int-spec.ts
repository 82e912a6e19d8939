import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Injectable,
  Module,
  Param,
  Post,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AuditHistoryEndpoint,
  AuditLogOrmEntity,
  AuditModule,
  type AuditRecord,
  AuditTrail,
  CreateAuditLog1764000003000,
  type HistoryPage,
  historyQuerySchema,
} from '@tripartite/audit';
import { AdjustableClock, ClockModule } from '@tripartite/clock';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { currentContext } from '@tripartite/context';
import { createServiceApp, DomainError, ZodParams, ZodQuery } from '@tripartite/http';
import { PersistenceModule } from '@tripartite/persistence';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import type { FastifyRequest } from 'fastify';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';

class CreateDossiers1764000099000 implements MigrationInterface {
  name = 'CreateDossiers1764000099000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TABLE dossiers (id serial PRIMARY KEY, status text NOT NULL DEFAULT 'submitted', version integer NOT NULL)",
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dossiers');
  }
}

/** Stands in for the auth guard: puts the caller in the request context, as `AuthGuard` does. */
@Injectable()
class TestActorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const headers = context.switchToHttp().getRequest<FastifyRequest>().headers;
    const request = currentContext();
    if (request && typeof headers['x-test-subject'] === 'string') {
      request.actor = {
        subject: headers['x-test-subject'],
        roles: String(headers['x-test-roles'] ?? '').split(','),
        region: '11',
        organisationId: (headers['x-test-org'] as string | undefined) ?? null,
      };
    }
    return true;
  }
}

@Controller('api/v1/dossiers')
class DossiersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  create() {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('INSERT INTO dossiers (version) VALUES (1) RETURNING id, version');
      await this.audit.record(manager, {
        action: 'dossier.submit',
        aggregateType: 'dossier',
        aggregateId: String(row.id),
        versionBefore: null,
        versionAfter: 1,
        summary: 'Dossier submitted',
        payload: { channel: 'web' },
      });
      return row;
    });
  }

  @Post(':id/approve')
  approve(@Param('id') id: string) {
    return this.change(id, false);
  }

  @Post(':id/approve-then-fail')
  approveThenFail(@Param('id') id: string) {
    return this.change(id, true);
  }

  private change(id: string, failAfterRecording: boolean) {
    return this.dataSource.transaction(async (manager) => {
      const [[row]] = await manager.query(
        "UPDATE dossiers SET status = 'approved', version = version + 1 WHERE id = $1 RETURNING id, version",
        [id],
      );
      await this.audit.record(manager, {
        action: 'dossier.approve',
        aggregateType: 'dossier',
        aggregateId: id,
        versionBefore: row.version - 1,
        versionAfter: row.version,
        summary: 'Dossier approved',
      });
      if (failAfterRecording) throw new DomainError('REQUEST.CONFLICT', 'No signature');
      return row;
    });
  }
}

const dossierIdParams = z.object({ id: z.string().min(1) });

/** A resource's history as a service serves it (here without the load and scope check a real one does). */
@Controller('api/v1/dossiers')
class DossierHistoryController {
  constructor(private readonly audit: AuditTrail) {}

  @AuditHistoryEndpoint('dossier')
  history(
    @ZodParams(dossierIdParams) { id }: z.infer<typeof dossierIdParams>,
    @ZodQuery(historyQuerySchema) query: z.infer<typeof historyQuerySchema>,
  ): Promise<HistoryPage> {
    return this.audit.history('dossier', id, query);
  }
}

describe('audit trail', () => {
  const clock = new AdjustableClock();
  let app: NestFastifyApplication;
  let baseUrl: string;
  let db: DataSource;
  let drop: () => Promise<void>;
  const countAudit = async () => Number((await db.query('SELECT count(*)::int AS n FROM audit_log'))[0].n);
  const asNational = { 'x-test-subject': 'user-42', 'x-test-roles': 'national,admin', 'x-test-org': 'dgt' };
  const post = (path: string, headers: Record<string, string> = asNational) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers });
  const historyOf = async (id: string, query = '') =>
    (await (await fetch(`${baseUrl}/api/v1/dossiers/${id}/history${query}`)).json()) as HistoryPage;

  before(async () => {
    const database = await createTestDatabase('audit_trail');
    drop = database.drop;
    const config = loadConfig(
      serviceConfigSchema('audit-test', 0),
      isolatedEnvironment('audit', database.name),
    );
    @Module({
      imports: [
        ClockModule.forRoot({ clock }),
        PersistenceModule.forRoot({
          entities: [AuditLogOrmEntity],
          migrations: [CreateAuditLog1764000003000, CreateDossiers1764000099000],
        }),
        AuditModule,
      ],
      controllers: [DossiersController, DossierHistoryController],
      providers: [{ provide: APP_GUARD, useClass: TestActorGuard }],
    })
    class AuditTestModule {}
    app = await createServiceApp({
      module: AuditTestModule,
      config,
      openApi: { title: 'Audit test', description: 'Test service of the audit library' },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = app.get(DataSource);
  });
  after(async () => {
    await app?.close();
    await drop?.();
  });

  it('records who, when (from the injected clock), what and which versions with each command', async () => {
    await clock.advance(400 * 24 * 3600 * 1000);
    const created = await post('/api/v1/dossiers', { ...asNational, 'x-correlation-id': 'corr-audit-1' });
    assert.equal(created.status, 201);
    const dossier = (await created.json()) as { id: number };
    const [entry] = (await historyOf(String(dossier.id))).items as AuditRecord[];
    assert.ok(entry);
    assert.deepEqual(entry.actor, {
      subject: 'user-42',
      roles: ['national', 'admin'],
      organisationId: 'dgt',
      region: '11',
    });
    assert.equal(entry.action, 'dossier.submit');
    assert.equal(entry.aggregateType, 'dossier');
    assert.equal(entry.aggregateId, String(dossier.id));
    assert.equal(entry.versionBefore, null);
    assert.equal(entry.versionAfter, 1);
    assert.equal(entry.summary, 'Dossier submitted');
    assert.deepEqual(entry.payload, { channel: 'web' });
    assert.equal(entry.correlationId, 'corr-audit-1');
    assert.equal(entry.requestId, created.headers.get('x-request-id'));
    // The clock was moved 400 days ahead: the entry is dated by it, not by the wall clock.
    const ahead = new Date(entry.occurredAt).getTime() - Date.now();
    assert.ok(ahead > 399 * 24 * 3600 * 1000, `occurredAt ${entry.occurredAt} is not the injected clock's`);
  });

  it('rolls the audit entry back with the change when the command fails', async () => {
    const { id } = (await (await post('/api/v1/dossiers')).json()) as { id: number };
    const entriesBefore = await countAudit();
    const failed = await post(`/api/v1/dossiers/${id}/approve-then-fail`);
    assert.equal(failed.status, 409);
    assert.equal(await countAudit(), entriesBefore);
    const [dossier] = await db.query('SELECT status, version FROM dossiers WHERE id = $1', [id]);
    assert.deepEqual(dossier, { status: 'submitted', version: 1 });
    assert.deepEqual(
      (await historyOf(String(id))).items.map((e) => e.action),
      ['dossier.submit'],
    );
  });

  it('serves an aggregate history at GET /<resource>/{id}/history, oldest first, by pages', async () => {
    const { id } = (await (await post('/api/v1/dossiers')).json()) as { id: number };
    assert.equal((await post(`/api/v1/dossiers/${id}/approve`)).status, 201);
    const all = await historyOf(String(id));
    assert.equal(all.total, 2);
    assert.deepEqual(
      all.items.map((e) => [e.action, e.versionBefore, e.versionAfter]),
      [
        ['dossier.submit', null, 1],
        ['dossier.approve', 1, 2],
      ],
    );
    const second = await historyOf(String(id), '?page=2&pageSize=1');
    assert.deepEqual(
      second.items.map((e) => e.action),
      ['dossier.approve'],
    );
    assert.equal(second.total, 2);
    assert.deepEqual((await historyOf('no-such-dossier')).items, []);
    const invalid = await fetch(`${baseUrl}/api/v1/dossiers/${id}/history?pageSize=1000`);
    assert.equal(invalid.status, 400);
  });

  it('documents the history route in the OpenAPI document', async () => {
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, { get?: { operationId?: string } }>;
    };
    assert.equal(document.paths['/api/v1/dossiers/{id}/history']?.get?.operationId, 'getDossierHistory');
  });

  it('records the service itself as the actor of work no caller started (timers, consumers)', async () => {
    const audit = app.get(AuditTrail);
    const record = await db.transaction((manager) =>
      audit.record(manager, {
        action: 'dossier.expire',
        aggregateType: 'dossier',
        aggregateId: 'timer-1',
        versionBefore: 3,
        versionAfter: 4,
        summary: 'Expired by its deadline',
      }),
    );
    assert.equal(record.actor.subject, 'system:audit-test');
    assert.deepEqual(record.actor.roles, ['system']);
    assert.equal((await historyOf('timer-1')).items[0]?.actor.subject, 'system:audit-test');
  });

  it('refuses to record outside the transaction of the change', async () => {
    const audit = app.get(AuditTrail);
    await assert.rejects(
      audit.record(db.manager, {
        action: 'dossier.x',
        aggregateType: 'dossier',
        aggregateId: 'x',
        versionBefore: null,
        versionAfter: 1,
        summary: 'x',
      }),
      /transaction/,
    );
  });

  it('keeps the audit log append-only: updates and deletes are refused by the database', async () => {
    await assert.rejects(db.query("UPDATE audit_log SET summary = 'rewritten'"), /append-only/);
    await assert.rejects(db.query('DELETE FROM audit_log'), /append-only/);
  });
});
