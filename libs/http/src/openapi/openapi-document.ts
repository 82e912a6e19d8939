import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { zodToOpenApi } from './zod-openapi';

export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
}

/** The shape of every error answer, for `@ApiZodResponse(400, problemDetailsSchema)`. */
export const problemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe('Stable code clients branch on, e.g. REQUEST.INVALID'),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), rule: z.string(), message: z.string() }))
      .optional()
      .describe('Each invalid field of a 400'),
  })
  .describe('RFC 9457 problem details (application/problem+json)');

/** The service's OpenAPI document, built from its controllers, with the bearer scheme declared. */
export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = document.components ?? {};
  document.components.schemas = {
    ...document.components.schemas,
    Problem: zodToOpenApi(problemDetailsSchema),
  };
  return document;
}
