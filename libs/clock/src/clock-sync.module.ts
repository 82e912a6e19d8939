import { type DynamicModule, Module } from '@nestjs/common';
import { CLOCK_SYNC_OPTIONS, ClockSync, type ClockSyncOptions } from './clock-sync';

/**
 * Shares the adjustable clock's offset between every process through Redis (see `ClockSync`).
 * Needs `ConfigModule` and `ClockModule`. `DeadlinesModule` imports it; a service without deadlines
 * imports it itself so that it reads the same time as the others.
 */
@Module({})
export class ClockSyncModule {
  static forRoot(options: ClockSyncOptions = {}): DynamicModule {
    return {
      module: ClockSyncModule,
      providers: [ClockSync, { provide: CLOCK_SYNC_OPTIONS, useValue: options }],
      exports: [ClockSync],
    };
  }
}
