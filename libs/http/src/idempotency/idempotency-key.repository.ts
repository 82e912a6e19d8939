import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Which request a key belongs to: keys are per caller, so two callers never see each other's answers. */
export interface IdempotencyScope {
  subject: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** What the first attempt at a key found: run the request, replay the first answer, refuse, or wait. */
export type IdempotencyClaim =
  | { outcome: 'execute' }
  | { outcome: 'replay'; answer: StoredAnswer }
  | { outcome: 'reused' }
  | { outcome: 'pending' };

export interface IdempotencyTimings {
  ttlSeconds: number;
  /** How long a pending key stays with the process that claimed it before another may take it over. */
  leaseSeconds: number;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * `idempotency_keys` in the service's own database. Insert-first: the INSERT that wins the primary key runs
 * the request; every concurrent repeat finds the row pending and waits for the answer, so a command never
 * runs twice for one key, whichever replica receives the repeat.
 */
@Injectable()
export class IdempotencyKeyRepository implements OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyKeyRepository');
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(@Optional() @Inject(DataSource) private readonly dataSource?: DataSource) {}

  async claim(scope: IdempotencyScope, timings: IdempotencyTimings): Promise<IdempotencyClaim> {
    const db = this.database();
    this.startPurging();
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted: unknown[] = await db.query(
        `INSERT INTO idempotency_keys (subject, key, method, path, request_hash, state, locked_until, expires_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', now() + make_interval(secs => $6), now() + make_interval(secs => $7))
         ON CONFLICT (subject, key) DO NOTHING RETURNING key`,
        [
          scope.subject,
          scope.key,
          scope.method,
          scope.path,
          scope.requestHash,
          timings.leaseSeconds,
          timings.ttlSeconds,
        ],
      );
      if (inserted.length === 1) return { outcome: 'execute' };

      const [row] = (await db.query(
        `SELECT request_hash, state, response_status, response_body, response_headers,
                expires_at <= now() AS expired, locked_until <= now() AS lease_over
           FROM idempotency_keys WHERE subject = $1 AND key = $2`,
        [scope.subject, scope.key],
      )) as {
        request_hash: string;
        state: 'pending' | 'completed';
        response_status: number | null;
        response_body: unknown;
        response_headers: Record<string, string>;
        expired: boolean;
        lease_over: boolean;
      }[];
      if (!row) continue; // released or purged meanwhile: try to claim it again
      if (row.expired) {
        await db.query(
          'DELETE FROM idempotency_keys WHERE subject = $1 AND key = $2 AND expires_at <= now()',
          [scope.subject, scope.key],
        );
        continue;
      }
      if (row.request_hash !== scope.requestHash) return { outcome: 'reused' };
      if (row.state === 'completed') {
        return {
          outcome: 'replay',
          answer: {
            status: row.response_status ?? 200,
            body: row.response_body ?? undefined,
            headers: row.response_headers,
          },
        };
      }
      if (!row.lease_over) return { outcome: 'pending' };
      // The process that claimed the key died before answering (its transaction rolled back): take over.
      const taken: unknown[] = await db.query(
        // (A CTE, so that the driver answers rows rather than an UPDATE's [rows, count].)
        `WITH taken AS (
           UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3)
            WHERE subject = $1 AND key = $2 AND state = 'pending' AND locked_until <= now() RETURNING key
         ) SELECT key FROM taken`,
        [scope.subject, scope.key, timings.leaseSeconds],
      );
      return taken.length === 1 ? { outcome: 'execute' } : { outcome: 'pending' };
    }
    return { outcome: 'pending' };
  }

  async complete(scope: IdempotencyScope, answer: StoredAnswer): Promise<void> {
    await this.database().query(
      `UPDATE idempotency_keys
          SET state = 'completed', response_status = $3, response_body = $4::json, response_headers = $5,
              locked_until = now()
        WHERE subject = $1 AND key = $2`,
      [
        scope.subject,
        scope.key,
        answer.status,
        answer.body === undefined ? null : JSON.stringify(answer.body),
        JSON.stringify(answer.headers),
      ],
    );
  }

  /** The request failed: nothing was done, so the key is freed and a retry runs the request again. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.database().query(
      "DELETE FROM idempotency_keys WHERE subject = $1 AND key = $2 AND state = 'pending'",
      [scope.subject, scope.key],
    );
  }

  async purgeExpired(): Promise<number> {
    const [row] = (await this.database().query(
      'WITH purged AS (DELETE FROM idempotency_keys WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM purged',
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  onModuleDestroy(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  private database(): DataSource {
    if (!this.dataSource) {
      throw new Error(
        'Idempotency-Key needs the service database (PersistenceModule with CreateIdempotencyKeys)',
      );
    }
    return this.dataSource;
  }

  /** Started on first use only, so services that never see a key do not touch the table. */
  private startPurging(): void {
    if (this.purgeTimer) return;
    this.purgeTimer = setInterval(() => {
      this.purgeExpired().catch((error: Error) =>
        this.logger.warn(`Purge of expired keys failed: ${error.message}`),
      );
    }, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }
}
