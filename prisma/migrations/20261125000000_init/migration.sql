-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PROVINCE_PEOPLE_COMMITTEE', 'DEPARTMENT', 'DISTRICT_PEOPLE_COMMITTEE', 'DIVISION', 'COMMUNE_PEOPLE_COMMITTEE', 'OTHER');

-- CreateEnum
CREATE TYPE "OfficerRole" AS ENUM ('OFFICER', 'LEADER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('vi', 'en');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'ZALO');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('KE_HOACH', 'QUYET_DINH', 'PHU_LUC', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskRole" AS ENUM ('MONITOR', 'LEAD', 'COORDINATE', 'EXECUTE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DONE', 'IN_PROGRESS', 'BLOCKED', 'EXTENSION_REQUESTED', 'SNOOZED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('DOCUMENT', 'PHOTO', 'LINK');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PENDING', 'CLAIMED', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL DEFAULT 'OTHER',
    "parentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitAlias" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,

    CONSTRAINT "UnitAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "OfficerRole" NOT NULL DEFAULT 'OFFICER',
    "language" "Language" NOT NULL DEFAULT 'vi',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "snoozeHours" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" SERIAL NOT NULL,
    "officerId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "username" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),
    "deactivationReason" TEXT,
    "deactivationReportedAt" TIMESTAMP(3),

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteCode" (
    "id" SERIAL NOT NULL,
    "codeHash" TEXT NOT NULL,
    "officerId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InviteCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "number" TEXT,
    "issuer" TEXT,
    "issuerUnitId" INTEGER,
    "place" TEXT,
    "issuedOn" DATE,
    "title" TEXT NOT NULL,
    "periodFrom" DATE,
    "periodTo" DATE,
    "periodRaw" TEXT,
    "sourceFileName" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "code" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "isGroup" BOOLEAN NOT NULL DEFAULT false,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "target" TEXT,
    "actions" TEXT,
    "extra" JSONB NOT NULL DEFAULT '{}',
    "deadlineRaw" TEXT,
    "deadlineDerived" BOOLEAN NOT NULL DEFAULT false,
    "schedule" JSONB NOT NULL DEFAULT '{}',
    "due" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskUnit" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "TaskRole" NOT NULL,
    "inherited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TaskUnit_pkey" PRIMARY KEY ("taskId","unitId","role")
);

-- CreateTable
CREATE TABLE "StatusReport" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "officerId" INTEGER NOT NULL,
    "occurrenceDue" DATE,
    "status" "ReportStatus" NOT NULL,
    "progress" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "currentDue" DATE,
    "proposedDue" DATE NOT NULL,
    "reason" TEXT,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "deciderId" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "officerId" INTEGER NOT NULL,
    "chatIdentityId" INTEGER,
    "occurrenceDue" DATE,
    "kind" TEXT NOT NULL,
    "plannedAt" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "claimExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "channelMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderPolicyOverride" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER,
    "unitId" INTEGER,
    "settings" JSONB NOT NULL,

    CONSTRAINT "ReminderPolicyOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatSubscription" (
    "id" SERIAL NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "weeklySummary" BOOLEAN NOT NULL DEFAULT true,
    "overdueDigest" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatSubscriptionUnit" (
    "subscriptionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "ChatSubscriptionUnit_pkey" PRIMARY KEY ("subscriptionId","unitId")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "channel" "Channel" NOT NULL,
    "updateId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("channel","updateId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_normalizedName_key" ON "Unit"("normalizedName");

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_normalizedName_key" ON "UnitAlias"("normalizedName");

-- CreateIndex
CREATE INDEX "UnitAlias_unitId_idx" ON "UnitAlias"("unitId");

-- CreateIndex
CREATE INDEX "Officer_unitId_active_idx" ON "Officer"("unitId", "active");

-- CreateIndex
CREATE INDEX "ChatIdentity_officerId_active_idx" ON "ChatIdentity"("officerId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_channel_externalId_key" ON "ChatIdentity"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "InviteCode_codeHash_key" ON "InviteCode"("codeHash");

-- CreateIndex
CREATE INDEX "InviteCode_officerId_idx" ON "InviteCode"("officerId");

-- CreateIndex
CREATE INDEX "Plan_sourceHash_idx" ON "Plan"("sourceHash");

-- CreateIndex
CREATE INDEX "Plan_number_idx" ON "Plan"("number");

-- CreateIndex
CREATE INDEX "Task_parentId_idx" ON "Task"("parentId");

-- CreateIndex
CREATE INDEX "Task_status_due_idx" ON "Task"("status", "due");

-- CreateIndex
CREATE UNIQUE INDEX "Task_planId_path_key" ON "Task"("planId", "path");

-- CreateIndex
CREATE INDEX "TaskUnit_unitId_role_idx" ON "TaskUnit"("unitId", "role");

-- CreateIndex
CREATE INDEX "StatusReport_taskId_createdAt_idx" ON "StatusReport"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusReport_officerId_createdAt_idx" ON "StatusReport"("officerId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_reportId_idx" ON "Evidence"("reportId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_taskId_status_idx" ON "ExtensionRequest"("taskId", "status");

-- CreateIndex
CREATE INDEX "ExtensionRequest_status_createdAt_idx" ON "ExtensionRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_deliveryKey_key" ON "Reminder"("deliveryKey");

-- CreateIndex
CREATE INDEX "Reminder_status_plannedAt_idx" ON "Reminder"("status", "plannedAt");

-- CreateIndex
CREATE INDEX "Reminder_taskId_status_idx" ON "Reminder"("taskId", "status");

-- CreateIndex
CREATE INDEX "Reminder_officerId_status_idx" ON "Reminder"("officerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPolicyOverride_planId_unitId_key" ON "ReminderPolicyOverride"("planId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatSubscription_channel_chatId_key" ON "ChatSubscription"("channel", "chatId");

-- CreateIndex
CREATE INDEX "ChatSubscriptionUnit_unitId_idx" ON "ChatSubscriptionUnit"("unitId");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_createdAt_idx" ON "ProcessedUpdate"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAlias" ADD CONSTRAINT "UnitAlias_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InviteCode" ADD CONSTRAINT "InviteCode_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUnit" ADD CONSTRAINT "TaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUnit" ADD CONSTRAINT "TaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "StatusReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_chatIdentityId_fkey" FOREIGN KEY ("chatIdentityId") REFERENCES "ChatIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPolicyOverride" ADD CONSTRAINT "ReminderPolicyOverride_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPolicyOverride" ADD CONSTRAINT "ReminderPolicyOverride_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSubscription" ADD CONSTRAINT "ChatSubscription_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSubscriptionUnit" ADD CONSTRAINT "ChatSubscriptionUnit_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "ChatSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSubscriptionUnit" ADD CONSTRAINT "ChatSubscriptionUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AuditLog is append-only: refuse UPDATE and DELETE at the database, not just in code.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
