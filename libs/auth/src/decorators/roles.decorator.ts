import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

export const REQUIRED_ROLES = 'tripartite:auth:roles';

/** Restricts a route (or every route of a controller) to actors holding at least one of `roles`. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
