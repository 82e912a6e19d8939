export * from './after-commit-work';
export * from './data-source.factory';
export * from './ensure-database';
export * from './persistence.module';
