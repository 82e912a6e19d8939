import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { EventEnvelope, PayloadOf, PlatformEventType } from '@tripartite/events';
import { type CaughtMessage, expectEventually, SmtpCatcher } from '@tripartite/testing';
import { icsLines, mimeParts } from './support/mime-parts';
import { NotificationsWorld, organisation, PUBLIC_BASE_URL } from './support/notifications-world';
import { eventParties, samplePayloads } from './support/sample-events';

type OrganisationPayload = PayloadOf<'organisation.registered'>;

/** An organisation of the directory with one contact who accepts notifications and one who does not. */
function member(type: OrganisationPayload['type'], name: string, email: string, regions = ['53']) {
  return organisation(
    [
      { name: `Contact ${name}`, email, receivesNotifications: true },
      { name: `Réservé ${name}`, email: `no-${email}`, receivesNotifications: false },
    ],
    { type, name, regions },
  );
}

describe('every event a person hears of, from the outbox to French e-mails over SMTP, to the right parties', () => {
  const smtp = new SmtpCatcher();
  let world: NotificationsWorld;

  // Bretagne (53) as the directory knows it, plus Normandie's DREETS, which must hear nothing.
  const service = member('SSTI', 'AST 35', 'ast35@sst.example');
  const otherService = member('SSTI', 'Autre service', 'autre@sst.example');
  const direccte = member('DIRECCTE', 'DREETS Bretagne', 'dreets@bretagne.example');
  const normandie = member('DIRECCTE', 'DREETS Normandie', 'dreets@normandie.example', ['28']);
  // A region can have two Caisses; a service has one, its competent Caisse, which agrément and
  // service-project events name (domain brief): the second Caisse of the region hears of none of them.
  const carsat = member('CAISSE', 'CARSAT Bretagne', 'carsat@bretagne.example');
  const secondCaisse = member('CAISSE', 'CGSS Test', 'cgss@bretagne.example');
  const ars = member('ARS', 'ARS Bretagne', 'ars@bretagne.example');
  const croct = member('CRPRP', 'CROCT Bretagne', 'croct@bretagne.example');
  const dgt = member('DGT', 'Direction générale du travail', 'dgt@travail.example', ['11']);
  const drp = member('DRP', 'Direction des risques professionnels', 'drp@assurance-maladie.example', ['11']);

  const S = 'ast35@sst.example';
  const D = 'dreets@bretagne.example';
  const C = 'carsat@bretagne.example';
  /** Who must receive each event, written out from the rule table's reasons (not computed from it). */
  const expected: Record<Exclude<PlatformEventType, `organisation.${string}`>, string[]> = {
    'agreement.requested': [S, D],
    'agreement.inspector_opinion_recorded': [D],
    'agreement.granted': [S, D, C],
    'agreement.refused': [S, D, C],
    'agreement.recorded': [S],
    'agreement.implicitly_granted': [S, D, C, 'dgt@travail.example'],
    'agreement.decision_due': [D],
    'agreement.compliance_notice_issued': [S, D],
    'agreement.compliance_notice_due': [S, D],
    'agreement.compliance_notice_met': [S, D],
    'agreement.compliance_notice_lapsed': [S, D],
    'agreement.shortened': [S, D, C],
    'agreement.withdrawn': [S, D, C, 'dgt@travail.example', 'drp@assurance-maladie.example'],
    'agreement.renewal_due': [S, D],
    'agreement.expired': [S, D, C],
    'service_project.adopted': [S],
    'service_project.approved': [S, D, C],
    'service_project.revised': [S, D],
    'service_project.withdrawn': [S, D],
    'contract.submitted': [S, C, D],
    'contract.ready_to_sign': [S, C, D],
    'contract.signed': [S, C, D, 'croct@bretagne.example', 'ars@bretagne.example'],
    // Signed before the region joined: the three parties only, nobody is told of a new signature.
    'contract.recorded': [S, C, D],
    // Named only the service: the contract parties projection supplies its one Caisse, not the region's two.
    'contract.amended': [S, C, D],
    'contract.review_due': [S, C, D],
    'contract.review_overdue': [S, C, D],
    'contract.review_completed': [S, C, D],
    'contract.evaluated': [S, C, D],
    // The three parties of the CPOM, as the rule rows of issue 11 say (seed 002 II.2, II.4, I.1; D.4622-47).
    'consultation.requested': ['ars@bretagne.example', S, C, D],
    'consultation.opinion_delivered': ['ars@bretagne.example', S, C, D],
    'consultation.answer_overdue': ['ars@bretagne.example', S, C, D],
    // Issue 12. `consulted` is the consultation's consultedOrganisationId (the ARS in the samples): it is
    // reminded alone; consultation.completed names no consultation and goes to the CPOM's three parties;
    // the yearly agrément information goes to the region's DIRECCTE, and once presented to the CRPRP too.
    'consultation.session_scheduled': ['ars@bretagne.example', S, C, D],
    'consultation.answer_due': ['ars@bretagne.example'],
    'consultation.closed': ['ars@bretagne.example', S, C, D],
    'consultation.completed': [S, C, D],
    'consultation.agrement_policy_report_due': [D],
    'consultation.agrement_policy_report_presented': ['croct@bretagne.example', D],
    'contract.drafted': [S, C, D],
    'contract.submission_withdrawn': [S, C, D],
    'contract.term_due': [S, C, D],
    'contract.evaluation_overdue': [S, C, D],
    'contract.expired': [S, C, D],
    'contract.agreement_lapsed': [S, C, D],
    // Partnership protocols (seed 000): the DIRECCTE at each step, and the protocol's two parties — the
    // Caisse the event names, never the region's second one.
    'partnership_protocol.negotiation_opened': [D, S, C],
    'partnership_protocol.concluded': [D, S, C],
    'partnership_protocol.progress_recorded': [D, S, C],
    'partnership_protocol.ended': [D, S, C],
  };

  const parties = eventParties({
    serviceId: service.organisationId,
    serviceName: 'AST 35',
    caisseId: carsat.organisationId,
    direccteId: direccte.organisationId,
    consultedOrganisationId: ars.organisationId,
  });
  const payloads = samplePayloads(parties);
  const events = new Map<string, EventEnvelope>();

  before(async () => {
    world = await NotificationsWorld.start('notif_every_event', { smtpPort: await smtp.start() });
    await world.registerAll([
      service,
      otherService,
      direccte,
      normandie,
      carsat,
      secondCaisse,
      ars,
      croct,
      dgt,
      drp,
    ]);
    await expectEventually(() => assert.equal(smtp.messages.length, 10), { timeoutMs: 20_000 });
    smtp.messages.splice(0);
    // The CPOM's parties are known from its first event, before those that name only the service.
    const submitted = await world.publish('contract.submitted', payloads['contract.submitted']);
    events.set('contract.submitted', submitted);
    await expectEventually(async () => assert.ok(await world.applied(submitted.id)));
    for (const [type, payload] of Object.entries(payloads)) {
      if (type === 'contract.submitted') continue;
      events.set(type, await world.publish(type as PlatformEventType, payload as never));
    }
    const total = Object.values(expected).reduce((n, list) => n + list.length, 0);
    await expectEventually(() => assert.equal(smtp.messages.length, total), { timeoutMs: 60_000 });
  });
  after(async () => {
    await world?.dispose();
    await smtp.stop();
  });

  /** The messages an event sent, found by their Message-ID (= delivery id). */
  async function messagesOf(type: string): Promise<CaughtMessage[]> {
    const event = events.get(type);
    assert.ok(event, type);
    const rows = await world.deliveries(event.id);
    assert.ok(
      rows.every((r) => r.status === 'sent'),
      `${type}: all sent`,
    );
    return rows.map((row) => {
      const caught = smtp.messages.filter((m) => m.messageId === `<${row.id}@tripartite.local>`);
      assert.equal(caught.length, 1, `${type}: one message for ${row.recipient_email}`);
      assert.deepEqual(caught[0].to, [row.recipient_email]);
      return caught[0];
    });
  }

  for (const [type, recipients] of Object.entries(expected)) {
    it(`${type}: e-mails ${recipients.length} contact(s) of the parties concerned, in French, with the link`, async () => {
      const messages = await messagesOf(type);
      assert.deepEqual(messages.flatMap((m) => m.to).sort(), [...recipients].sort());
      for (const message of messages) {
        assert.match(message.subject, /^(Rappel|Alerte|Décision|Demande|Accusé de réception|Information) : /);
        assert.match(message.text, /^Bonjour Contact /);
        assert.ok(!message.text.includes('{{') && !message.html.includes('{{'));
        assert.match(message.text, new RegExp(`${PUBLIC_BASE_URL}/api/v1/[a-z-]+/[0-9a-f-]{36}`));
        // The yearly information on agrément policy concerns a region, not a service (seed 002 I.2).
        if (!type.startsWith('consultation.agrement_policy_report')) {
          assert.ok(message.text.includes('AST 35'), 'names the service');
        }
      }
    });
  }

  it('never tells a contact who declined, another service, or another region’s DIRECCTE', () => {
    const all = smtp.messages.flatMap((m) => m.to);
    assert.ok(all.every((to) => !to.startsWith('no-')));
    assert.ok(!all.includes('autre@sst.example'));
    assert.ok(!all.includes('dreets@normandie.example'));
  });

  it('names deadlines in words and the parties from the directory (R.4622-52, D.4622-50)', async () => {
    const [decision] = await messagesOf('agreement.decision_due');
    assert.equal(
      decision.subject,
      'Rappel : décision sur l’agrément de AST 35 à notifier avant le 10 janvier 2027',
    );
    assert.ok(decision.text.includes('attend la décision de DREETS Bretagne'));
    assert.ok(decision.text.includes('(dans 7 jours)'));
    const [renewal] = await messagesOf('agreement.renewal_due');
    assert.ok(renewal.subject.endsWith('avant le 15 mars 2027'), renewal.subject);
    assert.ok(renewal.text.includes('Ce rappel vous est adressé 6 mois avant cette date limite.'));
    const [amended] = await messagesOf('contract.amended');
    assert.ok(amended.text.includes('Parties au contrat : AST 35, CARSAT Bretagne et DREETS Bretagne'));
  });

  it('tells the service of a withdrawal that its president must inform every member company (D.4622-51)', async () => {
    const toService = (await messagesOf('agreement.withdrawn')).find((m) => m.to.includes(S));
    assert.ok(toService);
    assert.match(
      toService.text,
      /Le président du service doit informer de ce retrait chacune des entreprises adhérentes/,
    );
    assert.match(
      toService.html,
      /<strong>Le président du service doit informer de ce retrait chacune des entreprises adhérentes<\/strong>/,
    );
  });

  for (const [type, filename, date] of [
    ['contract.review_due', 'examen-annuel-cpom.ics', '20280630'],
    ['agreement.renewal_due', 'depot-renouvellement-agrement.ics', '20270315'],
  ] as const) {
    it(`${type}: carries an .ics with an all-day event on the due date (seed 002 II.4, D.4622-50)`, async () => {
      for (const message of await messagesOf(type)) {
        const parts = mimeParts(message.raw);
        const ics = parts.find((p) => p.filename === filename);
        assert.ok(ics, `${message.to[0]}: the attachment is there`);
        assert.match(ics.contentType, /^text\/calendar; charset=utf-8; method=PUBLISH/);
        const lines = icsLines(ics.content);
        assert.equal(lines[0], 'BEGIN:VCALENDAR');
        assert.ok(lines.includes(`DTSTART;VALUE=DATE:${date}`), lines.join('\n'));
        assert.ok(lines.includes('X-WR-TIMEZONE:Europe/Paris'));
        assert.ok(lines.some((l) => l.startsWith('SUMMARY:') && l.includes('AST 35')));
        assert.ok(
          parts.some((p) => p.contentType.startsWith('text/plain')),
          'the text body is still there',
        );
      }
    });
  }

  it('sends no calendar file with the other messages', async () => {
    const withIcs = smtp.messages.filter((m) => /text\/calendar/.test(m.raw)).length;
    assert.equal(withIcs, expected['contract.review_due'].length + expected['agreement.renewal_due'].length);
  });

  it('falls back on the region’s DIRECCTE and Caisses for a CPOM it has not seen the parties of', async () => {
    const before = smtp.messages.length;
    const unknown = await world.publish('contract.review_completed', {
      ...payloads['contract.review_completed'],
      contractId: randomUUID(),
    });
    await expectEventually(() => assert.equal(smtp.messages.length, before + 4));
    const rows = await world.deliveries(unknown.id);
    assert.deepEqual(rows.map((r) => r.recipient_email).sort(), [S, C, D, 'cgss@bretagne.example'].sort());
  });
});
