// The migrated database matches prisma/schema.prisma: every model is written and
// read back through the generated client, relations and unique keys included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('every model through the generated client', () => {
  it('writes and reads the whole graph of a plan, its people and its reminders', async () => {
    const p = db.prisma;
    const office = await p.unit.create({
      data: {
        name: 'Văn phòng - Thống kê',
        normalizedName: 'van phong - thong ke',
        kind: 'DIVISION',
        aliases: { create: [{ alias: 'Văn phòng-Thống kê', normalizedName: 'van phong-thong ke' }] },
      },
      include: { aliases: true },
    });
    expect(office.aliases).toHaveLength(1);
    const commune = await p.unit.create({ data: { name: 'UBND xã Tây Xuân', normalizedName: 'ubnd xa tay xuan', kind: 'COMMUNE_PEOPLE_COMMITTEE' } });
    await p.unit.update({ where: { id: office.id }, data: { parentId: commune.id } });

    const leader = await p.officer.create({ data: { name: 'Trần Thị B', unitId: office.id, role: 'LEADER' } });
    const officer = await p.officer.create({
      data: {
        name: 'Nguyễn Văn A',
        unitId: office.id,
        language: 'en',
        chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: '9007199254740993', username: 'nva' }] },
        inviteCodes: { create: [{ codeHash: 'h'.repeat(64), expiresAt: new Date('2030-01-01T00:00:00Z') }] },
      },
      include: { chatIdentities: true, inviteCodes: true },
    });
    // Telegram ids exceed 2^53: stored as text, read back exactly.
    expect(officer.chatIdentities[0]!.externalId).toBe('9007199254740993');

    const plan = await p.plan.create({
      data: {
        kind: 'KE_HOACH',
        number: '45/KH-UBND',
        issuer: 'UBND xã Tây Xuân',
        issuedOn: new Date('2024-03-01'),
        title: 'Kế hoạch nâng cao chỉ số PAPI, SIPAS, PAR INDEX năm 2024',
        periodFrom: new Date('2024-01-01'),
        periodTo: new Date('2024-12-31'),
        periodRaw: 'năm 2024',
        sourceFileName: 'tay-xuan.txt',
        sourceHash: 'a'.repeat(64),
        settings: { reportDay: 14 },
      },
    });
    const group = await p.task.create({
      data: { planId: plan.id, code: 'I', path: 'I', isGroup: true, ordinal: 1, title: 'Chỉ số PAPI' },
    });
    const task = await p.task.create({
      data: {
        planId: plan.id,
        parentId: group.id,
        code: '1.2',
        path: 'I/1.2',
        ordinal: 2,
        title: 'Công khai, minh bạch',
        target: '100%',
        actions: 'Niêm yết công khai',
        extra: { 'Ghi chú': 'x' },
        deadlineRaw: 'Trước ngày 30/11/2024',
        schedule: { kind: 'once', due: '2024-11-29' },
        due: new Date('2024-11-29'),
        units: { create: [{ unitId: office.id, role: 'LEAD' }, { unitId: commune.id, role: 'MONITOR', inherited: true }] },
      },
    });
    await expect(
      p.task.create({ data: { planId: plan.id, code: '1.2', path: 'I/1.2', ordinal: 3, title: 'dup' } }),
    ).rejects.toThrow(Prisma.PrismaClientKnownRequestError);

    const report = await p.statusReport.create({
      data: {
        taskId: task.id,
        officerId: officer.id,
        status: 'IN_PROGRESS',
        progress: 50,
        note: '<b>not bold</b>',
        evidence: { create: [{ kind: 'LINK', reference: 'https://example.gov.vn/bao-cao' }] },
      },
      include: { evidence: true },
    });
    expect(report.evidence[0]!.kind).toBe('LINK');

    const extension = await p.extensionRequest.create({
      data: { taskId: task.id, requesterId: officer.id, currentDue: new Date('2024-11-29'), proposedDue: new Date('2024-12-20'), reason: 'chờ kinh phí' },
    });
    await p.extensionRequest.update({ where: { id: extension.id }, data: { status: 'APPROVED', deciderId: leader.id, decidedAt: new Date() } });

    const reminder = await p.reminder.create({
      data: {
        deliveryKey: `t${task.id}:2024-11-29:before-due-3:o${officer.id}`,
        taskId: task.id,
        officerId: officer.id,
        chatIdentityId: officer.chatIdentities[0]!.id,
        occurrenceDue: new Date('2024-11-29'),
        kind: 'before-due',
        plannedAt: new Date('2024-11-26T01:00:00Z'),
      },
    });
    await expect(
      p.reminder.create({ data: { deliveryKey: reminder.deliveryKey, taskId: task.id, officerId: officer.id, kind: 'x', plannedAt: new Date() } }),
    ).rejects.toThrow(/Unique constraint/);

    await p.reminderPolicyOverride.create({ data: { planId: plan.id, settings: { overdueEveryWorkingDays: 3 } } });
    await p.reminderPolicyOverride.create({ data: { unitId: office.id, settings: { beforeDue: [5, 1] } } });

    const subscription = await p.chatSubscription.create({
      data: { channel: 'TELEGRAM', chatId: '-1001234567890', title: 'Nhóm CCHC', createdById: leader.id, units: { create: [{ unitId: office.id }] } },
      include: { units: true },
    });
    expect(subscription.units).toHaveLength(1);

    await p.processedUpdate.create({ data: { channel: 'TELEGRAM', updateId: 123456789012n } });
    await expect(p.processedUpdate.create({ data: { channel: 'TELEGRAM', updateId: 123456789012n } })).rejects.toThrow();

    await p.auditLog.create({ data: { actor: String(officer.id), action: 'report', entityType: 'Task', entityId: String(task.id), data: { status: 'IN_PROGRESS' } } });

    // Read the graph back in one query.
    const loaded = await p.task.findUniqueOrThrow({
      where: { planId_path: { planId: plan.id, path: 'I/1.2' } },
      include: {
        plan: true,
        parent: true,
        units: { include: { unit: true }, orderBy: { role: 'asc' } },
        reports: { include: { evidence: true, officer: true } },
        extensions: { include: { decider: true } },
        reminders: { include: { chatIdentity: true } },
      },
    });
    expect(loaded.plan.issuedOn?.toISOString().slice(0, 10)).toBe('2024-03-01');
    expect(loaded.due?.toISOString().slice(0, 10)).toBe('2024-11-29');
    expect(loaded.parent?.code).toBe('I');
    expect(loaded.units.map((u) => [u.role, u.unit.name])).toEqual([
      ['MONITOR', 'UBND xã Tây Xuân'],
      ['LEAD', 'Văn phòng - Thống kê'],
    ]);
    expect(loaded.reports[0]!.note).toBe('<b>not bold</b>');
    expect(loaded.extensions[0]!.decider?.name).toBe('Trần Thị B');
    expect(loaded.reminders[0]!.status).toBe('PENDING');
    expect(loaded.schedule).toEqual({ kind: 'once', due: '2024-11-29' });
    expect(loaded.extra).toEqual({ 'Ghi chú': 'x' });

    const counts = await Promise.all([
      p.unit.count(), p.unitAlias.count(), p.officer.count(), p.chatIdentity.count(), p.inviteCode.count(),
      p.plan.count(), p.task.count(), p.taskUnit.count(), p.statusReport.count(), p.evidence.count(),
      p.extensionRequest.count(), p.reminder.count(), p.reminderPolicyOverride.count(), p.chatSubscription.count(),
      p.chatSubscriptionUnit.count(), p.processedUpdate.count(), p.auditLog.count(),
    ]);
    expect(counts).toEqual([2, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1]);
  });

  it('finds due reminders and open tasks by unit through their indexes', async () => {
    const plans = await db.prisma.$queryRawUnsafe<Array<{ indexname: string }>>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('Reminder_status_plannedAt_idx', 'TaskUnit_unitId_role_idx', 'Task_status_due_idx')`,
    );
    expect(plans.map((r) => r.indexname).sort()).toEqual(['Reminder_status_plannedAt_idx', 'TaskUnit_unitId_role_idx', 'Task_status_due_idx']);
  });
});
