import { Injectable } from '@nestjs/common';
import { AfterCommitWork } from '@tripartite/persistence';
import { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox.relay';

/**
 * Wakes this process's relay once a transaction that wrote events has committed, so they leave at once
 * instead of at the next poll. In-process on purpose: PostgreSQL's NOTIFY takes a cluster-wide lock until
 * the commit ends, which serialises every event-writing commit on the server (measured in bench/README.md).
 * Another replica's relay holding the lock just then hands over within milliseconds (see OutboxRelay).
 */
@Injectable()
export class RelayWakeAfterCommit extends AfterCommitWork {
  protected readonly subject = { what: 'event(s)', healer: 'the relay poll' };

  constructor(
    dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    super(dataSource);
  }

  protected async afterCommit(): Promise<void> {
    this.relay.notify();
  }
}
