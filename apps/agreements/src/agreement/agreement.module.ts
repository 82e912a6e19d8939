import { Module } from '@nestjs/common';

/** Agréments: applications, the MIT opinion, decisions, compliance notices, withdrawal, renewal, expiry. */
@Module({})
export class AgreementModule {}
