import { serviceConfigSchema } from '@tripartite/config';

/** The indicators service's environment (the platform's variables; none of its own yet). */
export const indicatorsConfigSchema = serviceConfigSchema('indicators', 3005);
