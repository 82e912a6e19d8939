export const DEADLINES_OPTIONS = Symbol('DEADLINES_OPTIONS');

export interface DeadlinesModuleOptions {
  /** Run the BullMQ worker that fires due timers in this process (default true). */
  worker?: boolean;
  /** Run the reconciler at boot, every `DEADLINE_RECONCILE_MS` and when the clock moves (default true). */
  reconciler?: boolean;
  /** Timers one process fires at the same time (default 5). */
  concurrency?: number;
  /**
   * Serve `GET /api/v1/admin/clock` and `POST /api/v1/admin/clock/advance` from this service
   * (default false: the offset is shared, so one service serving them is enough).
   */
  clockAdminApi?: boolean;
}

/** One BullMQ queue per service, under the `REDIS_PREFIX` key prefix. Do not rename: jobs would be orphaned. */
export function deadlineQueueName(serviceName: string): string {
  return `${serviceName}-deadlines`;
}
