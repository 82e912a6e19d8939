import { Injectable } from '@nestjs/common';
import { dateInFrenchWords } from '@tripartite/calendar';
import PDFDocument from 'pdfkit';
import { type AgrementFigures, FIGURE_COLUMNS } from '../../directory/domain/agrement-figures';

/** What the PDF shows besides the figures: the region, the year, and where the information stands. */
export interface FiguresPdfSubject {
  region: string;
  year: number;
  dueOn: string;
  presentedOn: string | null;
}

/**
 * The yearly information on agrément policy as a one-page French PDF the secretariat circulates (seed 002 I.2),
 * drawn with pdfkit's standard fonts (no font file to ship). Metadata in plain ASCII, so that tools index it.
 */
@Injectable()
export class FiguresPdf {
  render(subject: FiguresPdfSubject, figures: AgrementFigures, now: Date): Promise<Buffer> {
    const document = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `Information annuelle sur la politique d'agrement - region ${subject.region} - ${subject.year}`,
        Author: 'Tripartite',
        CreationDate: now,
      },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      document.on('data', (chunk: Buffer) => chunks.push(chunk));
      document.on('end', () => resolve(Buffer.concat(chunks)));
      document.on('error', reject);
    });
    document
      .font('Helvetica-Bold')
      .fontSize(16)
      .text('Information annuelle sur la politique régionale d’agrément');
    document.moveDown(0.5);
    document
      .font('Helvetica')
      .fontSize(11)
      .text(`Région ${subject.region} — année ${subject.year}`)
      .text(
        subject.presentedOn
          ? `Présentée en séance le ${dateInFrenchWords(subject.presentedOn)}.`
          : `À présenter avant le ${dateInFrenchWords(subject.dueOn)}.`,
      );
    document.moveDown();
    // One line per figure: its French header on the left, the number right-aligned in a column.
    const left = document.page.margins.left;
    for (const column of FIGURE_COLUMNS) {
      const y = document.y;
      document.font('Helvetica').text(column.header, left, y, { width: 330 });
      document
        .font('Helvetica-Bold')
        .text(String(figures[column.field]), left + 340, y, { width: 60, align: 'right' });
      document.moveDown(0.4);
    }
    document.x = left;
    document.moveDown(2);
    document
      .font('Helvetica-Oblique')
      .fontSize(9)
      .text(
        'La formation restreinte du comité régional (ou l’instance qui lui a succédé) est « informée annuellement ' +
          'de la politique régionale menée par la DIRECCTE en matière d’agrément » (note DGT/DRP du 9 mai 2012, I.2). ' +
          'Chiffres établis à partir des décisions d’agrément enregistrées sur la plateforme.',
      );
    document.end();
    return done;
  }
}
