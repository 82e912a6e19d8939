import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { currentContext } from '@tripartite/context';
import type { Agreement } from '../domain/agreement';

/** Who may act on an agrément, beyond the roles each endpoint admits. */
@Injectable()
export class AgreementAuthority {
  constructor(private readonly scope: ScopeEnforcer) {}

  /** Only a DIRECCTE agent of the service's region decides, notifies, withdraws (admin anywhere). */
  assertDireccteOf(agreement: Agreement): void {
    this.scope.assertCanActInRegion(agreement.state.regions);
  }

  /** A service speaks for itself only; a DIRECCTE agent of its region (or admin) may act for it. */
  assertMaySpeakForService(serviceId: string, regions: readonly string[]): void {
    const roles = currentContext()?.actor?.roles ?? [];
    if (roles.includes('admin') || roles.includes('direccte')) this.scope.assertCanActInRegion(regions);
    else this.scope.assertCanActForOrganisation(serviceId);
  }
}
