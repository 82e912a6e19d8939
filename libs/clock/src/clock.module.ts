import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AdjustableClock } from './adjustable-clock';
import { Clock } from './clock';
import { SystemClock } from './system-clock';

/** Provides `Clock`: the system clock in production, an adjustable one elsewhere. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(options: { adjustable: boolean } | { clock: Clock }): DynamicModule {
    const clock =
      'clock' in options ? options.clock : options.adjustable ? new AdjustableClock() : new SystemClock();
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
