import { Module } from '@nestjs/common';

/** Projets pluriannuels de service (L.4622-14): drafted, adopted by the CMT, approved by the board, revised. */
@Module({})
export class ServiceProjectModule {}
