// Weekly: a summary to every subscribed group chat.
import { z } from 'zod';
import { MAINTENANCE_QUEUE } from './queues.ts';

export const weeklySummaryPayloadSchema = z.object({}).strict();
export type WeeklySummaryPayload = z.infer<typeof weeklySummaryPayloadSchema>;

export const weeklySummaryJob = {
  name: 'weekly-summary',
  queue: MAINTENANCE_QUEUE,
  schema: weeklySummaryPayloadSchema,
  schedulerId: 'weekly-summary',
  /** Friday 15:00, before the weekly meetings most offices hold. */
  pattern: '0 15 * * 5',
} as const;
