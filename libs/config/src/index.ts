export * from './config.module';
export * from './config-error';
export * from './duration-vars';
export * from './load-config';
export * from './platform-config.schema';
