import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, type CalendarDate, lastDayOfYears } from '@tripartite/calendar';
import { agreementResponseSchema } from '../src/agreement/api/dto/agreement.response.dto';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient, LIMITS, NOTHING_TO_EXAMINE } from './support/agreements-client';

// Issue 4, agréments over HTTP on the real database and broker: every rule, denial and bad input.
describe('agréments over HTTP', () => {
  let client: AgreementsClient;
  let close: () => Promise<void>;
  let today: CalendarDate;

  before(async () => {
    const started = await startAgreements('agreements_api');
    close = started.close;
    client = new AgreementsClient(started.app, started.config, started.dataSource);
    today = await client.today();
  });
  after(() => close?.());

  const countAgreements = async () =>
    (await client.dataSource.query('SELECT count(*)::int AS n FROM agreements'))[0].n as number;

  describe('filing an application', () => {
    it('refuses a request without a token (401)', async () => {
      const serviceId = await client.registerService('AST 29 sans jeton');
      const response = await client.request('POST', '/api/v1/agreements', null, {
        serviceId,
        application: 'first',
        filedOn: today,
      });
      assert.equal(response.statusCode, 401);
    });

    it('a service files only its own request (403 for another service’s director), and writes nothing', async () => {
      const serviceId = await client.registerService('AST 22');
      const otherService = await client.registerService('AST 56');
      const before = await countAgreements();
      const intruder = await client.token({ roles: ['sst'], region: '53', org: otherService });
      const response = await client.file(serviceId, today, 'first', intruder);
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'AUTH.FORBIDDEN_SCOPE');
      assert.equal(await countAgreements(), before);
    });

    it('a DIRECCTE agent of another region may not file for a service (403); a Caisse may not at all', async () => {
      const serviceId = await client.registerService('AST 35 Est');
      const occitanie = await client.direccte('76');
      assert.equal((await client.file(serviceId, today, 'first', occitanie)).statusCode, 403);
      const caisse = await client.token({ roles: ['caisse'], region: '53' });
      const response = await client.file(serviceId, today, 'first', caisse);
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'AUTH.FORBIDDEN_ROLE');
    });

    it('the service’s director files; the decision is due four months later (R.4622-52), with its deadlines', async () => {
      const serviceId = await client.registerService('Santé au travail Ille-et-Vilaine');
      const director = await client.token({ roles: ['sst'], region: '53', org: serviceId });
      const response = await client.file(serviceId, today, 'first', director);
      assert.equal(response.statusCode, 201, JSON.stringify(response.json()));
      const body = response.json();
      assert.equal(body.status, 'requested');
      assert.equal(body.decisionDueOn, addMonths(today, 4));
      assert.equal(body.serviceName, 'Santé au travail Ille-et-Vilaine');
      assert.equal(response.headers.etag, '"1"');
      const [event] = await client.events(body.id);
      assert.equal(event?.type, 'agreement.requested');
      assert.equal(event?.payload.decisionDueOn, addMonths(today, 4));
      const kinds = (await client.pendingDeadlines(body.id)).map((d) => d.kind);
      assert.deepEqual(kinds, [
        'agreement.decision_warning',
        'agreement.decision_warning',
        'agreement.decision_deadline',
      ]);
    });

    it('answers 400 naming each bad field, and writes nothing', async () => {
      const before = await countAgreements();
      const response = await client.request('POST', '/api/v1/agreements', await client.direccte(), {
        serviceId: 'nope',
        application: 'third',
        filedOn: '2026-02-30',
      });
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      const fields = (response.json().errors as { field: string }[]).map((e) => e.field).sort();
      assert.deepEqual(fields, ['application', 'filedOn', 'serviceId']);
      assert.equal(await countAgreements(), before);
    });

    it('refuses an organisation that is not an occupational health service (422 naming serviceId)', async () => {
      const caisse = await client.request('POST', '/api/v1/organisations', await client.direccte(), {
        type: 'CAISSE',
        caisseKind: 'CARSAT',
        name: 'CARSAT Bretagne',
        regions: ['53'],
        contacts: [],
      });
      const response = await client.file(caisse.json().id, today);
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().field, 'serviceId');
    });

    it('a repeated POST with the same Idempotency-Key answers the first agrément and creates nothing more', async () => {
      const serviceId = await client.registerService('AST Morbihan');
      const headers = { 'idempotency-key': `file-${serviceId}` };
      const token = await client.direccte();
      const body = { serviceId, application: 'first', filedOn: today };
      const first = await client.request('POST', '/api/v1/agreements', token, body, headers);
      const again = await client.request('POST', '/api/v1/agreements', token, body, headers);
      assert.equal(first.statusCode, 201);
      assert.equal(again.json().id, first.json().id);
      const [{ n }] = await client.dataSource.query(
        'SELECT count(*)::int AS n FROM agreements WHERE service_id = $1',
        [serviceId],
      );
      assert.equal(n, 1);
    });

    it('one application at a time per service (409)', async () => {
      const serviceId = await client.registerService('AST Côtes-d’Armor');
      assert.equal((await client.file(serviceId, today)).statusCode, 201);
      const second = await client.file(serviceId, today);
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().code, 'AGREEMENT.APPLICATION_PENDING');
    });
  });

  describe('the decision', () => {
    it('no decision before the médecin inspecteur du travail’s opinion (D.4622-48): 409, nothing written', async () => {
      const serviceId = await client.registerService('AST Finistère');
      const id = (await client.file(serviceId, today)).json().id;
      const response = await client.post(id, 'decision', {
        outcome: 'granted',
        decidedOn: today,
        validFrom: today,
        limits: LIMITS,
      });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'AGREEMENT.OPINION_MISSING');
      assert.match(response.json().rule, /D\.4622-48/);
      assert.equal(response.json().field, undefined, 'a state of the application: no request field to blame');
      assert.deepEqual(await client.eventTypes(id), ['agreement.requested']);
      const current = await client.request('GET', `/api/v1/agreements/${id}`, await client.direccte());
      assert.equal(current.json().status, 'requested');
      assert.equal(current.json().version, 1);
    });

    it('only a DIRECCTE agent of the service’s region records the opinion and decides (403 otherwise)', async () => {
      const serviceId = await client.registerService('AST Vitré');
      const id = (await client.file(serviceId, today)).json().id;
      const opinion = { verdict: 'favourable', givenOn: today, text: 'Favorable' };
      const director = await client.token({ roles: ['sst'], region: '53', org: serviceId });
      assert.equal((await client.post(id, 'inspector-opinion', opinion, director)).statusCode, 403);
      assert.equal(
        (await client.post(id, 'inspector-opinion', opinion, await client.direccte('76'))).statusCode,
        403,
      );
      assert.equal((await client.post(id, 'inspector-opinion', opinion)).statusCode, 200);
      const national = await client.token({ roles: ['national'] });
      const decision = { outcome: 'granted', decidedOn: today, validFrom: today, limits: LIMITS };
      assert.equal((await client.post(id, 'decision', decision, national)).statusCode, 403);
    });

    it('grants for five years with its limits and derogations, and publishes agreement.granted (D.4622-48)', async () => {
      const serviceId = await client.registerService('AST Saint-Malo');
      const id = (await client.file(serviceId, today)).json().id;
      await client.opinion(id, 'reserved', today, 'Réserves sur les effectifs');
      const derogation = {
        subject: 'visite périodique',
        periodicityMonths: 36,
        conditions: {
          nurseInterviews: true,
          annualPluridisciplinaryActions: true,
          goodPracticeRecommendations: true,
        },
        text: 'entretiens infiriers intercalaires',
      };
      const response = await client.post(id, 'decision', {
        outcome: 'granted',
        decidedOn: today,
        validFrom: today,
        limits: LIMITS,
        derogations: [derogation],
      });
      assert.equal(response.statusCode, 200, JSON.stringify(response.json()));
      const body = response.json();
      assert.doesNotThrow(() => agreementResponseSchema.parse(body), 'the answer is the documented shape');
      assert.equal(body.validUntil, lastDayOfYears(today, 5));
      assert.equal(body.inForce, true);
      const granted = (await client.events(id)).find((e) => e.type === 'agreement.granted');
      assert.deepEqual(granted?.payload.limits, LIMITS);
      assert.equal(granted?.payload.employeesFollowed, 52_000);
      assert.equal(granted?.payload.conditional, false);
      const kinds = (await client.pendingDeadlines(id)).map((d) => d.kind);
      assert.deepEqual(kinds.sort(), [
        'agreement.expiry',
        'agreement.renewal_reminder',
        'agreement.renewal_reminder',
        'agreement.renewal_reminder',
        'agreement.renewal_reminder',
      ]);
    });

    it('a refusal states its reasons (400 without), and publishes agreement.refused', async () => {
      const serviceId = await client.registerService('AST Fougères');
      const id = (await client.file(serviceId, today)).json().id;
      await client.opinion(id, 'unfavourable', today, 'Défavorable');
      const without = await client.post(id, 'decision', { outcome: 'refused', decidedOn: today });
      assert.equal(without.statusCode, 400);
      assert.equal(without.json().errors[0].field, 'reasons');
      const refused = await client.post(id, 'decision', {
        outcome: 'refused',
        decidedOn: today,
        reasons: 'Effectifs médicaux insuffisants',
      });
      assert.equal(refused.statusCode, 200);
      assert.equal(refused.json().status, 'refused');
      assert.ok((await client.eventTypes(id)).includes('agreement.refused'));
      assert.deepEqual(await client.pendingDeadlines(id), [], 'no implicit agrément after a refusal');
    });

    it('a conditional agrément lasts at most two years and needs a dated commitment (D.4622-51 1°)', async () => {
      const serviceId = await client.registerService('AST Lorient');
      const id = (await client.file(serviceId, today)).json().id;
      await client.opinion(id, 'reserved', today, 'Sous conditions');
      const base = { outcome: 'conditional', decidedOn: today, validFrom: today, limits: LIMITS };
      const noCommitment = await client.post(id, 'decision', base);
      assert.equal(noCommitment.statusCode, 400);
      assert.equal(noCommitment.json().errors[0].field, 'complianceCommitment');
      const commitment = { description: 'Recruter deux médecins du travail', dueOn: addMonths(today, 12) };
      const tooLong = await client.post(id, 'decision', {
        ...base,
        complianceCommitment: commitment,
        validUntil: addMonths(today, 25),
      });
      assert.equal(tooLong.statusCode, 422);
      assert.equal(tooLong.json().field, 'validUntil');
      assert.match(tooLong.json().rule, /D\.4622-51 1°/);
      const granted = await client.post(id, 'decision', { ...base, complianceCommitment: commitment });
      assert.equal(granted.statusCode, 200, JSON.stringify(granted.json()));
      assert.equal(granted.json().conditional, true);
      assert.equal(granted.json().validUntil, addDays(addMonths(today, 24), -1));

      // The renewal of a conditional agrément cannot be conditional again.
      const renewal = await client.file(serviceId, today, 'renewal');
      assert.equal(renewal.statusCode, 201, JSON.stringify(renewal.json()));
      assert.equal(renewal.json().lateRenewal, false, 'filed two years before the end');
      const renewalId = renewal.json().id;
      await client.opinion(renewalId, 'favourable', today, 'Favorable');
      const again = await client.post(renewalId, 'decision', {
        ...base,
        renewalExamination: NOTHING_TO_EXAMINE,
        validFrom: addMonths(today, 24),
        complianceCommitment: { ...commitment, dueOn: addMonths(today, 30) },
      });
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().code, 'AGREEMENT.CONDITIONAL_AFTER_CONDITIONAL');
    });

    it('a change on a stale version answers 412 and writes nothing', async () => {
      const serviceId = await client.registerService('AST Redon');
      const id = (await client.file(serviceId, today)).json().id;
      const opinion = { verdict: 'favourable', givenOn: today, text: 'Favorable' };
      const stale = await client.post(id, 'inspector-opinion', opinion, undefined, { 'if-match': '"7"' });
      assert.equal(stale.statusCode, 412);
      assert.deepEqual(await client.eventTypes(id), ['agreement.requested']);
      const fresh = await client.post(id, 'inspector-opinion', opinion, undefined, { 'if-match': '"1"' });
      assert.equal(fresh.statusCode, 200);
      assert.equal(fresh.headers.etag, '"2"');
    });

    it('every command without If-Match answers 428 and writes nothing (ADR 0005 §7: a change names the version it applies to)', async () => {
      const serviceId = await client.registerService('AST Fougères');
      const agreement = await client.grantedAgreement(serviceId, today);
      const events = await client.eventTypes(agreement.id);
      const reason = { grounds: 'no_cpom', text: 'Aucun CPOM conclu' };
      const commands: [string, unknown][] = [
        ['inspector-opinion', { verdict: 'favourable', givenOn: today, text: 'Favorable' }],
        ['decision', { outcome: 'refused', decidedOn: today, reasons: 'Effectifs insuffisants' }],
        ['compliance-notices', { ...reason, noticeOn: today, deadlineOn: addMonths(today, 3) }],
        [`compliance-notices/${agreement.id}/compliance`, { metOn: today }],
        ['withdrawal', { ...reason, withdrawnOn: today }],
        ['shortening', { ...reason, decidedOn: today, validUntil: addMonths(today, 6) }],
        ['member-information', { informedOn: today, text: null }],
      ];
      for (const [command, body] of commands) {
        const response = await client.post(agreement.id, command, body, undefined, { 'if-match': '' });
        assert.equal(response.statusCode, 428, `${command}: ${JSON.stringify(response.json())}`);
        assert.equal(response.json().code, 'REQUEST.PRECONDITION_REQUIRED', command);
      }
      assert.deepEqual(await client.eventTypes(agreement.id), events);
      assert.equal(await client.etagOf(agreement.id), `"${agreement.version}"`);
    });
  });

  describe('one agrément in force per service at any date', () => {
    it('refuses a first application while an agrément is in force (409): a renewal is what is due', async () => {
      const serviceId = await client.registerService('AST Quimper');
      await client.grantedAgreement(serviceId, today);
      const response = await client.file(serviceId, today, 'first');
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'AGREEMENT.ALREADY_IN_FORCE');
      assert.equal(response.json().field, 'application');
    });

    it('a renewal takes over from its start: the renewed agrément ends the day before, its deadlines move', async () => {
      const serviceId = await client.registerService('AST Brest');
      const first = await client.grantedAgreement(serviceId, today);
      const renewal = await client.file(serviceId, today, 'renewal');
      assert.equal(renewal.statusCode, 201);
      assert.equal(renewal.json().previousAgreementId, first.id);
      assert.equal(renewal.json().lateRenewal, false);
      // Filing the renewal stops the reminders to file it.
      assert.deepEqual(
        (await client.pendingDeadlines(first.id)).map((d) => d.kind),
        ['agreement.expiry'],
      );
      const id = renewal.json().id;
      await client.opinion(id, 'favourable', today, 'Favorable');
      const startsEarly = await client.post(id, 'decision', {
        outcome: 'granted',
        decidedOn: today,
        validFrom: today,
        limits: LIMITS,
        renewalExamination: NOTHING_TO_EXAMINE,
      });
      assert.equal(startsEarly.statusCode, 422, 'a renewal starting with the renewed agrément overlaps it');
      const takeOver = addMonths(today, 12);
      const granted = await client.post(id, 'decision', {
        outcome: 'granted',
        decidedOn: today,
        validFrom: takeOver,
        limits: LIMITS,
        renewalExamination: NOTHING_TO_EXAMINE,
      });
      assert.equal(granted.statusCode, 200, JSON.stringify(granted.json()));
      const previous = await client.request('GET', `/api/v1/agreements/${first.id}`, await client.direccte());
      assert.equal(previous.json().validUntil, addDays(takeOver, -1));
      assert.equal(previous.json().supersededBy, id);
      const [expiry] = await client.pendingDeadlines(first.id);
      assert.equal(expiry?.kind, 'agreement.expiry');
      const [{ due }] = await client.dataSource.query(
        "SELECT payload->>'validUntil' AS due FROM deadlines WHERE subject_id = $1 AND status = 'pending'",
        [first.id],
      );
      assert.equal(due, addDays(takeOver, -1), 'the expiry moved to the new end');
    });
  });

  describe('reading', () => {
    it('lists within scope: a service sees its own, another region’s DIRECCTE nothing, national everything', async () => {
      const serviceId = await client.registerService('AST Pontivy');
      await client.file(serviceId, today);
      const own = await client.request(
        'GET',
        `/api/v1/agreements?serviceId=${serviceId}`,
        await client.token({ roles: ['sst'], region: '53', org: serviceId }),
      );
      assert.equal(own.json().total, 1);
      const otherService = await client.token({
        roles: ['sst'],
        region: '53',
        org: '0190b4a4-0000-7000-8000-000000000000',
      });
      assert.equal(
        (await client.request('GET', `/api/v1/agreements?serviceId=${serviceId}`, otherService)).json().total,
        0,
      );
      assert.equal(
        (
          await client.request(
            'GET',
            `/api/v1/agreements?serviceId=${serviceId}`,
            await client.direccte('76'),
          )
        ).json().total,
        0,
      );
      const national = await client.token({ roles: ['national'] });
      assert.equal(
        (await client.request('GET', `/api/v1/agreements?serviceId=${serviceId}`, national)).json().total,
        1,
      );
      const id = own.json().items[0].id;
      assert.equal(
        (await client.request('GET', `/api/v1/agreements/${id}`, await client.direccte('76'))).statusCode,
        403,
      );
      assert.equal((await client.request('GET', `/api/v1/agreements/${id}`, otherService)).statusCode, 403);
    });

    it('filters agréments expiring before a date and by status', async () => {
      const serviceId = await client.registerService('AST Dinan');
      const granted = await client.grantedAgreement(serviceId, today);
      const token = await client.direccte();
      const soon = await client.request(
        'GET',
        `/api/v1/agreements?status=granted&expiringBefore=${addMonths(today, 61)}&serviceId=${serviceId}`,
        token,
      );
      assert.deepEqual(
        soon.json().items.map((a: { id: string }) => a.id),
        [granted.id],
      );
      const notYet = await client.request(
        'GET',
        `/api/v1/agreements?expiringBefore=${addMonths(today, 12)}&serviceId=${serviceId}`,
        token,
      );
      assert.equal(notYet.json().total, 0);
    });
  });
});
