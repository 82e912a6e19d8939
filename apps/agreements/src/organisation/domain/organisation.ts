import type { OrganisationSnapshot, OrganisationType } from './organisation.types';

/**
 * An organisation of the regional directory: a service (SSTI, SSTA), a DIRECCTE, a Caisse, an ARS, a
 * CRPRP… Other services know it only through the `organisation.*` events this aggregate records.
 */
export class Organisation {
  private constructor(
    readonly id: string,
    private state: Omit<OrganisationSnapshot, 'organisationId'>,
    private currentVersion: number,
  ) {}

  static register(id: string, props: Omit<OrganisationSnapshot, 'organisationId'>): Organisation {
    return new Organisation(id, { ...props, regions: [...new Set(props.regions)].sort() }, 1);
  }

  static restore(snapshot: OrganisationSnapshot, version: number): Organisation {
    const { organisationId, ...state } = snapshot;
    return new Organisation(organisationId, state, version);
  }

  get version(): number {
    return this.currentVersion;
  }

  get type(): OrganisationType {
    return this.state.type;
  }

  get regions(): readonly string[] {
    return this.state.regions;
  }

  snapshot(): OrganisationSnapshot {
    return { organisationId: this.id, ...this.state };
  }
}
