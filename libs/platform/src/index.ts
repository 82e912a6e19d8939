export * from './run-service';
export * from './service-platform.module';
