export * from './expect-eventually';
export * from './private-redis';
export * from './tcp-proxy';
export * from './test-database';
export * from './test-environment';
export * from './test-tokens';
