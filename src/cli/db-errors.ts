// A database that is missing, not migrated or not running is the first thing a new
// clerk meets: say so in one line and point to `npm run db:migrate`, not a Prisma trace.

export interface DbProblem {
  /** not-ready: the database or its tables are missing (migrate); unreachable: no server answers. */
  kind: 'not-ready' | 'unreachable';
  detail: string;
}

interface AdapterCause {
  originalCode?: string;
  originalMessage?: string;
  kind?: string;
  db?: string;
  table?: string;
  host?: string;
  port?: number;
}

const NOT_READY_PRISMA = new Set(['P1003', 'P2021', 'P2022']);
const NOT_READY_PG = new Set(['3D000', '42P01', '42703', '42704']);
const UNREACHABLE_NODE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

export function databaseProblem(err: unknown): DbProblem | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } }; message?: unknown; cause?: unknown };
  const cause = e.meta?.driverAdapterError?.cause;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (cause?.kind === 'DatabaseNotReachable' || code === 'P1001' || (code && UNREACHABLE_NODE.has(code))) {
    return { kind: 'unreachable', detail: cause?.host ? `${cause.host}:${cause.port ?? ''}` : (code ?? 'no answer') };
  }
  if ((code && (NOT_READY_PRISMA.has(code) || NOT_READY_PG.has(code))) || (cause?.originalCode && NOT_READY_PG.has(cause.originalCode))) {
    return { kind: 'not-ready', detail: cause?.originalMessage ?? (typeof e.message === 'string' ? e.message.split('\n').filter(Boolean).at(-1)! : code!) };
  }
  // pg wraps some errors (an AggregateError of refused connections to ::1 and 127.0.0.1).
  if (e.cause && e.cause !== err) return databaseProblem(e.cause);
  const inner = (err as { errors?: unknown[] }).errors;
  if (Array.isArray(inner) && inner.length) return databaseProblem(inner[0]);
  return undefined;
}

/** One line for a note: the problem's detail, else the error's last line. */
export function shortDbError(err: unknown): string {
  const problem = databaseProblem(err);
  if (problem) return problem.detail;
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? text;
}
