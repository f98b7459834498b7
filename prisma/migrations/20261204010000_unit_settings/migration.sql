-- A unit's settings. "requireConfirmation": true makes the unit, as the monitoring unit (MONITOR)
-- of a task, confirm every "done" on that task, whatever the plan's own setting says (the plan's
-- setting OR the monitoring unit's).
-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "settings" JSONB NOT NULL DEFAULT '{}';
