// What every outgoing message is composed with: the database, the texts, the working calendar
// and the channel's length limit. Built once by createComposer; each message kind's module
// takes it as its first argument.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { OutgoingMessage } from '../channels/types.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { renderPng } from '../reports/charts/render-png.ts';
import type { RenderSvg } from '../reports/charts/unit-progress.ts';
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';
import { translator, type Translator } from './i18n.ts';
import type { RenderEnv } from './render.ts';

export interface ComposerDeps {
  prisma: PrismaClient;
  i18n: Translator;
  calendar: WorkingCalendar;
  timeZone: string;
  /** Message length limit of the channel (Telegram 4,096; Zalo 2,000). */
  messageLimit?: number;
  /** SVG to PNG for the charts (resvg by default); null sends no charts. */
  renderChart?: RenderSvg | null;
}

export interface MessageContext {
  prisma: PrismaClient;
  calendar: WorkingCalendar;
  messageLimit: number;
  renderChart: RenderSvg | null;
  dateOf(d: Date): IsoDate;
  /** Texts in the reader's language and today's date in the working calendar. */
  env(locale: string, now: Date): RenderEnv;
  /** HTML cut at line boundaries into messages the channel takes. */
  split(html: string): OutgoingMessage[];
}

export function messageContext({ prisma, i18n, calendar, messageLimit = TELEGRAM_MESSAGE_LIMIT, renderChart = renderPng }: ComposerDeps): MessageContext {
  return {
    prisma,
    calendar,
    messageLimit,
    renderChart,
    dateOf: (d) => calendar.dateOf(d),
    env: (locale, now) => ({ t: translator(i18n, locale), calendar, today: calendar.dateOf(now) }),
    split: (html) => splitMessage(html, messageLimit).map((part) => ({ html: part })),
  };
}
