import { Injectable } from '@nestjs/common';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnershipProtocol } from '../domain/partnership-protocol';
import type { PartnershipTheme, ProtocolStatus } from '../domain/partnership-protocol.types';
import { PartnershipProtocolOrmEntity } from './partnership-protocol.orm-entity';

export interface PartnershipProtocolFilter {
  region?: string;
  serviceId?: string;
  caisseId?: string;
  status?: ProtocolStatus;
  theme?: PartnershipTheme;
  /** Opened on the platform within this period. */
  recorded?: Period;
  /** Only protocols of these regions (a DIRECCTE reads its region's); undefined: all. */
  withinRegions?: readonly string[];
  /** Only protocols this organisation is party to (the service or the Caisse); undefined: any. */
  partyId?: string;
}

@Injectable()
export class PartnershipProtocolRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, protocol: PartnershipProtocol, now: Date): Promise<void> {
    await manager.insert(PartnershipProtocolOrmEntity, {
      ...rowOf(protocol),
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Writes a changed protocol if nobody changed it since `expectedVersion`; false when someone did. */
  async save(
    manager: EntityManager,
    protocol: PartnershipProtocol,
    expectedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const result = await manager.update(
      PartnershipProtocolOrmEntity,
      { id: protocol.id, version: expectedVersion },
      { ...rowOf(protocol), updatedAt: now },
    );
    return (result.affected ?? 0) === 1;
  }

  /** With `lock`, the row stays locked until the caller's transaction ends. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<PartnershipProtocol | null> {
    const row = await manager.getRepository(PartnershipProtocolOrmEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? toProtocol(row) : null;
  }

  /** The protocols a service is party to, the oldest first (the CPOM annexes the concluded ones). */
  async forService(
    serviceId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PartnershipProtocol[]> {
    const rows = await manager
      .getRepository(PartnershipProtocolOrmEntity)
      .find({ where: { serviceId }, order: { openedOn: 'ASC', id: 'ASC' } });
    return rows.map(toProtocol);
  }

  async list(
    filter: PartnershipProtocolFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: PartnershipProtocol[]; total: number }> {
    const query = this.dataSource.getRepository(PartnershipProtocolOrmEntity).createQueryBuilder('p');
    if (filter.region) query.andWhere(':region = ANY(p.regions)', { region: filter.region });
    if (filter.serviceId) query.andWhere('p.serviceId = :serviceId', { serviceId: filter.serviceId });
    if (filter.caisseId) query.andWhere('p.caisseId = :caisseId', { caisseId: filter.caisseId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.theme) query.andWhere(':theme = ANY(p.themes)', { theme: filter.theme });
    if (filter.recorded?.from) query.andWhere('p.createdAt >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('p.createdAt < :to', { to: filter.recorded.to });
    if (filter.withinRegions) query.andWhere('p.regions && :within', { within: [...filter.withinRegions] });
    if (filter.partyId)
      query.andWhere('(p.serviceId = :party OR p.caisseId = :party)', { party: filter.partyId });
    const [rows, total] = await query
      .orderBy('p.openedOn', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toProtocol), total };
  }
}

function rowOf(protocol: PartnershipProtocol) {
  const { progressPoints, ...state } = protocol.snapshot();
  return { id: protocol.id, ...state, progressPoints, version: protocol.version };
}

function toProtocol(row: PartnershipProtocolOrmEntity): PartnershipProtocol {
  return PartnershipProtocol.restore(
    row.id,
    {
      serviceId: row.serviceId,
      caisseId: row.caisseId,
      direccteId: row.direccteId,
      regions: row.regions,
      title: row.title,
      themes: row.themes,
      status: row.status,
      openedOn: row.openedOn,
      concludedOn: row.concludedOn,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      endedOn: row.endedOn,
      endReason: row.endReason,
      progressPoints: row.progressPoints,
    },
    row.version,
  );
}
