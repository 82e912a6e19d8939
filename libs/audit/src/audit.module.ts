import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';

/**
 * Provides `AuditTrail`. Needs the service's `PersistenceModule` (with `CreateAuditLog1764000003000` among
 * its migrations), `ClockModule` and the configuration.
 */
@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
