import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';

/** Someone an e-mail goes to, and on behalf of which organisation they receive it. */
export interface Recipient {
  /** Lower-cased: the delivery log is unique on (event, e-mail), whatever the case it was typed in. */
  email: string;
  name: string;
  organisationId: string;
  /** The organisation's name: the message says on whose behalf the recipient gets it. */
  organisationName: string;
}

/**
 * The contacts of the organisations concerned who accept notifications, each e-mail once (the first
 * organisation listed wins when a person is a contact of several). Those who declined receive nothing.
 */
export function recipientsAmong(organisations: readonly DirectoryOrganisation[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const organisation of organisations) {
    for (const contact of organisation.contacts) {
      if (!contact.receivesNotifications) continue;
      const email = contact.email.trim().toLowerCase();
      if (!byEmail.has(email))
        byEmail.set(email, {
          email,
          name: contact.name,
          organisationId: organisation.id,
          organisationName: organisation.name,
        });
    }
  }
  return [...byEmail.values()];
}
