import { z } from 'zod';
import { named } from './api-schema.js';

const Probe = z.enum(['up', 'down']);

/** `GET /api/health`: 200 when ready to serve, 503 while the database (or the configured Redis) is unreachable. */
export const HealthSchema = named(
  'HealthDto',
  z.object({ status: z.enum(['ok', 'unavailable']), database: Probe, redis: Probe.optional() }),
);
export type HealthDto = z.infer<typeof HealthSchema>;
