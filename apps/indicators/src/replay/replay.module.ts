import { Module } from '@nestjs/common';
import { RebuildController } from './api/rebuild.controller';
import { RebuildProjectionsHandler } from './application/rebuild-projections.handler';

/** Rebuild by replay: the projections emptied, every producer asked to replay its log here (ADR 0019). */
@Module({ controllers: [RebuildController], providers: [RebuildProjectionsHandler] })
export class ReplayModule {}
