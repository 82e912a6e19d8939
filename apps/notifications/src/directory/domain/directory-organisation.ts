/** A person of an organisation, as the directory last described them. */
export interface DirectoryContact {
  name: string;
  email: string;
  function: string | null;
  /** The contact agreed to receive the platform's e-mails. */
  receivesNotifications: boolean;
}

/**
 * An organisation as this service knows it: a projection of the `organisation.*` events of the
 * agreements service, kept to find who must be told about what. Never edited here.
 */
export interface DirectoryOrganisation {
  id: string;
  type: string;
  name: string;
  regions: string[];
  contacts: DirectoryContact[];
  /**
   * For an occupational health service, its competent Caisse (chosen per service among those covering its
   * region: organisation events v2); null for any other organisation, an SSTA, or while none is known.
   */
  caisseId: string | null;
  /** Aggregate version of the event this state comes from. */
  version: number;
  /** When that event occurred. */
  updatedAt: Date;
}
