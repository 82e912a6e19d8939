import type { AddressInfo } from 'node:net';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import type { z } from 'zod';
import { agreementsConfigSchema } from '../../apps/agreements/src/agreements.config';
import { AgreementsModule } from '../../apps/agreements/src/agreements.module';
import { consultationsConfigSchema } from '../../apps/consultations/src/consultations.config';
import { ConsultationsModule } from '../../apps/consultations/src/consultations.module';
import { contractsConfigSchema } from '../../apps/contracts/src/contracts.config';
import { ContractsModule } from '../../apps/contracts/src/contracts.module';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../apps/gateway/src/gateway.config';
import { indicatorsConfigSchema } from '../../apps/indicators/src/indicators.config';
import { IndicatorsModule } from '../../apps/indicators/src/indicators.module';
import { notificationsConfigSchema } from '../../apps/notifications/src/notifications.config';
import { NotificationsModule } from '../../apps/notifications/src/notifications.module';

export const SERVICES = ['agreements', 'contracts', 'consultations', 'notifications', 'indicators'] as const;
export type ServiceName = (typeof SERVICES)[number];

interface ServiceRecipe<S extends z.ZodType<PlatformConfig>> {
  schema: S;
  module: (config: z.infer<S>) => DynamicModule;
}

const recipe = <S extends z.ZodType<PlatformConfig>>(r: ServiceRecipe<S>) =>
  r as ServiceRecipe<z.ZodType<PlatformConfig>>;

/** What each service's main.ts runs (libs/platform `runService`), built here without its own process. */
const RECIPES: Record<ServiceName, ServiceRecipe<z.ZodType<PlatformConfig>>> = {
  agreements: recipe({ schema: agreementsConfigSchema, module: (c) => AgreementsModule.forRoot(c) }),
  contracts: recipe({ schema: contractsConfigSchema, module: (c) => ContractsModule.forRoot(c) }),
  consultations: recipe({ schema: consultationsConfigSchema, module: (c) => ConsultationsModule.forRoot(c) }),
  notifications: recipe({ schema: notificationsConfigSchema, module: (c) => NotificationsModule.forRoot(c) }),
  indicators: recipe({ schema: indicatorsConfigSchema, module: (c) => IndicatorsModule.forRoot(c) }),
};

export interface RunningPlatform {
  gatewayUrl: string;
  close: () => Promise<void>;
}

/**
 * The five services and the gateway, each the app its main.ts builds (same modules, bootstrap, event
 * transport), listening on its own loopback port, in this one process: one copy of the frameworks in
 * memory instead of six, so the platform comes up in seconds even beside other test files.
 */
export async function startPlatform(
  env: Record<string, string>,
  perService: Record<ServiceName, Record<string, string>>,
): Promise<RunningPlatform> {
  const apps: NestFastifyApplication[] = [];
  const urlOf = async (app: NestFastifyApplication) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const urls = await Promise.all(
    SERVICES.map(async (service) => {
      const { schema, module } = RECIPES[service];
      const config = loadConfig(schema, { ...env, ...perService[service], HTTP_PORT: '0' });
      const app = await createServiceApp({
        module: module(config),
        config,
        openApi: { title: `Tripartite ${service}`, description: service },
        configure: async (nest) => {
          connectEventTransport(nest);
          await nest.startAllMicroservices();
        },
      });
      apps.push(app);
      return [`${service.toUpperCase()}_URL`, await urlOf(app)] as const;
    }),
  );
  const gateway = await createGatewayApp(
    loadConfig(gatewayConfigSchema, {
      ...env,
      ...Object.fromEntries(urls),
      GATEWAY_RATE_LIMIT_STORE: 'memory',
      GATEWAY_RATE_LIMIT_MAX: '1000000',
    }),
  );
  apps.push(gateway);
  return {
    gatewayUrl: await urlOf(gateway),
    close: async () => {
      await Promise.all(apps.reverse().map((app) => app.close()));
    },
  };
}
