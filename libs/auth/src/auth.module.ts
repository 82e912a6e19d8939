import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { AuthGuard } from './auth.guard';
import { ScopeEnforcer } from './scope-enforcer';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  /** A verifier built elsewhere (tests); by default one is built from the platform configuration. */
  verifier?: TokenVerifier;
}

/** Builds the verifier from the validated configuration; refuses the development key in production. */
export function tokenVerifierFromConfig(config: PlatformConfig): TokenVerifier {
  return TokenVerifier.create({
    nodeEnv: config.NODE_ENV,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwksUrl: config.AUTH_JWKS_URL,
    developmentSecret: config.AUTH_DEV_SECRET,
  });
}

/**
 * Every route requires a valid bearer token unless `@Public()`; `@Roles()` and `@RequireScope()` are
 * enforced by the same global guard. Needs `ConfigModule.forRoot(config)` unless given a verifier.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    const verifierProvider = options.verifier
      ? { provide: TokenVerifier, useValue: options.verifier }
      : {
          provide: TokenVerifier,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) => {
            const verifier = tokenVerifierFromConfig(config);
            new Logger(AuthModule.name).log(`bearer tokens verified with the ${verifier.keySource} key`);
            return verifier;
          },
        };
    return {
      module: AuthModule,
      providers: [verifierProvider, ScopeEnforcer, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [TokenVerifier, ScopeEnforcer],
    };
  }
}
