import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectoryContact, DirectoryOrganisation } from '../domain/directory-organisation';

interface DirectoryRow {
  id: string;
  type: string;
  name: string;
  regions: string[];
  contacts: DirectoryContact[];
  caisse_id: string | null;
  version: number;
  updated_at: Date;
}

const COLUMNS = 'id, type, name, regions, contacts, caisse_id, version, updated_at';

/** SQL of the directory projection. Every write goes through the caller's (the consumer's) transaction. */
@Injectable()
export class DirectoryRepository {
  /**
   * Stores the organisation unless the stored state comes from the same or a newer version: events of
   * one organisation may arrive out of order (a retried message overtaken by the next one), and the
   * newest state must win. Answers whether the row changed.
   */
  async upsertIfNewer(manager: EntityManager, organisation: DirectoryOrganisation): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO directory_organisations (id, type, name, regions, contacts, caisse_id, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET
         type = EXCLUDED.type, name = EXCLUDED.name, regions = EXCLUDED.regions,
         contacts = EXCLUDED.contacts, caisse_id = EXCLUDED.caisse_id, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at
       WHERE directory_organisations.version < EXCLUDED.version
       RETURNING id`,
      [
        organisation.id,
        organisation.type,
        organisation.name,
        organisation.regions,
        JSON.stringify(organisation.contacts),
        organisation.caisseId,
        organisation.version,
        organisation.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  /** The organisations of `ids` that the directory knows, in the order of `ids`. */
  async findMany(manager: EntityManager, ids: readonly string[]): Promise<DirectoryOrganisation[]> {
    if (ids.length === 0) return [];
    const rows: DirectoryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM directory_organisations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toOrganisation(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The part of the directory an event concerns: the organisations it names and the competent Caisse of
   * those that are services, those covering one of its regions, and those of the national types (DGT,
   * DRP). A few dozen rows for a region.
   */
  async findConcerned(
    manager: EntityManager,
    scope: { ids: readonly string[]; regions: readonly string[]; types: readonly string[] },
  ): Promise<DirectoryOrganisation[]> {
    const rows: DirectoryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM directory_organisations
       WHERE id = ANY($1::uuid[]) OR regions && $2::text[] OR type = ANY($3::text[])
         OR id IN (SELECT caisse_id FROM directory_organisations WHERE id = ANY($1::uuid[]))
       ORDER BY name, id`,
      [scope.ids, scope.regions, scope.types],
    );
    return rows.map(toOrganisation);
  }
}

function toOrganisation(row: DirectoryRow): DirectoryOrganisation {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    regions: row.regions,
    contacts: row.contacts,
    caisseId: row.caisse_id,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
