export const OUTBOX_CHANNEL = 'tripartite_outbox';
