import { Injectable } from '@nestjs/common';
import { REGION_NAMES } from '@tripartite/events';
import type { CpomDocumentView } from '../../cpom-document/cpom-document-view';
import { CpomPdfRenderer } from '../../cpom-document/cpom-pdf.renderer';
import { ServiceDirectory } from '../../directory/application/service-directory';
import { RegionalDiagnosisReader } from '../../regional-diagnosis/application/regional-diagnosis.reader';
import type { Cpom } from '../domain/cpom';
import type { AnnexKind, CpomContent, CpomStatus } from '../domain/cpom.types';
import { caisseMeans, direccteMeans } from '../domain/cpom-means';

const STATUS_LABELS: Record<CpomStatus, string> = {
  DRAFT: 'Projet',
  IN_CONSULTATION: 'En consultation',
  READY_TO_SIGN: 'Prêt à signer',
  SIGNED: 'Signé',
  EXPIRED: 'Arrivé à son terme',
  EVALUATED: 'Évalué',
};

const ANNEX_LABELS: Record<AnnexKind, string> = {
  l422_6_convention: 'Convention L.422-6 du code de la sécurité sociale',
  oppbtp_convention: 'Convention quadripartite OPPBTP',
  partnership_protocol: 'Protocole de partenariat Caisse/SSTI',
  other: 'Autre document',
};

const MEAN_LABELS = new Map<string, string>([...direccteMeans, ...caisseMeans].map((m) => [m.code, m.label]));

/**
 * The printed CPOM (`GET /cpoms/{id}/document`): a content version of the contract (the signed one in force,
 * or the working text before signature) mapped onto the renderer's plain view, with its regional diagnosis,
 * its opinions, its signatures and, once signed, its SHA-256.
 */
@Injectable()
export class CpomDocumentQuery {
  constructor(
    private readonly directory: ServiceDirectory,
    private readonly diagnoses: RegionalDiagnosisReader,
    private readonly renderer: CpomPdfRenderer,
  ) {}

  async render(cpom: Cpom): Promise<Buffer> {
    return this.renderer.render(await this.viewOf(cpom));
  }

  async viewOf(cpom: Cpom): Promise<CpomDocumentView> {
    const s = cpom.state;
    const signed = cpom.currentSignedVersion;
    const content: CpomContent = signed?.content ?? s.content;
    const contentVersion = signed?.number ?? s.contentVersion;
    const organisations = await this.directory.organisations([
      s.parties.serviceId,
      s.parties.direccteId,
      s.parties.caisseId,
    ]);
    const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
    const region = s.parties.regions[0] ?? '';
    const diagnosis = content.context.regionalDiagnosisId ? await this.diagnoses.latestOf(region) : null;
    const justification = s.signatures.find((signature) => signature.justification)?.justification ?? null;
    const organisationOf = {
      service: s.parties.serviceId,
      direccte: s.parties.direccteId,
      caisse: s.parties.caisseId,
    };
    return {
      title: {
        serviceName: nameOf(s.parties.serviceId),
        direccteName: nameOf(s.parties.direccteId),
        caisseName: nameOf(s.parties.caisseId),
        regionName: REGION_NAMES[region] ?? `Région ${region}`,
        periodStart: content.periodStart,
        periodEnd: content.periodEnd,
        contentVersion,
        statusLabel: STATUS_LABELS[s.status],
      },
      context: {
        regionalDiagnosis:
          diagnosis && diagnosis.diagnosisId === content.context.regionalDiagnosisId
            ? {
                title: diagnosis.title,
                version: diagnosis.number,
                diagnosedOn: diagnosis.diagnosedOn,
                summary: diagnosis.summary,
              }
            : null,
        commonReferences: [
          ...(content.context.commonReferences.prst
            ? [
                {
                  title: 'Plan régional santé au travail (PRST)',
                  reference: content.context.commonReferences.prst,
                },
              ]
            : []),
          ...(content.context.commonReferences.cogAtmp
            ? [{ title: 'COG AT-MP régionale', reference: content.context.commonReferences.cogAtmp }]
            : []),
        ],
        localDiagnosis: content.context.localDiagnosis,
      },
      priorities: content.priorities.map(({ priorityId, title, origins }) => ({
        priorityId,
        title,
        origins,
      })),
      actions: content.actions.map((action) => ({
        priorityId: action.priorityId,
        title: action.title,
        theme: action.theme,
        commitments: (['service', 'direccte', 'caisse'] as const).map((party) => ({
          party,
          text: action.commitments[party],
        })),
        means: action.means.map((mean) => ({
          party: mean.party,
          text: [mean.code ? (MEAN_LABELS.get(mean.code) ?? mean.code) : null, mean.text]
            .filter(Boolean)
            .join(' — '),
        })),
        indicators: action.indicators.map(({ indicatorId: _, ...indicator }) => indicator),
        expectedResults: action.expectedResults,
      })),
      followUp: {
        reviewFrequency: content.followUp.reviewFrequency === 'half_yearly' ? 'semestrielle' : 'annuelle',
        bodiesInformed: content.followUp.bodiesInformed.map((body) =>
          body === 'cmt' ? 'Commission médico-technique (CMT)' : 'Conseil d’administration',
        ),
      },
      annexes: content.annexes.map((annex) => ({ ...annex, kind: ANNEX_LABELS[annex.kind] })),
      opinions: cpom.opinionsOn(contentVersion).map((opinion) => ({
        bodyKind: opinion.bodyKind as CpomDocumentView['opinions'][number]['bodyKind'],
        bodyName: opinion.bodyName,
        deliveredOn: opinion.deliveredOn,
        outcome: opinion.outcome,
        text: opinion.text,
        justification: opinion.outcome === 'favourable' ? null : justification,
      })),
      signatures: s.signatures.map((signature) => ({
        party: signature.party,
        organisationName: nameOf(organisationOf[signature.party]),
        signatoryName: signature.signatory,
        signedOn: signature.signedOn,
      })),
      contentHash: signed?.contentHash ?? null,
    };
  }
}
