import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, type CalendarDate } from '@tripartite/calendar';
import { createTestDatabase, expectEventually, type Reply, TestProducer } from '@tripartite/testing';
import { renewalViewResponseSchema } from '../src/agreement/api/dto/renewal-view.response.dto';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient, LIMITS, NOTHING_TO_EXAMINE } from './support/agreements-client';

// Issue 4, renewal view: "Au moment du renouvellement de l'agrément, la DIRECCTE examine la mise en
// œuvre du CPOM préalablement conclu et celle du projet pluriannuel de service" (seed 002 I.1). The CPOM
// part comes from contract.* events (published here by a stand-in for the contracts service).
describe('the agrément renewal view', () => {
  let client: AgreementsClient;
  let producer: TestProducer;
  let close: () => Promise<void>;
  let dropProducerDb: () => Promise<void>;
  let today: CalendarDate;

  before(async () => {
    const started = await startAgreements('agreements_renewal_view');
    client = new AgreementsClient(started.app, started.config, started.dataSource);
    const producerDb = await createTestDatabase('renewal_view_contracts');
    dropProducerDb = producerDb.drop;
    producer = await TestProducer.start({ ...started.env, DATABASE_NAME: producerDb.name }, 'contracts');
    close = started.close;
    today = await client.today();
  });
  after(async () => {
    await producer?.close();
    await close?.();
    await dropProducerDb?.();
  });

  const view = async (id: string, token?: string) =>
    client.request('GET', `/api/v1/agreements/${id}/renewal-view`, token ?? (await client.direccte()));

  /** The renewal view of the agrément `id` as the DIRECCTE reads it (200), in its documented shape. */
  const documentedView = async (id: string) => {
    const response = await view(id);
    assert.equal(response.statusCode, 200, JSON.stringify(response.json()));
    const body = response.json();
    assert.doesNotThrow(() => renewalViewResponseSchema.parse(body), 'the answer is the documented shape');
    return body;
  };

  it('says plainly that no CPOM and no service project are known before any is', async () => {
    const serviceId = await client.registerService('AST Vue vide');
    const agreement = await client.grantedAgreement(serviceId, today);
    const body = await documentedView(agreement.id);
    assert.equal(body.cpom.known, false);
    assert.match(body.cpom.explanation, /No CPOM/);
    assert.equal(body.serviceProject.known, false);
    assert.equal(body.agreement.renewalFilingDeadline, addMonths(addDays(agreement.validUntil, 1), -4));
    assert.equal(body.renewalApplication, null);
  });

  it('shows the approved service project, the CPOM with its latest review and final evaluation, and the renewal filed', async () => {
    const serviceId = await client.registerService('AST Vue complète');
    const agreement = await client.grantedAgreement(serviceId, today);
    const director = await client.token({ roles: ['sst'], region: '53', org: serviceId });

    const drafted = await client.draftServiceProject(serviceId, today, director);
    const projectId = drafted.json().id;
    /** A step of the project by its director, on the version `read` answered (checked: 200). */
    const step = async (action: string, body: object, read: Reply) => {
      const reply = await client.request(
        'POST',
        `/api/v1/service-projects/${projectId}/${action}`,
        director,
        body,
        { 'if-match': String(read.headers.etag) },
      );
      assert.equal(reply.statusCode, 200, JSON.stringify(reply.json()));
      return reply;
    };
    const adopted = await step('cmt-adoption', { adoptedOn: today }, drafted);
    await step('board-approval', { approvedOn: today }, adopted);

    const contractId = '0190b4a4-1111-7000-8000-000000000001';
    const contract = { contractId, serviceId, regions: ['53'] };
    const parties = {
      caisseId: '0190b4a4-2222-7000-8000-000000000001',
      direccteId: '0190b4a4-3333-7000-8000-000000000001',
    };
    const periodEnd = addDays(addMonths(today, 48), -1);
    // The amendment moves the end (D.4622-47: five years at most, amendments included).
    const amendedEnd = addDays(addMonths(today, 60), -1);
    const content = {
      contentVersion: 1,
      contentHash: 'c'.repeat(64),
      priorities: [],
      actions: [],
      indicators: [],
    };
    await producer.publish(
      'contract.signed',
      { ...contract, ...parties, signedOn: today, periodStart: today, periodEnd, ...content },
      { aggregateId: contractId, aggregateVersion: 1, region: '53' },
    );
    await producer.publish(
      'contract.amended',
      {
        ...contract,
        ...parties,
        periodStart: today,
        periodEnd: amendedEnd,
        amendmentNumber: 1,
        signedOn: today,
        summary: 'Avenant n°1',
        ...content,
        contentVersion: 2,
      },
      { aggregateId: contractId, aggregateVersion: 2, region: '53' },
    );
    await producer.publish(
      'contract.review_completed',
      { ...contract, reviewedOn: today, summary: 'Revue annuelle 1' },
      { aggregateId: contractId, aggregateVersion: 3, region: '53' },
    );
    await producer.publish(
      'contract.evaluated',
      { ...contract, evaluatedOn: today, summary: 'Objectifs atteints à 80 %' },
      { aggregateId: contractId, aggregateVersion: 4, region: '53' },
    );

    const renewal = await client.file(serviceId, today, 'renewal');
    assert.equal(renewal.statusCode, 201);

    await expectEventually(async () => {
      const body = (await view(agreement.id)).json();
      assert.equal(body.cpom.known, true);
      assert.equal(body.cpom.finalEvaluation?.summary, 'Objectifs atteints à 80 %');
    });
    const body = await documentedView(agreement.id);
    assert.deepEqual(
      [
        body.cpom.contractId,
        body.cpom.status,
        body.cpom.periodEnd,
        body.cpom.amendments,
        body.cpom.latestReview.summary,
      ],
      [contractId, 'evaluated', amendedEnd, 1, 'Revue annuelle 1'],
    );
    assert.equal(body.serviceProject.known, true);
    assert.equal(body.serviceProject.status, 'approved');
    assert.deepEqual(body.serviceProject.priorities, ['Prévention des TMS']);
    assert.equal(body.renewalApplication.id, renewal.json().id);

    // The renewal decision records the DIRECCTE's examination, checked against what the platform knows.
    const renewalId = renewal.json().id;
    await client.opinion(renewalId, 'favourable', today, 'RAS');
    const decision = {
      outcome: 'granted',
      decidedOn: today,
      validFrom: addDays(agreement.validUntil, 1),
      limits: LIMITS,
    };
    const without = await client.post(renewalId, 'decision', decision);
    assert.equal(without.statusCode, 422);
    assert.equal(without.json().code, 'AGREEMENT.RENEWAL_EXAMINATION_REQUIRED');
    assert.equal(without.json().field, 'renewalExamination');
    const denies = await client.post(renewalId, 'decision', {
      ...decision,
      renewalExamination: NOTHING_TO_EXAMINE,
    });
    assert.equal(
      denies.statusCode,
      422,
      'the platform knows this service’s CPOM: "none exists" contradicts it',
    );
    assert.equal(denies.json().code, 'AGREEMENT.EXAMINATION_CONTRADICTS_RECORDS');
    assert.equal(denies.json().field, 'renewalExamination.cpom');
    const examination = {
      cpom: {
        exists: true,
        documentId: contractId,
        assessment: 'Objectifs atteints à 80 %, revue annuelle tenue.',
      },
      serviceProject: {
        exists: true,
        documentId: body.serviceProject.projectId,
        assessment: 'Priorité TMS mise en œuvre.',
      },
    };
    const granted = await client.post(renewalId, 'decision', {
      ...decision,
      renewalExamination: examination,
    });
    assert.equal(granted.statusCode, 200, JSON.stringify(granted.json()));
    assert.deepEqual(granted.json().decision.renewalExamination, examination);
    const [event] = await client.dataSource.query(
      "SELECT envelope->'payload'->'renewalExamination' AS examination FROM outbox WHERE aggregate_id = $1 AND type = 'agreement.granted'",
      [renewalId],
    );
    assert.deepEqual(event.examination, examination, 'agreement.granted carries it');
  });

  it('shows a CPOM recorded as existing (signed before the region joined) like a signed one (seed 002 I.1)', async () => {
    const serviceId = await client.registerService('AST Vue CPOM existant');
    const agreement = await client.grantedAgreement(serviceId, today);
    const contractId = '0190b4a4-1111-7000-8000-000000000002';
    const periodStart = addMonths(today, -20);
    const periodEnd = addDays(addMonths(periodStart, 60), -1);
    const signedOn = addDays(periodStart, -10);
    await producer.publish(
      'contract.recorded',
      {
        contractId,
        serviceId,
        regions: ['53'],
        caisseId: '0190b4a4-2222-7000-8000-000000000002',
        direccteId: '0190b4a4-3333-7000-8000-000000000002',
        signedOn,
        periodStart,
        periodEnd,
        contentVersion: 1,
        contentHash: 'd'.repeat(64),
        priorities: [],
        actions: [],
        indicators: [],
        status: 'signed',
        reference: 'CPOM-53-2025',
      },
      { aggregateId: contractId, aggregateVersion: 1, region: '53' },
    );
    await expectEventually(async () => assert.equal((await view(agreement.id)).json().cpom.known, true));
    const body = await documentedView(agreement.id);
    assert.deepEqual(
      [
        body.cpom.contractId,
        body.cpom.status,
        body.cpom.signedOn,
        body.cpom.periodStart,
        body.cpom.periodEnd,
      ],
      [contractId, 'signed', signedOn, periodStart, periodEnd],
    );
  });

  it('is read within scope only (403 for another region’s DIRECCTE or another service)', async () => {
    const serviceId = await client.registerService('AST Vue scope');
    const agreement = await client.grantedAgreement(serviceId, today);
    assert.equal((await view(agreement.id, await client.direccte('76'))).statusCode, 403);
    const other = await client.token({
      roles: ['sst'],
      region: '53',
      org: '0190b4a4-0000-7000-8000-00000000000f',
    });
    assert.equal((await view(agreement.id, other)).statusCode, 403);
    assert.equal((await view(agreement.id, await client.token({ roles: ['national'] }))).statusCode, 200);
  });
});
