export * from './expect-eventually';
export * from './free-port';
export * from './private-redis';
export * from './smtp-catcher';
export * from './tcp-proxy';
export * from './test-database';
export * from './test-environment';
export * from './test-tokens';
