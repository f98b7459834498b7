// A refused unit change, worded for the clerk: what is wrong, and for a name that
// matched nothing, the likeliest units ("did you mean …?") and how to add it.
import type { TranslateFn } from '../messages/i18n.ts';
import { UnitError } from '../tasks/units.ts';
import { InputError } from './command.ts';

export function unitErrorText(err: UnitError, t: TranslateFn): string {
  const v = { unit: err.values.unit ?? '', other: err.values.other ?? '' };
  if (err.code !== 'not-found') return t(`cli-unit-${err.code}`, v);
  const suggestions = err.values.suggestions ?? [];
  return [
    t('cli-unit-not-found', v),
    suggestions.length ? t('cli-did-you-mean', { names: suggestions.map((s) => `"${s}"`).join(', ') }) : t('cli-unit-not-found-hint', v),
  ].join('. ');
}

/** Runs a step that may refuse a unit, turning the refusal into the CLI's bad-input error (exit 2). */
export async function withUnitErrors<T>(t: TranslateFn, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof UnitError) throw new InputError(unitErrorText(err, t));
    throw err;
  }
}
