// Bad input named precisely: which file, which line or part, what is wrong.

export class PlanInputError extends Error {
  override name = 'PlanInputError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where?: { line?: number; field?: string },
  ) {
    const at = where?.line !== undefined ? `: line ${where.line}` : where?.field ? `: ${where.field}` : '';
    super(`${file}${at}: ${detail}`);
  }
}
