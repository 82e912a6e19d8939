import { type ParkedRow, parkedMessageOfRow, type StoredParkedMessage } from '@tripartite/messaging';
import type { TestService } from './test-service';

/** A message of a service's parked-message log, as the tests read it. */
export interface LoggedParkedMessage extends Omit<StoredParkedMessage, 'content'> {
  /** The body, parsed when it is JSON. */
  content: unknown;
  headers: Record<string, unknown>;
}

/** What the service's parked-message log holds (the collector moves its parking queue there), oldest first. */
export async function parkedMessagesOf(service: TestService): Promise<LoggedParkedMessage[]> {
  const rows: ParkedRow[] = await service.dataSource.query(
    'SELECT * FROM parked_messages ORDER BY parked_at, id',
  );
  return rows.map((row) => {
    const parked = parkedMessageOfRow(row);
    const text = parked.content.toString('utf8');
    let content: unknown = text;
    try {
      content = JSON.parse(text);
    } catch {
      // Kept as text: parked messages may be anything a rogue producer sent.
    }
    return { ...parked, content, headers: parked.properties.headers };
  });
}
