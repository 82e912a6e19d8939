import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { Redis } from 'ioredis';
import type { NotificationsConfig } from '../../notifications.config';
import { type MailAcceptance, MailAcceptances } from '../application/mail-acceptances';

/**
 * An acceptance outlives any wait for the database (a restart, a failover) and any job: the tries of
 * the job may run out, and the sweep then queues a new job that must find it too.
 */
const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * Acceptances in Redis, one key per delivery under `REDIS_PREFIX` (`<prefix>:notifications-accepted:<id>`),
 * beside the send jobs: every worker of every replica reads the same before it talks to the mail server.
 * Not on the BullMQ job (`job.updateData`): a job is removed once its tries are used up or once it stalled
 * too often, and the sweep's new job for the same delivery would not see it.
 */
@Injectable()
export class RedisMailAcceptances extends MailAcceptances implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    super();
    this.prefix = `${config.REDIS_PREFIX}:notifications-accepted:`;
    // Bounded: a send waits at most a few seconds on Redis; then `find` throws (the try is retried) and
    // `keep` gives up (the recording in the database goes on).
    this.redis = new Redis(config.REDIS_URL, {
      connectionName: 'notifications-acceptances',
      maxRetriesPerRequest: 1,
      commandTimeout: 2_000,
    });
    this.redis.on('error', () => undefined);
  }

  async find(deliveryId: string): Promise<MailAcceptance | null> {
    const stored = await this.redis.get(this.prefix + deliveryId);
    if (stored === null) return null;
    const { reply, acceptedAt } = JSON.parse(stored) as { reply: string; acceptedAt: string };
    return { reply, acceptedAt: new Date(acceptedAt) };
  }

  async keep(deliveryId: string, acceptance: MailAcceptance): Promise<void> {
    const value = JSON.stringify({
      reply: acceptance.reply,
      acceptedAt: acceptance.acceptedAt.toISOString(),
    });
    await this.redis.set(this.prefix + deliveryId, value, 'EX', KEEP_SECONDS);
  }

  async forget(deliveryId: string): Promise<void> {
    await this.redis.del(this.prefix + deliveryId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
