export * from './calendar-date';
export * from './calendar-range';
