import type { DirectoryOrganisation } from './directory-organisation';

/**
 * The part of the directory an event concerns, loaded once per event: lookups by id and by type within
 * regions, answered in memory so that the rule table stays a set of pure functions.
 */
export class DirectoryView {
  private readonly byIdMap: ReadonlyMap<string, DirectoryOrganisation>;

  constructor(readonly organisations: readonly DirectoryOrganisation[]) {
    this.byIdMap = new Map(organisations.map((o) => [o.id, o]));
  }

  byId(id: string | null | undefined): DirectoryOrganisation | undefined {
    return id ? this.byIdMap.get(id) : undefined;
  }

  /**
   * Organisations of a type, sorted by name; with `regions`, only those covering at least one of them
   * (a Caisse covering PACA and Corse is the Caisse of either).
   */
  ofType(type: string, regions?: readonly string[]): DirectoryOrganisation[] {
    return this.organisations
      .filter((o) => o.type === type && (!regions || o.regions.some((r) => regions.includes(r))))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
  }
}
