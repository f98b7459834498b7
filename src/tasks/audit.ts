// Append-only audit entries, written in the same transaction as the change they describe.
import type { Prisma } from '../generated/prisma/client.ts';

export async function audit(
  tx: Prisma.TransactionClient,
  entry: { actor: string; action: string; entityType: string; entityId?: string | number; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      ...(entry.entityId === undefined ? {} : { entityId: String(entry.entityId) }),
      data: entry.data ?? {},
    },
  });
}
