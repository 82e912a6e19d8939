export * from './agreement/agreement-events';
export * from './calendar-date';
export * from './catalogue';
export * from './contract/contract-events';
export * from './event-definition';
export * from './event-envelope';
export * from './organisation/organisation-events';
export * from './service-project/service-project-events';
