import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace of deadline ids. Do not change: ids derived before and after would differ. */
const DEADLINE_NAMESPACE = '5b0f8a52-3c1e-4d57-9f2a-8f6c2d4e1a07';

/**
 * A deterministic deadline id, for idempotent scheduling: the same kind, subject and discriminator
 * (e.g. the agrément's term number) always give the same id, so a redelivered event or a retried
 * command schedules one deadline, not two.
 */
export function deadlineIdFor(kind: string, subjectId: string, discriminator = ''): string {
  return uuidv5(JSON.stringify([kind, subjectId, discriminator]), DEADLINE_NAMESPACE);
}
