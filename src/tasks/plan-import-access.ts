// Database side of "who may import plans through the chat" (permissions.ts mayImportPlans).
import { Prisma } from '../generated/prisma/client.ts';
import type { SqlRunner } from '../db/sql.ts';

/** The unit follows some plan's tasks (đơn vị theo dõi). */
export async function unitMonitorsPlans(sql: SqlRunner, unitId: number): Promise<boolean> {
  const [row] = await sql.rows<{ monitors: boolean }>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "TaskUnit" WHERE "unitId" = ${unitId} AND role = 'MONITOR') AS monitors`);
  return Boolean(row?.monitors);
}
