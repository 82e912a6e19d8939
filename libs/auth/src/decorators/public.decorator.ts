import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tripartite:auth:public';

/** Lets a route through without a token: health, metrics, OpenAPI. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
