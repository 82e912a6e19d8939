import { Module } from '@nestjs/common';
import { CpomPdfRenderer } from './cpom-pdf.renderer';

/** The printed CPOM (issue 11, "The PDF"): a renderer from a plain view; the CPOM slice serves it. */
@Module({
  providers: [CpomPdfRenderer],
  exports: [CpomPdfRenderer],
})
export class CpomDocumentModule {}
