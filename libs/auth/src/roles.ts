/**
 * The platform's roles, as carried by the `roles` claim of a token.
 * - admin: platform operator; national: DGT/DRP steering; direccte: the State in a region (grants agréments);
 * - caisse: the regional social-security fund (party to CPOMs); sst: an occupational health service;
 * - crprp, ars: regional bodies that give opinions before a CPOM.
 */
export const ROLES = ['admin', 'national', 'direccte', 'caisse', 'sst', 'crprp', 'ars'] as const;

export type Role = (typeof ROLES)[number];

/** Roles that see every region: they steer or operate the whole platform. */
export const NATIONWIDE_ROLES: readonly Role[] = ['admin', 'national'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
