import { Module } from '@nestjs/common';
import { DashboardController } from './api/dashboard.controller';
import { SteeringFiguresQuery } from './application/steering-figures.query';

/** Regional and national steering figures (seed 002 I.2, seed 000) and their CSV exports. */
@Module({ controllers: [DashboardController], providers: [SteeringFiguresQuery] })
export class DashboardModule {}
