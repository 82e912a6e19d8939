import type { ServicePersistence } from '@tripartite/platform';
import { DeliveryOrmEntity } from './delivery/infrastructure/delivery.orm-entity';
import { NotifiedEventOrmEntity } from './delivery/infrastructure/notified-event.orm-entity';
import { ContractPartiesOrmEntity } from './directory/infrastructure/contract-parties.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory/infrastructure/directory-organisation.orm-entity';
import { CreateDirectory1764400000000 } from './migrations/1764400000000-create-directory';
import { CreateDeliveries1764400001000 } from './migrations/1764400001000-create-deliveries';
import { CreateContractParties1764400002000 } from './migrations/1764400002000-create-contract-parties';
import { AddDeliveryAttachmentsAndRetries1764400003000 } from './migrations/1764400003000-add-delivery-attachments-and-retries';
import { AddDirectoryServiceCaisse1764400004000 } from './migrations/1764400004000-add-directory-service-caisse';
import { AddDecisionUntoldParties1764400005000 } from './migrations/1764400005000-add-decision-untold-parties';
import { AddDeliveryTraceContext1764400006000 } from './migrations/1764400006000-add-delivery-trace-context';

/** The notifications service's own tables (the platform's are added by ServicePlatformModule). */
export const notificationsPersistence: ServicePersistence = {
  entities: [
    DirectoryOrganisationOrmEntity,
    ContractPartiesOrmEntity,
    DeliveryOrmEntity,
    NotifiedEventOrmEntity,
  ],
  migrations: [
    CreateDirectory1764400000000,
    CreateDeliveries1764400001000,
    CreateContractParties1764400002000,
    AddDeliveryAttachmentsAndRetries1764400003000,
    AddDirectoryServiceCaisse1764400004000,
    AddDecisionUntoldParties1764400005000,
    AddDeliveryTraceContext1764400006000,
  ],
};
