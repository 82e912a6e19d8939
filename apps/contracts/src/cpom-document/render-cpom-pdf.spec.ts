import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdfText } from '@tripartite/testing';
import type { CpomDocumentView } from './cpom-document-view';
import { cpomChapterTitles, printable, renderCpomPdf } from './render-cpom-pdf';

const HASH = 'a3f1c2e4b5d6978812345678909abcdef0123456789abcdef0123456789abcde';
const PRIORITY = '0194b7a0-0000-7000-8000-000000000001';
const OTHER_PRIORITY = '0194b7a0-0000-7000-8000-000000000002';

/** A full CPOM of Bretagne, signed, with a reserved opinion signed over with a justification. */
function sampleView(): CpomDocumentView {
  return {
    title: {
      serviceName: 'AST 35 — Santé au travail d’Ille-et-Vilaine',
      direccteName: 'DREETS Bretagne',
      caisseName: 'CARSAT Bretagne',
      regionName: 'Bretagne',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      contentVersion: 1,
      statusLabel: 'Signé',
    },
    context: {
      regionalDiagnosis: {
        title: 'Diagnostic régional partagé santé au travail 2026',
        version: 2,
        diagnosedOn: '2025-10-15',
        summary: 'Forte sinistralité dans l’agroalimentaire et le BTP ; vieillissement des salariés.',
      },
      commonReferences: [
        { title: 'Plan régional santé au travail (PRST 4)', reference: 'PRST 2022-2025' },
        { title: 'COG AT-MP régionale', reference: null },
      ],
      localDiagnosis: 'Quatre mille entreprises adhérentes, dont 60 % de moins de dix salariés.',
    },
    priorities: [
      {
        priorityId: PRIORITY,
        title: 'Prévenir les troubles musculo-squelettiques',
        origins: ['prst', 'cog_atmp'],
      },
      { priorityId: OTHER_PRIORITY, title: 'Maintien dans l’emploi', origins: ['service_project'] },
    ],
    actions: [
      {
        priorityId: PRIORITY,
        title: 'Accompagner les abattoirs de volaille',
        theme: 'tms',
        commitments: [
          { party: 'service', text: 'Visiter chaque abattoir adhérent une fois par an' },
          { party: 'direccte', text: 'Cibler les contrôles de l’inspection sur la manutention' },
          { party: 'caisse', text: 'Financer les aides « TMS Pros » des entreprises volontaires' },
        ],
        means: [
          { party: 'service', text: 'Deux ergonomes à mi-temps' },
          { party: 'caisse', text: 'Contrôleurs de sécurité' },
        ],
        indicators: [
          {
            name: 'Abattoirs accompagnés',
            kind: 'quantitative',
            purpose: 'result',
            unit: 'entreprises',
            baseline: 4,
            target: 12,
            direction: 'increase',
            frequency: 'yearly',
          },
          {
            name: 'Qualité du partenariat',
            kind: 'qualitative',
            purpose: 'follow_up',
            unit: null,
            baseline: null,
            target: null,
            direction: null,
            frequency: 'half_yearly',
          },
        ],
        expectedResults: 'Baisse des arrêts pour TMS dans la filière.',
      },
      {
        priorityId: OTHER_PRIORITY,
        title: 'Cellule de prévention de la désinsertion professionnelle',
        theme: 'desinsertion',
        commitments: [
          { party: 'service', text: 'Animer la cellule PDP' },
          { party: 'direccte', text: 'Relayer auprès des entreprises' },
          { party: 'caisse', text: 'Signaler les arrêts longs au service' },
        ],
        means: [],
        indicators: [],
        expectedResults: 'Visites de pré-reprise plus précoces.',
      },
    ],
    followUp: {
      reviewFrequency: 'annuelle',
      bodiesInformed: ['Commission médico-technique', 'Conseil d’administration'],
    },
    annexes: [
      {
        kind: 'Protocole de partenariat Caisse/SSTI',
        title: 'Traçabilité des expositions',
        date: '2025-06-01',
        parties: ['CARSAT Bretagne', 'AST 35'],
        reference: 'PP-2025-07',
      },
    ],
    opinions: [
      {
        bodyKind: 'CRPRP_RESTRICTED',
        bodyName: 'CROCT Bretagne',
        deliveredOn: '2025-11-20',
        outcome: 'reserved',
        text: 'Réserve sur la couverture des très petites entreprises.',
        justification: 'Les parties ajouteront un indicateur TPE à la première revue annuelle.',
      },
      {
        bodyKind: 'ARS',
        bodyName: 'ARS Bretagne',
        deliveredOn: '2025-11-25',
        outcome: 'favourable',
        text: 'Avis favorable.',
        justification: null,
      },
    ],
    signatures: [
      {
        party: 'service',
        organisationName: 'AST 35',
        signatoryName: 'Marie Le Goff',
        signedOn: '2025-12-10',
      },
      {
        party: 'direccte',
        organisationName: 'DREETS Bretagne',
        signatoryName: 'Yann Kerouédan',
        signedOn: '2025-12-12',
      },
      {
        party: 'caisse',
        organisationName: 'CARSAT Bretagne',
        signatoryName: 'Anne Morvan',
        signedOn: '2025-12-15',
      },
    ],
    contentHash: HASH,
  };
}

describe('the printed CPOM (issue 11, "The PDF"; chapters of seed 002, part II.4)', () => {
  it('renders a PDF whose text shows every chapter heading, in the note’s order', async () => {
    const pdf = await renderCpomPdf(sampleView());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(pdf);
    let from = 0;
    for (const heading of cpomChapterTitles) {
      const at = text.indexOf(heading, from);
      assert.ok(at >= 0, `chapter "${heading}" missing after position ${from}`);
      from = at + heading.length;
    }
  });

  it('shows the title: service, DIRECCTE, Caisse, region, period and version', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(text, /Contrat pluriannuel d’objectifs et de moyens \(CPOM\)/);
    assert.match(
      text,
      /entre AST 35 — Santé au travail d’Ille-et-Vilaine, DREETS Bretagne et CARSAT Bretagne/,
    );
    assert.match(text, /Région Bretagne — du 1er janvier 2026 au 31 décembre 2030/);
    assert.match(text, /Version 1 — Signé/);
  });

  it('shows the context: regional diagnosis, common references and local diagnosis (seed 002 II.4)', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(text, /Diagnostic régional partagé santé au travail 2026 \(version 2, 15 octobre 2025\)/);
    assert.match(text, /Forte sinistralité dans l’agroalimentaire et le BTP/);
    assert.match(text, /Plan régional santé au travail \(PRST 4\) \(PRST 2022-2025\)/);
    assert.match(text, /COG AT-MP régionale/);
    assert.match(text, /dont 60 % de moins de dix salariés/);
  });

  it('shows each priority with its origins, and each action with its theme label', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(text, /Priorité 1\. Prévenir les troubles musculo-squelettiques/);
    assert.match(text, /Origine : plan régional santé au travail \(PRST\), COG AT-MP régionale/);
    assert.match(text, /Origine : projet pluriannuel de service/);
    assert.match(text, /Action 1\.1\. Accompagner les abattoirs de volaille/);
    assert.match(text, /Thème : Troubles musculo-squelettiques \(TMS\)/);
    assert.match(text, /Action 2\.1\. Cellule de prévention de la désinsertion professionnelle/);
    assert.match(text, /Thème : Prévention de la désinsertion professionnelle/);
  });

  it('shows each of the three parties’ commitments in the action’s table, after its party (seed 002 II.4)', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    for (const [party, commitment] of [
      ['SSTI', 'Visiter chaque abattoir adhérent une fois par an'],
      ['DIRECCTE', 'Cibler les contrôles de l’inspection sur la manutention'],
      ['Caisse', 'Financer les aides « TMS Pros » des entreprises volontaires'],
      ['SSTI', 'Animer la cellule PDP'],
      ['DIRECCTE', 'Relayer auprès des entreprises'],
      ['Caisse', 'Signaler les arrêts longs au service'],
    ]) {
      const at = text.indexOf(commitment);
      assert.ok(at >= 0, `commitment "${commitment}" missing`);
      const before = text.slice(Math.max(0, at - 40), at);
      assert.ok(before.includes(party), `"${commitment}" not in ${party}'s row: …${before}`);
    }
    assert.match(text, /Deux ergonomes à mi-temps/);
    assert.match(text, /Contrôleurs de sécurité/);
  });

  it('shows the indicators (quantitative with unit, baseline, target, direction; qualitative) and results', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(
      text,
      /Abattoirs accompagnés : indicateur de résultat, quantitatif ; cible 12 entreprises \(référence 4 entreprises\), à la hausse ; fréquence annuelle/,
    );
    assert.match(text, /Qualité du partenariat : indicateur de suivi, qualitatif ; fréquence semestrielle/);
    assert.match(text, /Baisse des arrêts pour TMS dans la filière\./);
  });

  it('shows the follow-up, the annexes, the opinions with the justification, and the signatures', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(text, /Revue du contrat par les trois parties : annuelle\./);
    assert.match(text, /Commission médico-technique/);
    assert.match(text, /Conseil d’administration/);
    assert.match(text, /Annexe 1\. Protocole de partenariat Caisse\/SSTI : Traçabilité des expositions/);
    assert.match(text, /du 1er juin 2025 ; entre CARSAT Bretagne, AST 35 ; référence PP-2025-07/);
    assert.match(text, /CROCT Bretagne \(CRPRP, formation restreinte\)/);
    assert.match(text, /Avis favorable avec réserves, rendu le 20 novembre 2025\./);
    assert.match(text, /Les parties ajouteront un indicateur TPE à la première revue annuelle\./);
    assert.match(text, /Avis favorable, rendu le 25 novembre 2025\./);
    assert.match(text, /Marie Le Goff/);
    assert.match(text, /Yann Kerouédan/);
    assert.match(text, /Anne Morvan/);
    assert.match(text, /15 décembre 2025/);
  });

  it('prints the SHA-256 content hash whole (tamper evidence, issue 11)', async () => {
    const text = await pdfText(await renderCpomPdf(sampleView()));
    assert.match(text, /Empreinte du contenu \(SHA-256\)/);
    assert.ok(text.includes(HASH), 'the whole hash is printed');
  });

  it('says a version without signature has no hash yet, and names the unsigned parties', async () => {
    const view = { ...sampleView(), signatures: [], contentHash: null };
    const text = await pdfText(await renderCpomPdf(view));
    assert.match(text, /Aucune : cette version n’est pas signée\./);
    assert.match(text, /Non signé/);
  });

  it('gives the same bytes for the same view (no "now" in the document)', async () => {
    const [a, b] = await Promise.all([renderCpomPdf(sampleView()), renderCpomPdf(sampleView())]);
    assert.ok(a.equals(b));
  });

  it('keeps what Helvetica draws (accents, œ, ’, « ») and replaces what it cannot', () => {
    assert.equal(printable('Œuvre « sœur » d’été'), 'Œuvre « sœur » d’été');
    assert.equal(printable('10\u202f%'), '10\u00a0%');
    assert.equal(printable('≥ 3 ✓'), '? 3 ?');
  });
});
