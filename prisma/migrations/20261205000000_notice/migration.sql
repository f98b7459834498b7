-- Notices (an extension asked or decided, an explanation demanded or given, a result to confirm
-- or returned, evidence for a waiting result, a task passed down) as an outbox: written in the
-- transaction of the action they announce, one row per recipient, then sent by a send-notice
-- job that claims the row (PENDING -> CLAIMED), composes the message from the payload's ids and
-- records SENT. Reconcile queues the rows whose job was lost.
-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "recipientOfficerId" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "claimExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "channelMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_key_key" ON "Notice"("key");

-- CreateIndex
CREATE INDEX "Notice_status_idx" ON "Notice"("status");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_recipientOfficerId_fkey" FOREIGN KEY ("recipientOfficerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
