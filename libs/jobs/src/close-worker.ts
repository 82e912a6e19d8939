import type { Logger } from '@nestjs/common';
import type { Worker } from 'bullmq';

/**
 * Stops a BullMQ worker taking jobs and lets the running ones finish while the database is still open,
 * for at most `graceMs`; then closes it by force: the unfinished transaction rolls back and BullMQ hands
 * the job to another replica as stalled. Call it from `beforeApplicationShutdown`.
 */
export async function closeWorkerWithin(worker: Worker, graceMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceful = worker.close();
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), graceMs);
  });
  try {
    if ((await Promise.race([graceful, expired])) === 'expired') {
      logger.warn(`Worker ${worker.name} still busy at the end of the grace period; closing it by force`);
      await worker.close(true);
    }
  } finally {
    clearTimeout(timer);
  }
}
