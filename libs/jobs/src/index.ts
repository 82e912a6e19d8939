export * from './close-worker';
