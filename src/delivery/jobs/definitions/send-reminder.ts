// One turn to send to a reminder's chat. The payload names the row and the instant it
// was queued for; at its turn the job sends the chat's earliest unsent reminder that is
// due (its own, or one that must go before it), so order inside a chat comes from
// PostgreSQL and not from the order in which jobs happen to run.
import { z } from 'zod';
import { DELIVERY_QUEUE } from './queues.ts';

export const sendReminderPayloadSchema = z.object({
  reminderId: z.number().int().positive(),
  plannedAt: z.iso.datetime(),
  /** Epoch ms of the send slot this job booked (set by the handler before it waits for the slot). */
  slotAt: z.number().int().positive().optional(),
  /** The chat identity the slot was booked for. */
  slotChatId: z.number().int().positive().optional(),
});
export type SendReminderPayload = z.infer<typeof sendReminderPayloadSchema>;

export const sendReminderJob = {
  name: 'send-reminder',
  queue: DELIVERY_QUEUE,
  schema: sendReminderPayloadSchema,
  /** Deterministic: one job per reminder and instant. BullMQ ids may not contain ":" nor be all digits. */
  jobId: (p: Pick<SendReminderPayload, 'reminderId' | 'plannedAt'>) => `rem-${p.reminderId}-${Date.parse(p.plannedAt)}`,
} as const;
