import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { PartnershipProtocolController } from './api/partnership-protocol.controller';
import { ConcludePartnershipProtocolHandler } from './application/conclude-partnership-protocol.handler';
import { EndPartnershipProtocolHandler } from './application/end-partnership-protocol.handler';
import { OpenPartnershipProtocolHandler } from './application/open-partnership-protocol.handler';
import { PartnershipProtocolReader } from './application/partnership-protocol.reader';
import { PartnershipProtocolChanges } from './application/partnership-protocol-changes';
import { PartnershipProtocolStep } from './application/partnership-protocol-step';
import { ProtocolAccess } from './application/protocol-access';
import { ProtocolDirectory } from './application/protocol-directory';
import { RecordProtocolProgressHandler } from './application/record-protocol-progress.handler';
import { PartnershipProtocolRepository } from './infrastructure/partnership-protocol.repository';

/**
 * Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6), on the directory learnt from events.
 * Exports `PartnershipProtocolReader` (a service's concluded protocols) for the CPOM's annexes.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [PartnershipProtocolController],
  providers: [
    // One handler per command.
    OpenPartnershipProtocolHandler,
    ConcludePartnershipProtocolHandler,
    RecordProtocolProgressHandler,
    EndPartnershipProtocolHandler,
    // The steps they share.
    PartnershipProtocolStep,
    PartnershipProtocolChanges,
    ProtocolAccess,
    ProtocolDirectory,
    PartnershipProtocolRepository,
    PartnershipProtocolReader,
  ],
  exports: [PartnershipProtocolReader],
})
export class PartnershipProtocolModule {}
