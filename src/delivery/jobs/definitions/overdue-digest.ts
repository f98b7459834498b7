// Daily: one overdue digest to every leader whose units have overdue tasks.
import { z } from 'zod';
import { MAINTENANCE_QUEUE } from './queues.ts';

export const overdueDigestPayloadSchema = z.object({}).strict();
export type OverdueDigestPayload = z.infer<typeof overdueDigestPayloadSchema>;

export const overdueDigestJob = {
  name: 'overdue-digest',
  queue: MAINTENANCE_QUEUE,
  schema: overdueDigestPayloadSchema,
  schedulerId: 'overdue-digest-daily',
  /** 08:30 on weekdays; holidays are skipped by the handler with the working calendar. */
  pattern: '30 8 * * 1-5',
} as const;
