import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@tripartite/events';
import type { EntityManager } from 'typeorm';

type EventContextArgs = [envelope: EventEnvelope, manager: EntityManager, attempt: number];

/**
 * What an `@EventPattern` handler gets besides the event (`@Ctx() ctx: EventContext`): the transaction
 * in which the inbox records the event, so the handler's writes commit with it or not at all.
 */
export class EventContext extends BaseRpcContext<EventContextArgs> {
  get envelope(): EventEnvelope {
    return this.args[0];
  }

  /** Write through this manager: the effect and the inbox entry share one transaction. */
  get manager(): EntityManager {
    return this.args[1];
  }

  /** 1 on first delivery, then 2, 3… on retries. */
  get attempt(): number {
    return this.args[2];
  }
}
