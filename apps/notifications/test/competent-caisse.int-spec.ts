import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PayloadOf } from '@tripartite/events';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { NotificationsWorld, organisation } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

type OrganisationPayload = PayloadOf<'organisation.registered'>;

function member(
  type: OrganisationPayload['type'],
  name: string,
  email: string,
  regions: string[],
  caisseId?: string | null,
): OrganisationPayload {
  const service =
    caisseId === undefined
      ? null
      : { employeesFollowed: 20_000, memberCompanies: 1_500, btp: false, sectors: [], caisseId };
  return organisation([{ name: `Contact ${name}`, email, receivesNotifications: true }], {
    type,
    name,
    regions,
    service,
  });
}

describe('agrément and service-project e-mails go to the service’s competent Caisse only (domain brief; L.4622-10)', () => {
  const smtp = new SmtpCatcher();
  let world: NotificationsWorld;

  // PACA (93) has two Caisses; CARSAT Sud-Est also covers Corse (94).
  const sudEst = member('CAISSE', 'CARSAT Sud-Est', 'sudest@carsat.example', ['93', '94']);
  const second = member('CAISSE', 'Caisse Test PACA', 'second@caisse.example', ['93']);
  const dreetsPaca = member('DIRECCTE', 'DREETS PACA', 'dreets@paca.example', ['93']);
  const dreetsCorse = member('DIRECCTE', 'DREETS Corse', 'dreets@corse.example', ['94']);
  const marseille = member(
    'SSTI',
    'Service de Marseille',
    'sst@marseille.example',
    ['93'],
    second.organisationId,
  );
  const ajaccio = member('SSTI', 'Service d’Ajaccio', 'sst@ajaccio.example', ['94'], sudEst.organisationId);
  const toulon = member('SSTI', 'Service de Toulon', 'sst@toulon.example', ['93'], null);
  const autonomous = member('SSTA', 'Service autonome de Nice', 'ssta@nice.example', ['93'], null);

  before(async () => {
    world = await NotificationsWorld.start('notif_competent_caisse', { smtpPort: await smtp.start() });
    await world.registerAll([
      sudEst,
      second,
      dreetsPaca,
      dreetsCorse,
      marseille,
      ajaccio,
      toulon,
      autonomous,
    ]);
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  /** The sample payloads naming `service`. */
  const payloadsFor = (service: OrganisationPayload) =>
    samplePayloads(
      eventParties({
        serviceId: service.organisationId,
        serviceName: service.name,
        regions: service.regions,
      }),
    );

  /** A payload as a producer of before the competent Caisse wrote it: no `caisseId`, no `serviceType`. */
  function legacy<P extends object>(payload: P): Omit<P, 'caisseId' | 'serviceType'> {
    const {
      caisseId: _caisse,
      serviceType: _type,
      ...older
    } = payload as P & {
      caisseId?: unknown;
      serviceType?: unknown;
    };
    return older;
  }

  /** Who the event was delivered to once applied, sorted. */
  async function recipientsOf(eventId: string): Promise<string[]> {
    await expectEventually(async () => assert.ok(await world.applied(eventId), 'applied'));
    return (await world.deliveries(eventId)).map((row) => row.recipient_email).sort();
  }

  /** `agreement.granted` for `service`, as a producer of before the competent Caisse wrote it. */
  const legacyGrant = (service: OrganisationPayload) =>
    world.publish('agreement.granted', legacy(payloadsFor(service)['agreement.granted']));

  async function untoldOf(eventId: string): Promise<{ party: string; reason: string }[]> {
    const [row] = await world.sql<{ untold: { party: string; reason: string }[] }>(
      'SELECT untold FROM notified_events WHERE event_id = $1',
      [eventId],
    );
    return row.untold;
  }

  // An agrément granted to a service tells the Caisse the directory records for it.
  const grants: [title: string, service: OrganisationPayload, recipients: string[]][] = [
    [
      'tells the Caisse the directory records for the service, not the other Caisse of its region',
      marseille,
      ['dreets@paca.example', 'second@caisse.example', 'sst@marseille.example'],
    ],
    [
      'tells a Caisse covering two regions of a service of either (CARSAT Sud-Est for Corse)',
      ajaccio,
      ['dreets@corse.example', 'sst@ajaccio.example', 'sudest@carsat.example'],
    ],
  ];
  for (const [title, service, recipients] of grants) {
    it(title, async () => {
      const event = await legacyGrant(service);
      assert.deepEqual(await recipientsOf(event.id), recipients);
    });
  }

  it('tells the Caisse a service-project event names, over the directory’s', async () => {
    const event = await world.publish('service_project.approved', {
      ...legacy(payloadsFor(marseille)['service_project.approved']),
      caisseId: sudEst.organisationId,
    });
    assert.deepEqual(await recipientsOf(event.id), [
      'dreets@paca.example',
      'sst@marseille.example',
      'sudest@carsat.example',
    ]);
  });

  it('tells no Caisse when none is known for the service, and the decision says why', async () => {
    const event = await legacyGrant(toulon);
    assert.deepEqual(await recipientsOf(event.id), ['dreets@paca.example', 'sst@toulon.example']);
    const untold = await untoldOf(event.id);
    assert.deepEqual(
      untold.map((u) => u.party),
      ['competentCaisse'],
    );
    assert.match(untold[0].reason, /no competent Caisse is known for the service/);
  });

  it('tells no Caisse of an SSTA’s agrément, and the decision says why (L.4622-10)', async () => {
    const event = await world.publish('agreement.implicitly_granted', {
      ...payloadsFor(autonomous)['agreement.implicitly_granted'],
      serviceType: 'SSTA',
      caisseId: null,
    });
    assert.deepEqual(await recipientsOf(event.id), ['dreets@paca.example', 'ssta@nice.example']);
    const untold = await untoldOf(event.id);
    assert.ok(
      untold.some((u) => u.party === 'competentCaisse' && /SSTA.*L\.4622-10/.test(u.reason)),
      JSON.stringify(untold),
    );
  });

  it('keeps the Caisse a later organisation.updated names for the service', async () => {
    const moved = { ...toulon, service: { ...toulon.service!, caisseId: sudEst.organisationId } };
    const updated = await world.producer.publish('organisation.updated', moved, {
      aggregateId: toulon.organisationId,
      aggregateVersion: 2,
      region: '93',
    });
    await expectEventually(async () => assert.ok(await world.applied(updated.id)));
    const event = await legacyGrant(toulon);
    assert.deepEqual(await recipientsOf(event.id), [
      'dreets@paca.example',
      'sst@toulon.example',
      'sudest@carsat.example',
    ]);
  });
});
