import { Module } from '@nestjs/common';
import { DirectoryEventsConsumer } from './application/directory-events.consumer';
import { DirectoryRepository } from './infrastructure/directory.repository';

/** The directory and agrément projections from the agreements service's events (exports their reader). */
@Module({
  controllers: [DirectoryEventsConsumer],
  providers: [DirectoryRepository],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}
