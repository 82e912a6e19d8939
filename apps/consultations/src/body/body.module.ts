import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { BodyController } from './api/body.controller';
import { AddMemberHandler } from './application/add-member.handler';
import { BodyAuthority } from './application/body-authority';
import { BodyChanges } from './application/body-changes';
import { CreateBodyHandler } from './application/create-body.handler';
import { UpdateMemberHandler } from './application/update-member.handler';
import { BodyRepository } from './infrastructure/body.repository';

/** Consulted bodies and their members (exports the repository and authority for consultations). */
@Module({
  imports: [DirectoryModule],
  controllers: [BodyController],
  providers: [
    CreateBodyHandler,
    AddMemberHandler,
    UpdateMemberHandler,
    BodyAuthority,
    BodyChanges,
    BodyRepository,
  ],
  exports: [BodyRepository, BodyAuthority],
})
export class BodyModule {}
