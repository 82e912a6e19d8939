import { serviceConfigSchema } from '@tripartite/config';

/** The contracts service's environment (the platform's variables; none of its own yet). */
export const contractsConfigSchema = serviceConfigSchema('contracts', 3002);
