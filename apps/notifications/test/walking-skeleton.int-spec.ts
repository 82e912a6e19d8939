import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { NotificationsWorld, organisation, PUBLIC_BASE_URL } from './support/notifications-world';

interface Page {
  items: {
    id: string;
    recipient: { email: string; organisationId: string };
    status: string;
    subject: string;
  }[];
  page: number;
  pageSize: number;
  total: number;
}

describe('walking skeleton: organisation.registered from the outbox to French e-mails over SMTP', () => {
  const smtp = new SmtpCatcher();
  let world: NotificationsWorld;

  before(async () => {
    const port = await smtp.start();
    world = await NotificationsWorld.start('notif_skeleton', { smtpPort: port });
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  const ouest = organisation(
    [
      { name: 'Ana Martin', email: 'ana.martin@sto.example', receivesNotifications: true },
      { name: 'Bruno Petit', email: 'bruno.petit@sto.example', receivesNotifications: false },
      { name: 'Chloé Leroy', email: 'Chloe.Leroy@STO.example', receivesNotifications: true },
    ],
    { name: 'Santé Travail Ouest', regions: ['53', '28'] },
  );

  it('sends one French e-mail to each contact who accepts notifications, and none to the others', async () => {
    const event = await world.register(ouest);

    await expectEventually(() => assert.equal(smtp.messages.length, 2));
    assert.deepEqual(smtp.messages.flatMap((m) => m.to).sort(), [
      'ana.martin@sto.example',
      'chloe.leroy@sto.example',
    ]);
    assert.equal(smtp.to('bruno.petit@sto.example').length, 0, 'a contact who declined gets nothing');

    const [toAna] = smtp.to('ana.martin@sto.example');
    const link = `${PUBLIC_BASE_URL}/api/v1/organisations/${ouest.organisationId}`;
    assert.equal(toAna.subject, 'Information : Santé Travail Ouest est enregistrée sur Tripartite');
    assert.match(toAna.headers.get('from') ?? '', /^Tripartite <no-reply@tripartite\.local>$/);
    assert.match(toAna.headers.get('to') ?? '', /Ana Martin <ana\.martin@sto\.example>/);
    assert.ok(toAna.text.startsWith('Bonjour Ana Martin,'), toAna.text);
    assert.ok(
      toAna.text.includes('L’organisation Santé Travail Ouest est désormais enregistrée sur Tripartite'),
    );
    assert.ok(toAna.text.includes('Régions : Bretagne (53) et Normandie (28)'));
    assert.ok(toAna.text.includes(link), 'the text carries the link to the organisation');
    assert.ok(toAna.html.includes(`<a href="${link}">`), 'the HTML links to the organisation');
    assert.ok(toAna.html.includes('<strong>Santé Travail Ouest</strong>'));
    assert.ok(smtp.to('chloe.leroy@sto.example')[0].text.startsWith('Bonjour Chloé Leroy,'));

    // The delivery log: one row per recipient, marked sent (with the server's reply) once the server took it.
    const rows = await expectEventually(async () => {
      const current = await world.deliveries(event.id);
      assert.ok(current.every((r) => r.status === 'sent'));
      return current;
    });
    assert.deepEqual(
      rows.map((r) => [r.recipient_email, r.status, r.attempts, r.recipient_organisation_id]),
      [
        ['ana.martin@sto.example', 'sent', 1, ouest.organisationId],
        ['chloe.leroy@sto.example', 'sent', 1, ouest.organisationId],
      ],
    );
    for (const row of rows) assert.match(row.last_smtp_reply ?? '', /^250 Queued as C\d+$/);
    assert.equal(toAna.messageId, `<${rows[0].id}@tripartite.local>`, 'the Message-ID names the delivery');
  });

  it('keeps the directory from organisation.* events, ignoring a state older than the one it holds', async () => {
    await world.producer.publish(
      'organisation.updated',
      { ...ouest, name: 'Santé Travail Ouest (v3)' },
      { aggregateId: ouest.organisationId, aggregateVersion: 3 },
    );
    const late = await world.producer.publish(
      'organisation.updated',
      { ...ouest, name: 'Santé Travail Ouest (v2, late)' },
      { aggregateId: ouest.organisationId, aggregateVersion: 2 },
    );
    await expectEventually(async () => assert.ok(await world.applied(late.id)));
    const [row] = await world.dataSource.query(
      'SELECT name, version FROM directory_organisations WHERE id = $1',
      [ouest.organisationId],
    );
    assert.deepEqual(row, { name: 'Santé Travail Ouest (v3)', version: 3 });
    assert.equal(smtp.messages.length, 2, 'organisation.updated sends nothing (no row in the rule table)');
  });

  it('lists the e-mails to national roles, and to an organisation only those sent to its contacts', async () => {
    const other = organisation([{ name: 'Dora', email: 'dora@autre.example', receivesNotifications: true }], {
      name: 'Autre Service',
      regions: ['11'],
    });
    const event = await world.register(other);
    await expectEventually(async () => assert.equal((await world.deliveries(event.id))[0]?.status, 'sent'));

    const national = await world.get<Page>('/api/v1/notifications', await world.token(['national']));
    assert.equal(national.status, 200);
    assert.equal(national.body.items.length, 3);
    assert.ok(national.body.items.every((item) => item.status === 'sent'));

    const sst = await world.token(['sst'], { region: '53', organisationId: ouest.organisationId });
    const own = await world.get<Page>('/api/v1/notifications', sst);
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.items.map((i) => i.recipient.email).sort(), [
      'ana.martin@sto.example',
      'chloe.leroy@sto.example',
    ]);

    const paged = await world.get<Page>('/api/v1/notifications?pageSize=2', await world.token(['admin']));
    assert.equal(paged.body.items.length, 2);
    assert.equal(paged.body.total, 3);
    const rest = await world.get<Page>(
      '/api/v1/notifications?pageSize=2&page=2',
      await world.token(['admin']),
    );
    assert.equal(rest.body.items.length, 1);
    assert.equal(rest.body.total, 3);
    assert.ok(!paged.body.items.some((item) => item.id === rest.body.items[0]?.id), 'no item on two pages');

    const one = own.body.items[0];
    const detail = await world.get<{ text: string; attempts: number }>(
      `/api/v1/notifications/${one.id}`,
      sst,
    );
    assert.equal(detail.status, 200);
    assert.ok(detail.body.text.startsWith('Bonjour '));
    assert.equal(detail.headers.etag, '"1"');

    const otherSst = await world.token(['sst'], { region: '11', organisationId: other.organisationId });
    assert.equal((await world.get(`/api/v1/notifications/${one.id}`, otherSst)).status, 403);
  });

  it('refuses the list without a token (401), and to a regional role without an organisation (403)', async () => {
    assert.equal((await world.get('/api/v1/notifications')).status, 401);
    const direccte = await world.token(['direccte'], { region: '53' });
    const refused = await world.get<{ code: string }>('/api/v1/notifications', direccte);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'AUTH.FORBIDDEN_SCOPE');
  });

  it('answers 404 with a problem for a notification that does not exist', async () => {
    const missing = await world.get<{ code: string; status: number }>(
      '/api/v1/notifications/0193a3c4-0000-7000-8000-00000000dead',
      await world.token(['admin']),
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(missing.body.code, 'NOTIFICATION.NOT_FOUND');
  });

  it('answers 400 naming the bad query field', async () => {
    const bad = await world.get<{ errors: { field: string }[] }>(
      '/api/v1/notifications?status=lost',
      await world.token(['admin']),
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors.map((e) => e.field),
      ['status'],
    );
  });
});
