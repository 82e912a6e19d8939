export * from './catalogue';
export * from './event-definition';
export * from './event-envelope';
export * from './organisation/organisation-events';
