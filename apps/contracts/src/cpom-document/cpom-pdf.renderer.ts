import { Injectable } from '@nestjs/common';
import type { CpomDocumentView } from './cpom-document-view';
import { renderCpomPdf } from './render-cpom-pdf';

/** The printed CPOM behind an injectable class (what `GET /cpoms/{id}/document` calls): see `renderCpomPdf`. */
@Injectable()
export class CpomPdfRenderer {
  render(view: CpomDocumentView): Promise<Buffer> {
    return renderCpomPdf(view);
  }
}
