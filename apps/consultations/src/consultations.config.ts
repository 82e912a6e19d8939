import { serviceConfigSchema } from '@tripartite/config';

/** The consultations service's environment (the platform's variables; none of its own yet). */
export const consultationsConfigSchema = serviceConfigSchema('consultations', 3003);
