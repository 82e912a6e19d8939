import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { DynamicModule } from '@nestjs/common';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { cleanupIsolatedEnvironment, createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import type { z } from 'zod';
import { agreementsConfigSchema } from '../apps/agreements/src/agreements.config';
import { AgreementsModule } from '../apps/agreements/src/agreements.module';
import { consultationsConfigSchema } from '../apps/consultations/src/consultations.config';
import { ConsultationsModule } from '../apps/consultations/src/consultations.module';
import { contractsConfigSchema } from '../apps/contracts/src/contracts.config';
import { ContractsModule } from '../apps/contracts/src/contracts.module';
import { mergeOpenApiDocuments, type OpenApiDocument } from '../apps/gateway/src/openapi/openapi-merger';
import { RouteMatcher } from '../apps/gateway/src/routing/route-matcher';
import { ROUTE_TABLE, type ServiceName } from '../apps/gateway/src/routing/route-table';
import { indicatorsConfigSchema } from '../apps/indicators/src/indicators.config';
import { IndicatorsModule } from '../apps/indicators/src/indicators.module';
import { notificationsConfigSchema } from '../apps/notifications/src/notifications.config';
import { NotificationsModule } from '../apps/notifications/src/notifications.module';

/** A service as its main.ts builds it, from the environment: its configuration and its root module. */
type ServiceBuild = (env: Record<string, string>) => { config: PlatformConfig; module: DynamicModule };

function build<S extends z.ZodType<PlatformConfig>>(
  schema: S,
  module: (config: z.infer<S>) => DynamicModule,
): ServiceBuild {
  return (env) => {
    const config = loadConfig(schema, env);
    return { config, module: module(config) };
  };
}

const SERVICES: Record<ServiceName, ServiceBuild> = {
  agreements: build(agreementsConfigSchema, (c) => AgreementsModule.forRoot(c)),
  contracts: build(contractsConfigSchema, (c) => ContractsModule.forRoot(c)),
  consultations: build(consultationsConfigSchema, (c) => ConsultationsModule.forRoot(c)),
  notifications: build(notificationsConfigSchema, (c) => NotificationsModule.forRoot(c)),
  indicators: build(indicatorsConfigSchema, (c) => IndicatorsModule.forRoot(c)),
};

/**
 * The operations of the public API, by id. A generated client names its methods after these: changing
 * one breaks every client, so it is a decision made here, in the open, never a side effect of a rename.
 */
const PARKED_MESSAGES = ['Agreements', 'Contracts', 'Consultations', 'Notifications', 'Indicators'].flatMap(
  (service) => [`list${service}ParkedMessages`, `replay${service}ParkedMessages`],
);
const OPERATION_IDS = [
  ...PARKED_MESSAGES,
  // Consultations (issue 12).
  'addBodyMember',
  'createConsultationPlan',
  'createConsultedBody',
  'deliverConsultationOpinion',
  'getAgrementPolicyFiguresCsv',
  'getAgrementPolicyFiguresPdf',
  'getAgrementPolicyReport',
  'getBodyMember',
  'getConsultation',
  'getConsultationHistory',
  'getConsultationPlan',
  'getConsultedBody',
  'listAgrementPolicyReports',
  'listBodyMembers',
  'listConsultationPlans',
  'listConsultations',
  'listConsultedBodies',
  'planAgrementPolicyReport',
  'presentAgrementPolicyReport',
  'scheduleConsultationSession',
  'updateBodyMember',
  'adoptServiceProject',
  'advancePlatformClock',
  'approveServiceProject',
  'decideAgreement',
  'draftServiceProject',
  'fileAgreementApplication',
  'getAgreement',
  'getAgreementHistory',
  'getAgreementRenewalView',
  'getNotification',
  'getOrganisation',
  'getOrganisationHistory',
  'getPlatformClock',
  'getServiceProject',
  'getServiceProjectHistory',
  'issueComplianceNotice',
  'listAgreementDeadlines',
  'listAgreements',
  'listNotificationTemplates',
  'listNotifications',
  'listOrganisations',
  'listServiceProjects',
  'previewNotificationTemplate',
  'recordComplianceMet',
  'recordExistingAgreement',
  'recordInspectorOpinion',
  'recordMembersInformed',
  'registerOrganisation',
  'retryNotification',
  'reviseServiceProject',
  'shortenAgreement',
  'updateOrganisation',
  'withdrawAgreement',
  'withdrawServiceProject',
  // Indicators (issue 13).
  'correctIndicatorValue',
  'getIndicatorValue',
  'getNationalDashboard',
  'getNationalDashboardHistory',
  'getRegionalDashboard',
  'getRegionalDashboardHistory',
  'listCpomIndicators',
  'rebuildIndicatorProjections',
  'reportIndicatorValue',
  // Regional diagnoses (issue 11).
  'getRegionalDiagnosis',
  'getRegionalDiagnosisHistory',
  'getRegionalDiagnosisVersion',
  'listRegionalDiagnoses',
  'recordRegionalDiagnosis',
  'reviseRegionalDiagnosis',
  // Caisse/SSTI partnership protocols (issue 11).
  'concludePartnershipProtocol',
  'endPartnershipProtocol',
  'getPartnershipProtocol',
  'getPartnershipProtocolHistory',
  'listPartnershipProtocols',
  'openPartnershipProtocolNegotiation',
  'recordPartnershipProtocolProgress',
  // CPOMs (issue 11).
  'diffCpomVersions',
  'draftCpom',
  'draftCpomAmendment',
  'evaluateCpom',
  'getCpom',
  'getCpomDocument',
  'getCpomHistory',
  'getCpomVersion',
  'listCpomVersions',
  'listCpoms',
  'recordCpomReview',
  'recordExistingCpom',
  'reviseCpomDraft',
  'signCpom',
  'signCpomAmendment',
  'submitCpom',
  'withdrawCpomSubmission',
];

/** Rules of Redocly's `recommended` set turned off, each for a reason written in ADR 0014. */
const RULES_OFF = { 'info-license-strict': 'off' } as const;

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses?: Record<string, unknown>;
}

/** A service's own document, from the service built as production builds it, on its own database. */
async function documentOf(service: ServiceName): Promise<OpenApiDocument> {
  const database = await createTestDatabase(`openapi_${service}`);
  const env = { ...isolatedEnvironment(`openapi_${service}`, database.name), SMTP_HOST: '127.0.0.1' };
  try {
    const { config, module } = SERVICES[service](env);
    const app = await createServiceApp({ module, config, openApi: { title: service, description: service } });
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      assert.equal(response.statusCode, 200);
      return response.json() as OpenApiDocument;
    } finally {
      await app.close();
    }
  } finally {
    await cleanupIsolatedEnvironment(env);
    await database.drop();
  }
}

function operationsOf(document: OpenApiDocument): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation: operation as Operation })),
  );
}

// Issue 9: the merged document is for API consumers; a third-party linter checks it with its recommended rules.
describe('the public OpenAPI document, merged as the gateway merges it', () => {
  let merged: OpenApiDocument;

  before(async () => {
    const included = [];
    for (const service of Object.keys(SERVICES) as ServiceName[]) {
      included.push({ service, document: await documentOf(service) });
    }
    const matcher = new RouteMatcher(ROUTE_TABLE);
    merged = mergeOpenApiDocuments({
      included,
      omitted: [],
      routes: (service, path) => matcher.match(path)?.service === service,
      version: '0.1.0',
    });
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const { createConfig, lintFromString } = await import('@redocly/openapi-core');
    const config = await createConfig({ extends: ['recommended'], rules: RULES_OFF });
    const problems = await lintFromString({
      source: JSON.stringify(merged),
      absoluteRef: '/openapi.json',
      config,
    });
    assert.deepEqual(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`),
      [],
    );
  });

  it('names every operation for its action, once, with a summary: the ids clients are generated from', () => {
    const operations = operationsOf(merged);
    const ids = operations.map(({ operation }) => operation.operationId ?? '');
    assert.deepEqual([...ids].sort(), [...OPERATION_IDS].sort());
    for (const { method, path, operation } of operations) {
      assert.ok(operation.summary && operation.summary.length > 10, `${method} ${path} has a summary`);
    }
  });

  it('documents If-Match (required), 412 and 428 on every change to an existing resource (ADR 0005 §7)', () => {
    // Reporting an indicator's value creates it (no version to name); its correction (PUT) is a change.
    const changes = operationsOf(merged).filter(
      ({ method, path }) =>
        ['post', 'patch', 'put'].includes(method) &&
        path.includes('{') &&
        !path.includes('/admin/') &&
        !path.endsWith('/measurements'),
    );
    assert.equal(
      changes.length,
      30,
      'seven agrément commands, four project steps, an organisation, a retry, an indicator value’s correction, a regional diagnosis version, three protocol steps, seven CPOM commands; a member added and changed, a session, an opinion, a presentation',
    );
    for (const { method, path, operation } of changes) {
      const ifMatch = operation.parameters?.find((p) => p.name === 'If-Match' && p.in === 'header');
      assert.equal(ifMatch?.required, true, `${method} ${path} requires If-Match`);
      for (const status of ['400', '401', '403', '404', '412', '428']) {
        assert.ok(operation.responses?.[status], `${method} ${path} documents ${status}`);
      }
    }
  });

  it('documents every problem answer as application/problem+json, and the gateway’s own 429', () => {
    for (const { method, path, operation } of operationsOf(merged)) {
      const statuses = Object.keys(operation.responses ?? {});
      assert.ok(statuses.includes('401'), `${method} ${path} documents 401`);
      assert.ok(statuses.includes('429'), `${method} ${path} documents 429`);
      for (const status of statuses.filter((s) => s.startsWith('4') && s !== '429')) {
        const answer = operation.responses?.[status] as { content?: Record<string, unknown> };
        assert.deepEqual(
          Object.keys(answer.content ?? {}),
          ['application/problem+json'],
          `${method} ${path} ${status}`,
        );
      }
    }
  });
});
