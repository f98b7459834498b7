// A notice (tasks/notices.ts) as the message its recipient reads, composed from the ids in its
// payload when it is sent: the state as it is then, in the recipient's language. Undefined when
// its reason is gone (the request already decided or answered, the result no longer waiting, the
// gift replaced) or the recipient may no longer see the task: the sender cancels it then.
// Composing reads only; it never writes.
import type { OutgoingMessage } from '../channels/types.ts';
import { parseNotice, type NoticeRow } from '../tasks/notices.ts';
import { evidenceWhileWaiting } from '../tasks/evidence-waiting.ts';
import { confirmationCard, confirmedNotice, returnedNotice } from './confirmation-card.ts';
import type { MessageContext } from './context.ts';
import { evidenceNotice } from './evidence-notice.ts';
import { explanationAnswered, explanationAsked } from './explanation-notice.ts';
import { extensionAsk, extensionDecided } from './extension-notice.ts';
import { giverNotice, holderNotice } from './pass-down-notice.ts';

export async function composeNotice(ctx: MessageContext, notice: Pick<NoticeRow, 'kind' | 'payload' | 'recipientOfficerId'>, now: Date): Promise<OutgoingMessage | undefined> {
  const p = parseNotice(notice);
  const to = notice.recipientOfficerId;
  switch (p.kind) {
    case 'extension-asked':
      return extensionAsk(ctx, p.requestId, to, now);
    case 'extension-decided':
      return extensionDecided(ctx, p.requestId, to, now);
    case 'explanation-asked':
      return explanationAsked(ctx, p.requestId, to, now);
    case 'explanation-answered':
      return explanationAnswered(ctx, p.requestId, to, now);
    case 'confirmation-asked':
      return confirmationCard(ctx, to, p.taskId, now, p.reportId);
    case 'confirmation-confirmed':
      return confirmedNotice(ctx, p, to, now);
    case 'confirmation-returned':
      return returnedNotice(ctx, p, to, now);
    case 'evidence-added': {
      const waiting = await evidenceWhileWaiting(ctx.prisma, p.evidenceId);
      return waiting ? evidenceNotice(ctx, to, waiting, now) : undefined;
    }
    case 'pass-down-given':
      return holderNotice(ctx, p.assignmentId, to, now);
    case 'pass-down-answer':
    case 'pass-down-extension': {
      const { kind: _kind, ...event } = p;
      return giverNotice(ctx, to, event, now);
    }
  }
}
