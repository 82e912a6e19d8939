import type { OrganisationSnapshot, OrganisationType } from './organisation.types';

type OrganisationState = Omit<OrganisationSnapshot, 'organisationId'>;

/** What a change to the directory may touch; the type of an organisation never changes. */
export type OrganisationChanges = Partial<
  Pick<OrganisationState, 'name' | 'regions' | 'contacts' | 'siret' | 'service' | 'caisseKind'>
>;

/**
 * An organisation of the regional directory: a service (SSTI, SSTA), a DIRECCTE, a Caisse, an ARS, a
 * CRPRP… Other services know it only through the `organisation.*` events this aggregate records.
 */
export class Organisation {
  private constructor(
    readonly id: string,
    private state: OrganisationState,
    private currentVersion: number,
  ) {}

  static register(id: string, props: OrganisationState): Organisation {
    return new Organisation(id, normalise(props), 1);
  }

  static restore(snapshot: OrganisationSnapshot, version: number): Organisation {
    const { organisationId, ...state } = snapshot;
    return new Organisation(organisationId, state, version);
  }

  /** Applies a change; the version moves on, so a client holding the old one gets 412. */
  update(changes: OrganisationChanges): void {
    this.state = normalise({ ...this.state, ...changes });
    this.currentVersion++;
  }

  get version(): number {
    return this.currentVersion;
  }

  get type(): OrganisationType {
    return this.state.type;
  }

  get name(): string {
    return this.state.name;
  }

  get regions(): readonly string[] {
    return this.state.regions;
  }

  snapshot(): OrganisationSnapshot {
    return {
      organisationId: this.id,
      ...this.state,
      caisseKind: this.state.caisseKind ?? null,
      siret: this.state.siret ?? null,
      service: this.state.service ?? null,
    };
  }
}

/** One order for regions, so a Caisse covering "93, 94" and "94, 93" is the same organisation. */
function normalise(state: OrganisationState): OrganisationState {
  return { ...state, regions: [...new Set(state.regions)].sort() };
}
