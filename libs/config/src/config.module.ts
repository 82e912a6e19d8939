import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { PlatformConfig } from './platform-config.schema';

/** Injection token of the validated configuration object. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Makes the configuration, validated once in `main.ts`, injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<C extends PlatformConfig>(config: C): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }],
      exports: [PLATFORM_CONFIG],
    };
  }
}
