import { serviceConfigSchema } from '@tripartite/config';

/** The agreements service's environment (the platform's variables; none of its own yet). */
export const agreementsConfigSchema = serviceConfigSchema('agreements', 3001);
