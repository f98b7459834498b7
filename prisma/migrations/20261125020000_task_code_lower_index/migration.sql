-- Text replies find a task by its code whatever the case ("xong 1.2", "XONG II.1"), on every
-- reply. Without this, each one read the whole Task table. An expression index, which
-- Prisma's schema language cannot describe: it lives in this migration only.
CREATE INDEX "Task_lower_code_idx" ON "Task" (lower("code"));
