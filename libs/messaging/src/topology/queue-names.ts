/**
 * Names of one consuming service's queues. DO NOT change without a migration plan: messages wait in
 * these queues across deployments, and a renamed queue strands them.
 */
export interface QueueNames {
  main: string;
  parked: string;
  retry: (attempt: number) => string;
}

export function queueNamesFor(prefix: string, service: string): QueueNames {
  const main = `${prefix}.${service}`;
  return {
    main,
    parked: `${main}.parked`,
    retry: (attempt) => `${main}.retry.${attempt}`,
  };
}
