// The leader's overdue digest's section of explanations past their day (quá hạn giải trình):
// unanswered, on open tasks of the leader's units. Texts: locales/<lang>/overdue-explanations.ftl.
import { Prisma } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { UnitScope } from '../access/permissions.ts';
import { dbDateOf, formatDmy, isoOfDbDate } from '../status/tracking-status.ts';
import type { MessageContext } from './context.ts';
import { escapeHtml, truncate } from './html.ts';
import type { TranslateFn } from './i18n.ts';

/** Overdue explanations listed in one digest; the rest are counted. */
export const DIGEST_MAX_EXPLANATIONS = 30;
const DIGEST_TITLE_MAX = 80;

/** The section's heading and lines; none when nothing is overdue. */
export async function overdueExplanationLines(ctx: MessageContext, t: TranslateFn, scope: UnitScope, today: IsoDate): Promise<string[]> {
  const inScope = scope === 'all' ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "TaskUnit" tu WHERE tu."taskId" = t.id AND tu."unitId" = ANY(${[...scope]}::int[]))`;
  const rows = await ctx.prisma.$queryRaw<Array<{ code: string; title: string; by: string; dueOn: Date; total: number }>>`
    SELECT t.code, t.title, o.name AS by, e."dueOn", (count(*) OVER ())::int AS total
    FROM "ExplanationRequest" e JOIN "Task" t ON t.id = e."taskId" JOIN "Officer" o ON o.id = e."requesterId"
    WHERE e."answeredAt" IS NULL AND e."dueOn" < ${dbDateOf(today)}::date AND t.status NOT IN ('DONE', 'CANCELLED') AND ${inScope}
    ORDER BY e."dueOn", t.id
    LIMIT ${DIGEST_MAX_EXPLANATIONS}`;
  if (!rows.length) return [];
  const lines = rows.map((r) => t('digest-explanation-line', { code: escapeHtml(r.code), title: escapeHtml(truncate(r.title, DIGEST_TITLE_MAX)), by: escapeHtml(r.by), due: formatDmy(isoOfDbDate(r.dueOn)) }));
  const more = rows[0]!.total - rows.length;
  return [t('digest-overdue-explanations'), ...lines, ...(more > 0 ? [t('list-more', { count: String(more) })] : [])];
}
