-- An officer linked on Telegram and on Zalo chooses where reminders and notices go (set from
-- /settings on Telegram, "nhắc qua zalo" on Zalo). NULL keeps the rule before the choice: the
-- chat linked last. Never both: one chat is picked either way.
-- AlterTable
ALTER TABLE "Officer" ADD COLUMN "reminderChannel" "Channel";
