-- A leader's demand for an explanation (yêu cầu giải trình) of an overdue task, and the
-- answer of the responsible unit.
-- CreateTable
CREATE TABLE "ExplanationRequest" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "note" TEXT,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplanationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExplanationRequest_taskId_answeredAt_idx" ON "ExplanationRequest"("taskId", "answeredAt");

-- AddForeignKey
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
