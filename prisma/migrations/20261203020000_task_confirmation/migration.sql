-- Confirmation (chờ xác nhận): with the plan's setting "requireConfirmation" on, an officer's
-- "done" on a task with a monitoring unit leaves the task open (IN_PROGRESS, 100%) with the
-- time of that report here, until the monitoring unit confirms it (DONE, completed at this
-- time) or returns it (cleared). Every query that tests status 'DONE' therefore counts a
-- waiting task as not done, which is what the statistics must do.
-- AlterTable
ALTER TABLE "Task" ADD COLUMN "confirmationPendingAt" TIMESTAMP(3);

-- A return is kept in the history as its own kind of report (by the monitoring officer, the
-- reason as its note): the task is in progress again from then, and the officer who answered
-- last is still the one who did the work.
-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'RETURNED';
