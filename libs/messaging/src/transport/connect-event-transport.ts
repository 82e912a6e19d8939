import type { INestApplication } from '@nestjs/common';
import { AmqpEventTransport } from './amqp-event.transport';

/** Serves the app's `@EventPattern` handlers from RabbitMQ. Call before `app.startAllMicroservices()`. */
export function connectEventTransport(app: INestApplication): AmqpEventTransport {
  const transport = app.get(AmqpEventTransport);
  app.connectMicroservice({ strategy: transport });
  return transport;
}
