import type { ServicePersistence } from '@tripartite/platform';
import { DeliveryOrmEntity } from './delivery/infrastructure/delivery.orm-entity';
import { NotifiedEventOrmEntity } from './delivery/infrastructure/notified-event.orm-entity';
import { DirectoryOrganisationOrmEntity } from './directory/infrastructure/directory-organisation.orm-entity';
import { CreateDirectory1764400000000 } from './migrations/1764400000000-create-directory';
import { CreateDeliveries1764400001000 } from './migrations/1764400001000-create-deliveries';

/** The notifications service's own tables (the platform's are added by ServicePlatformModule). */
export const notificationsPersistence: ServicePersistence = {
  entities: [DirectoryOrganisationOrmEntity, DeliveryOrmEntity, NotifiedEventOrmEntity],
  migrations: [CreateDirectory1764400000000, CreateDeliveries1764400001000],
};
