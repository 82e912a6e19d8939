import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  type EventCatalogue,
  eventCatalogue,
  organisationRegisteredV1,
  type PayloadOf,
  type PlatformCatalogue,
} from '@tripartite/events';
import { OutboxWriter, ParkedMessageCollector } from '@tripartite/messaging';
import { createTestDatabase, expectEventually, isolatedEnvironment } from '@tripartite/testing';
import type { z } from 'zod';
import { deleteBrokerObjects, publishRaw } from './support/broker-admin';
import {
  type AppliedOrganisation,
  OrganisationDirectoryConsumer,
} from './support/organisation-directory.consumer';
import { parkedMessagesOf } from './support/parked-log';
import { rawEnvelope } from './support/raw-envelope';
import { startTestService, type TestService } from './support/test-service';

/** The catalogue of a release from before organisation events had version 2. */
const releaseOneCatalogue = { [organisationRegisteredV1.type]: organisationRegisteredV1 };

type OrganisationV1 = z.input<typeof organisationRegisteredV1.schema>;

const profile = { employeesFollowed: 48_000, memberCompanies: 3_900, btp: false, sectors: ['Rennes'] };

/** An inter-company service as release one registered it: no SIRET, no Caisse kind, no competent Caisse. */
function serviceV1(organisationId: string): OrganisationV1 {
  return {
    organisationId,
    type: 'SSTI',
    name: 'AST 35',
    regions: ['53'],
    contacts: [{ name: 'Anne', email: 'anne@example.org', function: null, receivesNotifications: true }],
    service: profile,
  };
}

/** The same service as version 2 describes it, with its competent Caisse. */
function serviceV2(organisationId: string, caisseId: string): PayloadOf<'organisation.registered'> {
  return {
    ...serviceV1(organisationId),
    caisseKind: null,
    siret: '73282932000074',
    service: { ...profile, caisseId },
  };
}

async function appliedTo(consumer: TestService, organisationId: string): Promise<AppliedOrganisation[]> {
  const rows: { note: string }[] = await consumer.dataSource.query(
    'SELECT note FROM effects WHERE aggregate_id = $1 ORDER BY id',
    [organisationId],
  );
  return rows.map((row) => JSON.parse(row.note) as AppliedOrganisation);
}

/**
 * Two versions of one real event, `organisation.registered` (v1, and v2 with every field present and the
 * service's competent Caisse), across a rolling deploy. Platform rule (ADR 0011): consumers are upgraded
 * first; an older version is upcast, a newer one is parked until its consumer reads it.
 */
describe('two versions of organisation.registered on the real broker', () => {
  let env: Record<string, string>;
  let releaseOneProducer: TestService;
  let producer: TestService;
  const drops: (() => Promise<void>)[] = [];
  const databases: Record<string, string> = {};

  before(async () => {
    for (const label of ['versions_producer', 'versions_upcasting', 'versions_rolling']) {
      const db = await createTestDatabase(label);
      drops.push(db.drop);
      databases[label] = db.name;
    }
    env = isolatedEnvironment('versions', databases.versions_producer);
    // Two releases of the producer on one database, as during its own rolling deploy.
    releaseOneProducer = await startTestService({
      service: 'agreements',
      env,
      catalogue: releaseOneCatalogue,
    });
    producer = await startTestService({ service: 'agreements', env, catalogue: eventCatalogue });
  });
  after(async () => {
    await releaseOneProducer?.close();
    await producer?.close();
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['upcasting', 'rolling']);
    for (const drop of drops) await drop();
  });

  /** A release of a consumer of organisation.registered, knowing the events of `catalogue`. */
  function startDirectory(
    service: string,
    database: string,
    catalogue: EventCatalogue,
  ): Promise<TestService> {
    return startTestService({
      service,
      env: { ...env, DATABASE_NAME: database },
      catalogue,
      controllers: [OrganisationDirectoryConsumer],
    });
  }

  function writeV1(organisationId: string) {
    const writer = releaseOneProducer.app.get<OutboxWriter<typeof releaseOneCatalogue>>(OutboxWriter);
    return releaseOneProducer.dataSource.transaction((manager) =>
      writer.append(manager, {
        type: 'organisation.registered',
        aggregateId: organisationId,
        aggregateVersion: 1,
        region: '53',
        payload: serviceV1(organisationId),
      }),
    );
  }

  function writeV2(payload: PayloadOf<'organisation.registered'>) {
    const writer = producer.app.get<OutboxWriter<PlatformCatalogue>>(OutboxWriter);
    return producer.dataSource.transaction((manager) =>
      writer.append(manager, {
        type: 'organisation.registered',
        aggregateId: payload.organisationId,
        aggregateVersion: 1,
        region: '53',
        payload,
      }),
    );
  }

  it('upcasts a version-1 message to version 2 for a consumer written for version 2, and applies it once', async () => {
    const consumer = await startDirectory('upcasting', databases.versions_upcasting, eventCatalogue);
    try {
      const organisationId = randomUUID();
      const written = await writeV1(organisationId);
      assert.equal(written.version, 1, 'the release-one producer writes version 1');

      const [applied] = await expectEventually(async () => {
        const rows = await appliedTo(consumer, organisationId);
        assert.equal(rows.length, 1);
        return rows;
      });
      assert.equal(applied.version, 2, 'the handler sees the current version');
      assert.deepEqual(applied.payload, {
        ...serviceV1(organisationId),
        caisseKind: null,
        siret: null,
        service: { ...profile, caisseId: null },
      });

      // The same version-1 message once more (a redelivery, a replay): the inbox keeps it applied once.
      const [{ envelope }] = await releaseOneProducer.dataSource.query(
        'SELECT envelope FROM outbox WHERE id = $1',
        [written.id],
      );
      await publishRaw(env.AMQP_EXCHANGE, 'organisation.registered', envelope);
      await expectEventually(() => assert.equal(consumer.transport.outcomes.duplicate, 1));
      assert.equal((await appliedTo(consumer, organisationId)).length, 1);
    } finally {
      await consumer.close();
    }
  });

  describe('a consumer of release one meets version 2, then is upgraded', () => {
    const organisationId = randomUUID();
    const caisseId = randomUUID();
    let v2EventId: string;
    let poisonId: string;

    it('parks the version-2 message at once, saying why and naming the version, without running the handler', async () => {
      const releaseOne = await startDirectory('rolling', databases.versions_rolling, releaseOneCatalogue);
      try {
        v2EventId = (await writeV2(serviceV2(organisationId, caisseId))).id;
        // And a message no release can apply: parked for another reason.
        const poison = rawEnvelope('organisation.registered', 1, { ...serviceV1(randomUUID()), regions: [] });
        poisonId = poison.id;
        await publishRaw(env.AMQP_EXCHANGE, 'organisation.registered', poison);

        const parked = await expectEventually(async () => {
          const messages = await parkedMessagesOf(releaseOne);
          assert.equal(messages.length, 2);
          return messages;
        });
        const newer = parked.find((m) => m.eventId === v2EventId);
        assert.ok(newer, 'the version-2 message is in the parked log');
        assert.match(
          newer.reason,
          /^organisation\.registered version 2 is newer than this consumer reads \(up to 1\)/,
        );
        assert.equal(newer.headers['x-parked-unknown-version'], 2);
        assert.equal(newer.unknownVersion, 2);
        assert.equal(newer.attempts, 1, 'parked at once, never retried');
        const poisoned = parked.find((m) => m.eventId === poisonId);
        assert.match(poisoned?.reason ?? '', /^invalid payload: regions/);
        assert.equal(poisoned?.unknownVersion, null);
        assert.deepEqual(await appliedTo(releaseOne, organisationId), [], 'its handler never ran');
      } finally {
        await releaseOne.close();
      }
    });

    it('replays it when the upgraded consumer boots, applied once, and leaves the other parked', async () => {
      // The same service, queue and database: its next release.
      const upgraded = await startDirectory('rolling', databases.versions_rolling, eventCatalogue);
      try {
        const [applied] = await expectEventually(async () => {
          const rows = await appliedTo(upgraded, organisationId);
          assert.equal(rows.length, 1);
          return rows;
        });
        assert.deepEqual(applied, { version: 2, payload: serviceV2(organisationId, caisseId) });
        const left = await parkedMessagesOf(upgraded);
        assert.deepEqual(
          left.map((m) => m.eventId),
          [poisonId],
          'only the message parked for another reason stays parked',
        );

        // Looking again (the periodic sweep, another replica's boot) finds nothing more to replay.
        assert.equal(await upgraded.app.get(ParkedMessageCollector).replayNowRead(), 0);
        const [{ n }] = await upgraded.dataSource.query(
          'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1',
          [v2EventId],
        );
        assert.equal(n, 1);
        assert.equal((await appliedTo(upgraded, organisationId)).length, 1);
      } finally {
        await upgraded.close();
      }
    });
  });
});
