-- CreateIndex
CREATE INDEX "Reminder_chatIdentityId_status_plannedAt_idx" ON "Reminder"("chatIdentityId", "status", "plannedAt");

