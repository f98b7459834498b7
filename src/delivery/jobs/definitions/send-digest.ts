// Send one digest: a leader's overdue tasks, a subscribed group's overdue tasks, or a group's weekly summary.
// The job id holds the day, so a digest goes out once per day and recipient.
import { z } from 'zod';
import { DELIVERY_QUEUE } from './queues.ts';

export const sendDigestPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue'), officerId: z.number().int().positive(), day: z.iso.date() }),
  z.object({ kind: z.literal('weekly'), subscriptionId: z.number().int().positive(), day: z.iso.date() }),
  z.object({ kind: z.literal('group-overdue'), subscriptionId: z.number().int().positive(), day: z.iso.date() }),
]);
export type SendDigestPayload = z.infer<typeof sendDigestPayloadSchema>;

export const sendDigestJob = {
  name: 'send-digest',
  queue: DELIVERY_QUEUE,
  schema: sendDigestPayloadSchema,
  jobId: (p: SendDigestPayload) =>
    p.kind === 'overdue'
      ? `digest-overdue-${p.day}-o${p.officerId}`
      : p.kind === 'weekly'
        ? `digest-weekly-${p.day}-s${p.subscriptionId}`
        : `digest-group-overdue-${p.day}-s${p.subscriptionId}`,
} as const;
