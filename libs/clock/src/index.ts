export * from './adjustable-clock';
export * from './clock';
export * from './clock.module';
export * from './clock-sync';
export * from './clock-sync.module';
export * from './system-clock';
