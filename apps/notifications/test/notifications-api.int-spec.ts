import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, calendarDateAt } from '@tripartite/calendar';
import { expectEventually, SmtpCatcher } from '@tripartite/testing';
import { templateCatalogue } from '../src/templates/template-catalogue';
import { NotificationsWorld, organisation, PUBLIC_BASE_URL } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

interface Detail {
  id: string;
  status: string;
  attempts: number;
  retries: number;
  version: number;
  lastSmtpReply: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
  code?: string;
}
interface Page {
  items: { id: string; eventType: string; status: string; recipient: { email: string } }[];
  page: number;
  pageSize: number;
  total: number;
}
/** The version a retry applies to: each delivery starts at 1 (ETag "1"). */
const firstVersion = { 'if-match': '"1"' };
interface TemplateSummary {
  key: string;
  description: string;
  eventTypes: string[];
  recipients: string[];
  calendarAttachment: boolean;
}
interface Preview extends TemplateSummary {
  sampleEvent: { type: string; payload: Record<string, unknown> };
  sampleRecipientParty: string;
  sample: { recipient: { name: string; organisation: string }; link: string };
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: string }[];
}

describe('notifications API: retry a failed e-mail, list and preview the templates', () => {
  /** The mailbox of gone@ is refused for good (550) until the test says it is fixed. */
  let mailboxFixed = false;
  const smtp = new SmtpCatcher({
    refuse: (address) =>
      address.startsWith('gone@') && !mailboxFixed
        ? { code: 550, message: '5.1.1 Mailbox unavailable' }
        : undefined,
  });
  let world: NotificationsWorld;
  const service = organisation(
    [
      { name: 'Ana', email: 'ana@ast.example', receivesNotifications: true },
      { name: 'Gaston', email: 'gone@ast.example', receivesNotifications: true },
    ],
    { name: 'AST 35' },
  );
  const direccte = organisation([{ name: 'Dan', email: 'dan@dreets.example', receivesNotifications: true }], {
    type: 'DIRECCTE',
    name: 'DREETS Bretagne',
  });
  let failedId: string;
  let renewalFailedId: string;

  before(async () => {
    world = await NotificationsWorld.start('notif_api', { smtpPort: await smtp.start() });
    await world.registerAll([service, direccte]);
    const renewal = await world.publish(
      'agreement.renewal_due',
      samplePayloads(
        eventParties({ serviceId: service.organisationId, direccteId: direccte.organisationId }),
      )['agreement.renewal_due'],
    );
    const failed = await expectEventually(async () => {
      const rows = (await world.deliveries()).filter((r) => r.status === 'failed');
      assert.equal(rows.length, 2);
      return rows;
    });
    renewalFailedId = failed.find((r) => r.event_id === renewal.id)?.id ?? '';
    failedId = failed.find((r) => r.event_id !== renewal.id)?.id ?? '';
    assert.ok(failedId && renewalFailedId);
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  const ownService = () => world.token(['sst'], { region: '53', organisationId: service.organisationId });

  it('refuses to retry without a token (401), for another organisation (403), to national steering (403)', async () => {
    assert.equal((await world.post(`/api/v1/notifications/${failedId}/retry`)).status, 401);
    const otherOrg = await world.token(['sst'], { region: '53', organisationId: direccte.organisationId });
    const refused = await world.post<{ code: string }>(
      `/api/v1/notifications/${failedId}/retry`,
      otherOrg,
      firstVersion,
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'AUTH.FORBIDDEN_SCOPE');
    const national = await world.token(['national']);
    assert.equal(
      (await world.post(`/api/v1/notifications/${failedId}/retry`, national, firstVersion)).status,
      403,
    );
    assert.equal(
      (await world.get<Detail>(`/api/v1/notifications/${failedId}`, national)).body.status,
      'failed',
    );
  });

  it('answers 404 for an unknown notification and 412 for a stale If-Match', async () => {
    const admin = await world.token(['admin']);
    const missing = await world.post<{ code: string }>(
      '/api/v1/notifications/0193a3c4-0000-7000-8000-00000000dead/retry',
      admin,
      firstVersion,
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOTIFICATION.NOT_FOUND');
    const stale = await world.post(`/api/v1/notifications/${failedId}/retry`, admin, { 'if-match': '"7"' });
    assert.equal(stale.status, 412);
  });

  it('answers 428 to a retry without If-Match, and sends nothing (ADR 0005 §7: every change names its version)', async () => {
    const response = await world.post<{ code: string }>(
      `/api/v1/notifications/${failedId}/retry`,
      await world.token(['admin']),
    );
    assert.equal(response.status, 428);
    assert.equal(response.body.code, 'REQUEST.PRECONDITION_REQUIRED');
    const [row] = (await world.deliveries()).filter((r) => r.id === failedId);
    assert.equal(row?.status, 'failed');
  });

  it('lets the organisation it was sent to send a failed one again: pending, queued, sent once, audited', async () => {
    const token = await ownService();
    const before = await world.get<Detail>(`/api/v1/notifications/${failedId}`, token);
    assert.equal(before.body.status, 'failed');
    assert.equal(before.body.lastSmtpReply, '550 5.1.1 Mailbox unavailable');
    assert.equal(before.headers.etag, '"1"');

    mailboxFixed = true;
    const retried = await world.post<Detail>(`/api/v1/notifications/${failedId}/retry`, token, {
      'if-match': '"1"',
    });
    assert.equal(retried.status, 202);
    assert.equal(retried.body.status, 'pending');
    assert.equal(retried.body.retries, 1);
    assert.equal(retried.headers.etag, '"2"');

    await expectEventually(async () =>
      assert.equal((await world.get<Detail>(`/api/v1/notifications/${failedId}`, token)).body.status, 'sent'),
    );
    const after = await world.get<Detail>(`/api/v1/notifications/${failedId}`, token);
    assert.equal(after.body.attempts, 2);
    assert.equal(after.headers.etag, '"3"');
    assert.equal(
      smtp.messages.filter((m) => m.messageId === `<${failedId}@tripartite.local>`).length,
      1,
      'the one message, once',
    );
    const audit = await world.sql<{ action: string; actor_organisation_id: string }>(
      'SELECT action, actor_organisation_id FROM audit_log WHERE aggregate_id = $1',
      [failedId],
    );
    assert.deepEqual(audit, [
      { action: 'notification.retry', actor_organisation_id: service.organisationId },
    ]);
  });

  it('answers 409 when the notification is not failed (RFC 9110: conflict with its state)', async () => {
    const admin = await world.token(['admin']);
    const current = await world.get(`/api/v1/notifications/${failedId}`, admin);
    const conflict = await world.post<{ code: string; currentStatus: string }>(
      `/api/v1/notifications/${failedId}/retry`,
      admin,
      { 'if-match': String(current.headers.etag) },
    );
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.code, 'NOTIFICATION.NOT_FAILED');
    assert.equal(conflict.body.currentStatus, 'sent');
  });

  it('lets admin send any failed one again; the reminder goes with its .ics', async () => {
    const retried = await world.post<Detail>(
      `/api/v1/notifications/${renewalFailedId}/retry`,
      await world.token(['admin']),
      firstVersion,
    );
    assert.equal(retried.status, 202);
    assert.equal(retried.body.attachments[0]?.filename, 'depot-renouvellement-agrement.ics');
    await expectEventually(() =>
      assert.equal(
        smtp.messages.filter((m) => m.messageId === `<${renewalFailedId}@tripartite.local>`).length,
        1,
      ),
    );
    const [message] = smtp.messages.filter((m) => m.messageId === `<${renewalFailedId}@tripartite.local>`);
    assert.match(message.raw, /depot-renouvellement-agrement\.ics/);
  });

  it('filters the list by event type and by period (days in Paris)', async () => {
    const admin = await world.token(['admin']);
    const renewals = await world.get<Page>('/api/v1/notifications?eventType=agreement.renewal_due', admin);
    assert.deepEqual(renewals.body.items.map((i) => i.recipient.email).sort(), [
      'ana@ast.example',
      'dan@dreets.example',
      'gone@ast.example',
    ]);
    const today = calendarDateAt(new Date());
    const all = await world.get<Page>(`/api/v1/notifications?from=${today}&to=${today}`, admin);
    assert.equal(all.body.items.length, 6, 'three registrations, three reminders');
    const tomorrow = await world.get<Page>(`/api/v1/notifications?from=${addDays(today, 1)}`, admin);
    assert.equal(tomorrow.body.items.length, 0);
    const yesterday = await world.get<Page>(`/api/v1/notifications?to=${addDays(today, -1)}`, admin);
    assert.equal(yesterday.body.items.length, 0);
    const bad = await world.get<{ errors: { field: string }[] }>('/api/v1/notifications?from=demain', admin);
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors.map((e) => e.field),
      ['from'],
    );
  });

  it('pages like every list, and refuses a page over the maximum or a period ending before it starts (platform rule)', async () => {
    const admin = await world.token(['admin']);
    const first = await world.get<Page>('/api/v1/notifications?pageSize=4', admin);
    const second = await world.get<Page>('/api/v1/notifications?pageSize=4&page=2', admin);
    assert.deepEqual([first.body.page, first.body.pageSize, first.body.total], [1, 4, 6]);
    assert.deepEqual([second.body.items.length, second.body.total], [2, 6]);
    const ids = [...first.body.items, ...second.body.items].map((item) => item.id);
    assert.equal(new Set(ids).size, 6, 'each notification on one page only');
    for (const [list, query] of [
      ['/api/v1/notifications', 'pageSize=201'],
      ['/api/v1/notifications', 'from=2027-03-02&to=2027-03-01'],
      ['/api/v1/notification-templates', 'pageSize=201'],
    ] as const) {
      const refused = await world.get<{ errors: { field: string; rule: string }[] }>(
        `${list}?${query}`,
        admin,
      );
      assert.equal(refused.status, 400, `${list}?${query}`);
      assert.deepEqual(
        refused.body.errors.map((e) => [e.field, e.rule]),
        [query.startsWith('from') ? ['from', 'notAfterTo'] : ['pageSize', 'max']],
      );
    }
  });

  it('lists every template with the events that send it and to whom', async () => {
    assert.equal((await world.get('/api/v1/notification-templates')).status, 401);
    const list = await world.get<{ items: TemplateSummary[] }>(
      '/api/v1/notification-templates',
      await world.token(['sst'], { region: '53', organisationId: service.organisationId }),
    );
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((t) => t.key).sort(), Object.keys(templateCatalogue).sort());
    for (const template of list.body.items) {
      assert.ok(template.eventTypes.length > 0, `${template.key} is sent by some event`);
      assert.ok(template.description.length > 0);
    }
    const decision = list.body.items.find((t) => t.key === 'agreement-decision-due');
    assert.deepEqual(decision?.eventTypes, ['agreement.decision_due']);
    assert.deepEqual(decision?.recipients, ['direccte']);
    assert.deepEqual(
      list.body.items
        .filter((t) => t.calendarAttachment)
        .map((t) => t.key)
        .sort(),
      ['agreement-renewal-due', 'contract-review-due'],
    );
  });

  it('previews every template as its rule sends it for a sample event: French, nothing left unrendered', async () => {
    const token = await world.token(['direccte'], { region: '53' });
    for (const key of Object.keys(templateCatalogue)) {
      const preview = await world.get<Preview>(`/api/v1/notification-templates/${key}/preview`, token);
      assert.equal(preview.status, 200, key);
      assert.ok(preview.body.eventTypes.includes(preview.body.sampleEvent.type), key);
      assert.ok(preview.body.recipients.includes(preview.body.sampleRecipientParty), key);
      assert.match(
        preview.body.subject,
        /^(Rappel|Alerte|Décision|Demande|Accusé de réception|Information) : /,
      );
      assert.ok(preview.body.text.startsWith(`Bonjour ${preview.body.sample.recipient.name},`), key);
      assert.ok(
        preview.body.sample.link.startsWith(`${PUBLIC_BASE_URL}/api/v1/`),
        'links on the public address',
      );
      for (const part of [preview.body.subject, preview.body.text, preview.body.html]) {
        assert.ok(!part.includes('{{'), `${key}: ${part}`);
      }
      assert.equal(preview.body.attachments.length, preview.body.calendarAttachment ? 1 : 0);
    }
    const missing = await world.get<{ code: string }>(
      '/api/v1/notification-templates/nothing/preview',
      token,
    );
    assert.equal(missing.status, 404);
    const decision = await world.get<Preview>(
      '/api/v1/notification-templates/agreement-decision-due/preview',
      token,
    );
    assert.equal(decision.body.sampleRecipientParty, 'direccte', 'only the DIRECCTE is warned (R.4622-52)');
    assert.match(decision.body.text, /^Bonjour Claire Le Gall,/);
    assert.equal(missing.body.code, 'NOTIFICATION_TEMPLATE.NOT_FOUND');
    assert.equal((await world.get('/api/v1/notification-templates/agreement-granted/preview')).status, 401);
  });
});
