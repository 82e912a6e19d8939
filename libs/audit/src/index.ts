export * from './audit.module';
export * from './audit-entry';
export * from './audit-history-endpoint.decorator';
export * from './audit-log.orm-entity';
export * from './audit-trail';
export * from './migrations/1764000003000-create-audit-log';
