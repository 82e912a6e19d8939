import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { Redis } from 'ioredis';
import { AdjustableClock, ClockAdjustmentRefusedError } from './adjustable-clock';
import { Clock } from './clock';

export const CLOCK_SYNC_OPTIONS = Symbol('CLOCK_SYNC_OPTIONS');

export interface ClockSyncOptions {
  /**
   * How often each process re-reads (and, after a Redis wipe, restores) the shared offset.
   * Pub/sub is at-most-once; this bounds how long a process that missed a message stays behind.
   */
  resyncMs?: number;
  /** How long boot waits for Redis before failing with a message that names it. */
  bootTimeoutMs?: number;
}

/** What a process knows about platform time. */
export interface ClockStatus {
  now: Date;
  offsetMs: number;
  adjustable: boolean;
}

// Both scripts keep the offset monotonic and self-healing: the stored value never goes down, and a
// process that still remembers a larger offset (Redis was flushed) writes it back.
const RESYNC_SCRIPT = `
local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
local mine = tonumber(ARGV[1])
if mine > stored then
  redis.call('SET', KEYS[1], string.format('%d', mine))
  redis.call('PUBLISH', KEYS[2], string.format('%d', mine))
  return mine
end
return stored`;

const ADVANCE_SCRIPT = `
local stored = tonumber(redis.call('GET', KEYS[1]) or '0')
local base = math.max(stored, tonumber(ARGV[2]))
local offset = base + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%d', offset))
redis.call('PUBLISH', KEYS[2], string.format('%d', offset))
return offset`;

/**
 * Keeps the `AdjustableClock` offset the same in every process of the platform (outside production).
 * The offset lives in Redis under `<REDIS_PREFIX>:clock:offset-ms`; changes are broadcast on
 * `<REDIS_PREFIX>:clock:offset-changed`. Each process applies the stored offset at boot, on every
 * broadcast, after a reconnection and every `resyncMs`. Applying an offset calls the clock's
 * listeners (the deadline reconciler), so deadlines that became due fire everywhere.
 *
 * In production the clock is a `SystemClock`: nothing is read from Redis and moving time is refused.
 */
@Injectable()
export class ClockSync implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClockSync.name);
  private redis?: Redis;
  private subscriber?: Redis;
  private resyncTimer?: NodeJS.Timeout;
  private readonly options: Required<ClockSyncOptions>;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly clock: Clock,
    @Optional() @Inject(CLOCK_SYNC_OPTIONS) options?: ClockSyncOptions,
  ) {
    this.options = { resyncMs: 10_000, bootTimeoutMs: 5_000, ...options };
  }

  /** The clock when time may be moved here: adjustable and not production (where both must hold). */
  private get adjustableClock(): AdjustableClock | null {
    if (this.config.NODE_ENV === 'production') return null;
    return this.clock instanceof AdjustableClock ? this.clock : null;
  }

  private get offsetKey(): string {
    return `${this.config.REDIS_PREFIX}:clock:offset-ms`;
  }

  private get channel(): string {
    return `${this.config.REDIS_PREFIX}:clock:offset-changed`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.adjustableClock) return;
    this.redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 2, connectionName: 'clock-sync' });
    this.subscriber = this.redis.duplicate({ connectionName: 'clock-sync-sub' });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.subscriber.on('error', (error) => this.logger.warn(`Redis subscriber: ${error.message}`));
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) void this.apply(Number(message));
    });
    try {
      await withTimeout(
        (async () => {
          // Subscribe first, then read: a change published in between is not lost.
          await this.subscriber?.subscribe(this.channel);
          await this.resync();
        })(),
        this.options.bootTimeoutMs,
        `no answer within ${this.options.bootTimeoutMs} ms`,
      );
    } catch (error) {
      this.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Clock sync: Redis at ${redactUrl(this.config.REDIS_URL)} is unreachable (${reason}). Is Redis running?`,
      );
    }
    // After a reconnection, messages sent meanwhile are gone: read the stored offset again.
    this.subscriber.on(
      'ready',
      () => void this.resync().catch((e) => this.warn('resync after reconnect', e)),
    );
    this.resyncTimer = setInterval(
      () => void this.resync().catch((e) => this.warn('periodic resync', e)),
      this.options.resyncMs,
    );
    this.resyncTimer.unref();
  }

  /** Platform time as this process sees it. */
  status(): ClockStatus {
    const adjustable = this.adjustableClock;
    return { now: this.clock.now(), offsetMs: adjustable?.offset ?? 0, adjustable: adjustable !== null };
  }

  /**
   * Moves platform time forward by `ms` in every process. Answers once this process has applied the
   * new offset (and its clock listeners, such as the deadline reconciler, have run); others follow
   * through the broadcast. Refused in production and with a non-adjustable clock.
   */
  async advance(ms: number): Promise<ClockStatus> {
    const clock = this.adjustableClock;
    if (!clock || !this.redis) {
      throw new ClockAdjustmentRefusedError(
        this.config.NODE_ENV === 'production'
          ? 'the clock cannot be moved in production'
          : 'this process runs on the system clock, which cannot be moved',
      );
    }
    if (!Number.isSafeInteger(ms) || ms <= 0) {
      throw new ClockAdjustmentRefusedError('time can only move forward, by a whole number of milliseconds');
    }
    const offset = Number(
      await this.redis.eval(
        ADVANCE_SCRIPT,
        2,
        this.offsetKey,
        this.channel,
        String(ms),
        String(clock.offset),
      ),
    );
    await clock.setOffset(offset);
    return this.status();
  }

  /** Reads the shared offset (restoring it if this process knows a larger one) and applies it. */
  async resync(): Promise<void> {
    const clock = this.adjustableClock;
    if (!clock || !this.redis) return;
    const offset = Number(
      await this.redis.eval(RESYNC_SCRIPT, 2, this.offsetKey, this.channel, String(clock.offset)),
    );
    await this.apply(offset);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await Promise.allSettled([this.subscriber?.quit(), this.redis?.quit()]);
    this.disconnect();
  }

  private async apply(offset: number): Promise<void> {
    const clock = this.adjustableClock;
    if (!clock || !Number.isSafeInteger(offset)) return;
    try {
      await clock.setOffset(offset);
    } catch (error) {
      this.warn('applying the shared offset', error);
    }
  }

  private disconnect(): void {
    this.subscriber?.disconnect();
    this.redis?.disconnect();
  }

  private warn(what: string, error: unknown): void {
    this.logger.warn(`Clock sync, ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  work.catch(() => undefined); // the race below reports it; do not leave it unhandled
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps credentials out of error messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
