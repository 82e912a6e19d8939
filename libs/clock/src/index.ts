export * from './adjustable-clock';
export * from './clock';
export * from './clock.module';
export * from './system-clock';
