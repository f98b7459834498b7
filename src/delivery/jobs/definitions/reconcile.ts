// Periodic: make Redis agree with PostgreSQL (plan reminders, queue what is missing,
// drop what is stale). Idempotent; several workers may run it at once.
import { z } from 'zod';
import { MAINTENANCE_QUEUE } from './queues.ts';

export const reconcilePayloadSchema = z.object({ replan: z.boolean().default(true) });
export type ReconcilePayload = z.infer<typeof reconcilePayloadSchema>;

export const reconcileJob = {
  name: 'reconcile',
  queue: MAINTENANCE_QUEUE,
  schema: reconcilePayloadSchema,
  schedulerId: 'reconcile-periodic',
  everyMs: 10 * 60_000,
} as const;
