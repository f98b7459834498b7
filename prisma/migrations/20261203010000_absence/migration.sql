-- An officer's absence (nghỉ phép, công tác): while it lasts, reminders go to the delegate
-- named (ủy quyền) or to the unit's other officers.
-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "officerId" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "delegateId" INTEGER,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_officerId_toDate_idx" ON "Absence"("officerId", "toDate");

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Officer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
