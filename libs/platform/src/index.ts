export * from './change-recorder';
export * from './run-service';
export * from './service-persistence';
export * from './service-platform.module';
