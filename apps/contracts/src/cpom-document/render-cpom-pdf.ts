import { dateInFrenchWords } from '@tripartite/calendar';
import PDFDocument from 'pdfkit';
import {
  bodyKindLabels,
  indicatorLine,
  originLabels,
  outcomeLabels,
  partyLabels,
  partyShortLabels,
  themeLabel,
} from './cpom-document-labels';
import type { CpomDocumentCommitment, CpomDocumentView, CpomParty } from './cpom-document-view';

/** The chapters of the printed CPOM, in the order of the note (seed 002, part II.4). */
export const cpomChapterTitles = [
  '1. Contexte',
  '2. Priorités partagées',
  '3. Programmes d’actions',
  '4. Suivi et évaluation',
  '5. Annexes',
  '6. Avis des instances consultées',
  '7. Signatures',
] as const;

const PARTIES: readonly CpomParty[] = ['service', 'direccte', 'caisse'];
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const MUTED = '#555555';

/**
 * Renders a CPOM as the parties print and sign it (issue 11, "The PDF"): A4, in French, in the note's
 * chapters, with a commitments table per action (SSTI, DIRECCTE, Caisse), the opinions and the content
 * hash. Pure: the same view gives the same document (its dates are fixed, none is "now"). pdfkit's
 * standard Helvetica covers French (Windows-1252: accents, œ, ’, « »); what it cannot draw is replaced
 * (`printable`).
 */
export function renderCpomPdf(view: CpomDocumentView): Promise<Buffer> {
  const fixedDate = new Date(`${view.title.periodStart}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    lang: 'fr-FR',
    info: {
      Title: printable(`Contrat pluriannuel d’objectifs et de moyens — ${view.title.serviceName}`),
      Author: printable(view.title.direccteName),
      Subject: 'CPOM',
      CreationDate: fixedDate,
      ModDate: fixedDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new CpomPdfWriter(doc);
  writer.title(view);
  writer.context(view);
  writer.priorities(view);
  writer.programmes(view);
  writer.followUp(view);
  writer.annexes(view);
  writer.opinions(view);
  writer.signatures(view);
  writer.footers(view);
  doc.end();
  return done;
}

/** What Helvetica (WinAnsi) draws: French spaces become plain no-break spaces, the rest a question mark. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(
      /[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/gu,
      '?',
    );
}

class CpomPdfWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  title(view: CpomDocumentView): void {
    const { title } = view;
    this.doc.font(BOLD).fontSize(18).fillColor(INK);
    this.text('Contrat pluriannuel d’objectifs et de moyens (CPOM)', { align: 'center' });
    this.doc.moveDown(0.5).font(FONT).fontSize(12);
    this.text(`entre ${title.serviceName}, ${title.direccteName} et ${title.caisseName}`, {
      align: 'center',
    });
    this.doc.moveDown(0.5).fontSize(10).fillColor(MUTED);
    this.text(
      `Région ${title.regionName} — du ${dateInFrenchWords(title.periodStart)} au ${dateInFrenchWords(title.periodEnd)}`,
      { align: 'center' },
    );
    this.text(`Version ${title.contentVersion} — ${title.statusLabel}`, { align: 'center' });
    this.doc.moveDown(1).fillColor(INK);
    this.label('Parties');
    for (const [party, name] of [
      ['service', title.serviceName],
      ['direccte', title.direccteName],
      ['caisse', title.caisseName],
    ] as const) {
      this.bullet(`${partyLabels[party]} : ${name}`);
    }
  }

  context(view: CpomDocumentView): void {
    const { context } = view;
    this.chapter(0);
    this.section('Diagnostic régional partagé');
    if (context.regionalDiagnosis) {
      const diagnosis = context.regionalDiagnosis;
      this.paragraph(
        `${diagnosis.title} (version ${diagnosis.version}, ${dateInFrenchWords(diagnosis.diagnosedOn)})`,
        BOLD,
      );
      this.paragraph(diagnosis.summary);
    } else {
      this.paragraph('Aucun diagnostic régional partagé n’est encore établi pour la région.', FONT, MUTED);
    }
    this.section('Références communes');
    if (context.commonReferences.length === 0) this.paragraph('Aucune.', FONT, MUTED);
    for (const reference of context.commonReferences) {
      this.bullet(reference.reference ? `${reference.title} (${reference.reference})` : reference.title);
    }
    this.section('Diagnostic local du service');
    this.paragraph(context.localDiagnosis);
  }

  priorities(view: CpomDocumentView): void {
    this.chapter(1);
    if (view.priorities.length === 0) this.paragraph('Aucune priorité.', FONT, MUTED);
    view.priorities.forEach((priority, index) => {
      const origins = priority.origins.map((origin) => originLabels[origin]).join(', ');
      this.paragraph(`Priorité ${index + 1}. ${priority.title}`, BOLD);
      this.paragraph(`Origine : ${origins || 'non précisée'}`, FONT, MUTED);
    });
  }

  programmes(view: CpomDocumentView): void {
    this.chapter(2);
    view.priorities.forEach((priority, index) => {
      const actions = view.actions.filter((action) => action.priorityId === priority.priorityId);
      this.section(`Priorité ${index + 1}. ${priority.title}`);
      if (actions.length === 0) this.paragraph('Aucune action.', FONT, MUTED);
      actions.forEach((action, actionIndex) => {
        this.paragraph(`Action ${index + 1}.${actionIndex + 1}. ${action.title}`, BOLD);
        this.paragraph(`Thème : ${themeLabel(action.theme)}`);
        this.label('Engagements des parties');
        this.partyTable(action.commitments, 'Engagements');
        this.label('Moyens mobilisés');
        this.partyTable(action.means, 'Moyens');
        this.label('Indicateurs');
        if (action.indicators.length === 0) this.paragraph('Aucun indicateur.', FONT, MUTED);
        for (const indicator of action.indicators) this.bullet(indicatorLine(indicator));
        this.label('Résultats attendus');
        this.paragraph(action.expectedResults || 'Non précisés.');
        this.doc.moveDown(0.5);
      });
    });
  }

  followUp(view: CpomDocumentView): void {
    this.chapter(3);
    this.paragraph(`Revue du contrat par les trois parties : ${view.followUp.reviewFrequency}.`);
    this.label('Instances informées');
    if (view.followUp.bodiesInformed.length === 0) this.paragraph('Aucune.', FONT, MUTED);
    for (const body of view.followUp.bodiesInformed) this.bullet(body);
  }

  annexes(view: CpomDocumentView): void {
    this.chapter(4);
    if (view.annexes.length === 0) this.paragraph('Aucune annexe.', FONT, MUTED);
    view.annexes.forEach((annex, index) => {
      this.paragraph(`Annexe ${index + 1}. ${annex.kind} : ${annex.title}`, BOLD);
      const facts = [
        annex.date ? `du ${dateInFrenchWords(annex.date)}` : null,
        annex.parties.length > 0 ? `entre ${annex.parties.join(', ')}` : null,
        annex.reference ? `référence ${annex.reference}` : null,
      ].filter((fact): fact is string => fact !== null);
      if (facts.length > 0) this.paragraph(facts.join(' ; '), FONT, MUTED);
    });
  }

  opinions(view: CpomDocumentView): void {
    this.chapter(5);
    if (view.opinions.length === 0) this.paragraph('Aucun avis recueilli à ce jour.', FONT, MUTED);
    for (const opinion of view.opinions) {
      this.paragraph(`${opinion.bodyName} (${bodyKindLabels[opinion.bodyKind]})`, BOLD);
      this.paragraph(
        `Avis ${outcomeLabels[opinion.outcome]}, rendu le ${dateInFrenchWords(opinion.deliveredOn)}.`,
      );
      if (opinion.text) this.paragraph(opinion.text);
      if (opinion.justification) {
        this.paragraph('Justification des parties signant malgré cet avis :', BOLD);
        this.paragraph(opinion.justification);
      }
    }
  }

  signatures(view: CpomDocumentView): void {
    this.chapter(6);
    const rows = PARTIES.map((party) => {
      const signature = view.signatures.find((s) => s.party === party);
      return [
        partyShortLabels[party],
        signature?.organisationName ?? '',
        signature?.signatoryName ?? 'Non signé',
        signature ? dateInFrenchWords(signature.signedOn) : '',
      ];
    });
    this.table(['Partie', 'Organisme', 'Signataire', 'Date'], rows, [70, '*', '*', 100]);
    this.doc.moveDown(1);
    this.label('Empreinte du contenu (SHA-256)');
    this.doc.font('Courier').fontSize(8.5).fillColor(INK);
    this.text(view.contentHash ?? 'Aucune : cette version n’est pas signée.');
    this.doc.font(FONT).fontSize(10);
  }

  /** Page numbers and the hash on every page, written once all pages exist. */
  footers(view: CpomDocumentView): void {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font(FONT).fontSize(7.5).fillColor(MUTED);
      const hash = view.contentHash ? ` — empreinte ${view.contentHash.slice(0, 16)}…` : '';
      this.doc.text(
        printable(
          `CPOM ${view.title.serviceName}, version ${view.title.contentVersion}${hash} — page ${index + 1} sur ${range.count}`,
        ),
        this.doc.page.margins.left,
        this.doc.page.height - 36,
        { width: this.width, align: 'center', lineBreak: false },
      );
      this.doc.page.margins.bottom = bottom;
    }
  }

  private chapter(index: number): void {
    this.doc.moveDown(1.2).font(BOLD).fontSize(14).fillColor(INK);
    this.text(cpomChapterTitles[index]);
    this.doc.moveDown(0.4).font(FONT).fontSize(10);
  }

  private section(title: string): void {
    this.doc.moveDown(0.6).font(BOLD).fontSize(11.5).fillColor(INK);
    this.text(title);
    this.doc.moveDown(0.2).font(FONT).fontSize(10);
  }

  private label(text: string): void {
    this.doc.moveDown(0.3).font(BOLD).fontSize(10).fillColor(INK);
    this.text(text);
    this.doc.font(FONT);
  }

  private paragraph(text: string, font = FONT, color = INK): void {
    this.doc.font(font).fontSize(10).fillColor(color);
    this.text(text, { align: 'left' });
    this.doc.font(FONT).fillColor(INK);
  }

  private bullet(text: string): void {
    this.doc.font(FONT).fontSize(10).fillColor(INK);
    this.text(`•  ${text}`, { indent: 8 });
  }

  /** One row per party, in the order SSTI, DIRECCTE, Caisse; a party without any is said so. */
  private partyTable(entries: readonly CpomDocumentCommitment[], heading: string): void {
    const rows = PARTIES.map((party) => {
      const texts = entries.filter((entry) => entry.party === party).map((entry) => entry.text);
      return [partyShortLabels[party], texts.length > 0 ? texts.map((t) => `•  ${t}`).join('\n') : '—'];
    });
    this.table(['Partie', heading], rows, [80, '*']);
  }

  private table(header: readonly string[], rows: readonly string[][], widths: (number | string)[]): void {
    this.doc.moveDown(0.2).fontSize(9).fillColor(INK);
    this.doc.table({
      position: { x: this.doc.page.margins.left },
      maxWidth: this.width,
      columnStyles: widths,
      defaultStyle: { border: 0.5, borderColor: '#888888', padding: [3, 4, 3, 4] },
      data: [
        header.map((text) => ({ text: printable(text), font: { family: BOLD }, backgroundColor: '#eeeeee' })),
        ...rows.map((row) => row.map((text) => printable(text))),
      ],
    });
    this.doc.x = this.doc.page.margins.left;
    this.doc.fontSize(10);
  }

  private text(text: string, options: PDFKit.Mixins.TextOptions = {}): void {
    this.doc.text(printable(text), this.doc.page.margins.left, undefined, { width: this.width, ...options });
  }
}
