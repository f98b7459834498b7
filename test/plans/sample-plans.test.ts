// The four sample plans import to the task counts made by hand, and a handful
// of tasks come out right field by field.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFile, type ParsedPlanFile } from '../../src/plans/import-plan.ts';
import type { ImportedRow } from '../../src/plans/parse-plan.ts';
import { SAMPLE_FILES, sampleBytes, type SampleName } from './samples.ts';

const parsed = {} as Record<SampleName, ParsedPlanFile>;

beforeAll(async () => {
  for (const name of Object.keys(SAMPLE_FILES) as SampleName[]) parsed[name] = await parsePlanFile(SAMPLE_FILES[name], sampleBytes(name));
});

function task(name: SampleName, path: string): ImportedRow {
  const found = parsed[name].tasks.find((t) => t.path === path);
  if (!found) throw new Error(`no task ${path} in ${name}`);
  return found;
}

describe('task counts (leaves of the appendix tables, continuation rows merged)', () => {
  it('Tây Xuân PAPI/SIPAS/PAR plan: 35 tasks', () => {
    // Counted by hand in the PHỤ LỤC table (lines 150-231):
    // I  PAPI:      1.1-1.4 (4), 2.1-2.4 (4), 3.1-3.3 (3), 4.1-4.2 (2), 5.1-5.3 (3) = 16
    // II SIPAS:     1.1-1.4 (4), 2.1-2.5 (5)                                       =  9
    // III PAR INDEX: 1-10, no children                                            = 10
    // Lines 164, 169, 176, 186, 189, 203, 206, 211, 219, 231 are page-break continuations.
    // The score table at lines 35-44 (Kết quả năm 2023 / Chỉ tiêu năm 2024) holds no tasks.
    expect(parsed.tayXuan.tasks).toHaveLength(35);
    expect(parsed.tayXuan.groups.map((g) => g.path)).toEqual(['I', 'I/1', 'I/2', 'I/3', 'I/4', 'I/5', 'II', 'II/1', 'II/2', 'III']);
  });

  it('Tam Quan Bắc plan: 48 tasks', () => {
    // 1: 1.1-1.7 (7); 2: 2.1.1-2.1.2, 2.2.1-2.2.2, 2.3 (5); 3: 3.1, 3.2.1-3, 3.3.1-3, 3.4.1-2 (9);
    // 4: 4.1, 4.2, 4.3.1-3 (5); 5: 5.1-5.3 (3); 6: 6.1.1-3, 6.2.1-2 (5);
    // 7: 7.1.1-2, 7.2.1-3, 7.3.1-4 (9); 8: 8.1.1-2, 8.2.1-2, 8.3 (5).  7+5+9+5+3+5+9+5 = 48
    expect(parsed.tamQuanBac.tasks).toHaveLength(48);
    expect(parsed.tamQuanBac.groups).toHaveLength(21);
  });

  it('Đồng Nai plan 336/KH-UBND: 250 tasks in 24 appendices', () => {
    // Per appendix (leaves): the score tables of section II are not task tables; tasks start at PHỤ LỤC 1.
    // 15 of them have no STT: 13 content rows right under an index line (11 "100% các nhiệm vụ CCHC
    // có liên quan ..." rows, "Cơ sở hạ tầng căn bản" under PL7/I, the two rows of PL18) and the row
    // at line 2272 whose STT "10" was lost.
    expect(parsed.dongNai.tasks).toHaveLength(250);
    expect(parsed.dongNai.plan.tables).toBe(24);
    const unnumbered = parsed.dongNai.tasks.filter((t) => t.code === '');
    expect(unnumbered).toHaveLength(15);
    const perAppendix = new Map<string, number>();
    for (const t of parsed.dongNai.tasks) perAppendix.set(t.path.split('/')[0]!, (perAppendix.get(t.path.split('/')[0]!) ?? 0) + 1);
    expect(perAppendix.size).toBe(24);
    expect(perAppendix.get('PL1')).toBe(22); // I: 3, II: 3, III: 14, IV: 2
    expect(perAppendix.get('PL20')).toBe(1);
  });

  it('Tây Xuân Phụ lục 1: 17 tasks', () => {
    // 1.1-1.4 (4), 2 (1), 3.1-3.2 (2), 4 (1), 5.1-5.2 (2), the six "- ..." sub-indicators of 5.3 (6), 5.4 (1)
    // = 17; 1, 3, 5 and 5.3 are groups. Line 31, after a repeated header, is the third sub-indicator.
    expect(parsed.phuLuc1.tasks).toHaveLength(17);
    expect(parsed.phuLuc1.groups.map((g) => g.path)).toEqual(['1', '3', '5', '5.3']);
  });
});

describe('tasks field by field', () => {
  it('a cell running over three pages is one task (Tây Xuân PAPI 5.3, lines 183, 186, 189)', () => {
    const t = task('tayXuan', 'I/5.3');
    expect(t.code).toBe('5.3');
    expect(t.title).toBe('Dịch vụ hành chính cấp xã');
    expect(t.target).toBe('Nâng cao chất lượng dịch vụ hành chính cấp xã');
    expect(t.actions).toContain('tự kiểm tra và đánh giá thực chất về thái độ ứng xử, kỹ năng hướng dẫn');
    expect(t.actions).toMatch(/Quyết định số 72\/2020\/QĐ-UBND ngày 20\/11\/2020 \(được sửa đổi bổ sung tại khoản 4/);
    expect(t.actions).toMatch(/của UBND tỉnh\.$/);
    expect(t.line).toBe(183);
  });

  it('a paragraph cut by a page break is joined (Tây Xuân PAPI 2.2, lines 161 and 164)', () => {
    expect(task('tayXuan', 'I/2.2').actions).toContain('chuẩn nghèo ở đô thị và nông thôn trên địa bàn tỉnh');
  });

  it('a group deadline bounds its children; the child keeps its own raw text (SIPAS, "Trước ngày 30/11/2024")', () => {
    const t = task('tayXuan', 'II/2.1');
    expect(t.deadline.raw).toBe('Thường xuyên');
    expect(t.deadline.kind).toBe('ongoing');
    expect(t.deadline.limit).toEqual({ raw: 'Trước ngày 30/11/2024', due: '2024-11-29', path: 'II/2' });
    expect(t.deadline).toMatchObject({ until: '2024-11-29' });
    expect(task('tayXuan', 'III/7').deadline).toMatchObject({ raw: '31/12/2024', kind: 'once', due: '2024-12-31' });
  });

  it('inline bullets and HTML fragments become lines', () => {
    expect(task('tayXuan', 'I/1.1').actions).toBe(
      '- Tuyên truyền, phổ biến và thực hiện đầy đủ các quy định của Luật thực hiện dân chủ ở cơ sở năm 2022.\n- Thông tin cụ thể cho người dân biết về vị trí lãnh đạo, chính sách hiện hành.',
    );
    expect(task('tayXuan', 'III/9').target).toBe(
      '- Xử lý văn bản, hồ sơ công việc hoàn toàn trên môi trường mạng\n- Gửi, nhận văn bản điện tử qua hệ thống văn phòng điện tử',
    );
  });

  it('blank template fields ("Số: /KH-UBND", "ngày tháng năm 2024") are null, each with a warning naming its line', () => {
    expect(parsed.tayXuan.plan).toMatchObject({ number: null, issuedOn: null, issueYear: 2024 });
    const blanks = parsed.tayXuan.warnings.filter((w) => /left blank/.test(w.message));
    expect(blanks.map((w) => w.line)).toEqual([3, 5]);
    expect(blanks[0]!.message).toContain('"Số: /KH-UBND"');
    expect(blanks[1]!.message).toContain('issue date is left blank');
    expect(parsed.dongNai.warnings.filter((w) => /left blank/.test(w.message))).toEqual([]);
  });

  it('a table without unit columns takes the unit from the appendix title (the issuing commune)', () => {
    expect(parsed.tayXuan.plan).toMatchObject({ kind: 'ke-hoach', number: null, issuer: 'Ủy ban nhân dân xã Tây Xuân', issuedOn: null, place: 'Tây Xuân' });
    expect(task('tayXuan', 'I/1.1').units).toEqual({ monitor: [], lead: [], coordinate: [], execute: ['Ủy ban nhân dân xã Tây Xuân'] });
  });

  it('Tam Quan Bắc: two-row header, roles per column, monitor inherited from the parent row', () => {
    const t = task('tamQuanBac', '2.1.1');
    expect(t.title).toBe('Thực hiện các hoạt động về TĐTHPL');
    expect(t.units).toEqual({ monitor: ['Tư pháp - Hộ tịch'], lead: ['Tư pháp - Hộ tịch'], coordinate: ['Các ngành liên quan'], execute: [] });
    expect(t.inheritedRoles).toEqual(['monitor']);
    // 32 leaves have an empty "Cơ quan theo dõi" cell; 30 inherit it, 8.1.1, 8.1.2 have a parent without one either.
    const emptyOwnMonitor = parsed.tamQuanBac.tasks.filter((x) => x.inheritedRoles.includes('monitor') || x.units.monitor.length === 0);
    expect(emptyOwnMonitor).toHaveLength(32);
    // "Văn phòng- Thống kê", "Văn phòng-Thống kê": one unit.
    expect(task('tamQuanBac', '1.1').units.monitor).toEqual(task('tamQuanBac', '1.5').units.monitor);
  });

  it('Tam Quan Bắc: a title continued after a page break; deadlines derived from the period', () => {
    const t = task('tamQuanBac', '7.1.2');
    expect(t.title).toMatch(/Quyết định số 1253\/QĐ-UBND ngày 18\/4\/2022 của UBND tỉnh$/);
    expect(t.deadline).toMatchObject({ raw: 'năm 2023 và các năm tiếp theo', derived: true, kind: 'recurring', cadence: 'yearly', from: '2023-01-01' });
    expect(parsed.tamQuanBac.plan).toMatchObject({ kind: 'quyet-dinh', number: null, issuer: 'Ủy ban nhân dân phường Tam Quan Bắc', period: { from: '2023-01-01', to: null } });
  });

  it('Đồng Nai: metadata, appendix unit as monitor, past deadline kept as written', () => {
    expect(parsed.dongNai.plan).toMatchObject({
      kind: 'ke-hoach',
      number: '336/KH-UBND',
      issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai',
      issuedOn: '2024-10-15',
      place: 'Đồng Nai',
    });
    const t = task('dongNai', 'PL1/III/3');
    expect(t.title).toBe('Công tác kiểm tra CCHC');
    expect(t.deadline).toMatchObject({ raw: '30/9/2024', kind: 'once', due: '2024-09-30' });
    expect(t.units.monitor).toEqual(['Sở Nội vụ']);
    expect(t.actions?.split('\n')).toHaveLength(2);
    expect(task('dongNai', 'PL23/I/1.1').units.execute).toEqual(['Ủy ban nhân dân các huyện, thành phố']);
    expect(task('dongNai', 'PL19/I/#1').units.monitor).toEqual(['Cục Thuế tỉnh']);
  });

  it('Đồng Nai: the row whose STT was lost (line 2272) and content under an index line are tasks', () => {
    const lost = task('dongNai', 'PL24/III/#1');
    expect(lost.title).toBe('Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức');
    expect(lost.line).toBe(2272);
    expect(lost.actions).not.toContain('Nguồn tra cứu');
    const under = task('dongNai', 'PL15/II/#1');
    expect(under.target).toBe('100% các nhiệm vụ CCHC có liên quan được hoàn thành đảm bảo về nội dung và thời gian quy định');
    expect(under.deadline.raw).toBe('Thường xuyên');
    expect(task('dongNai', 'PL7/I/#1').title).toBe('Cơ sở hạ tầng căn bản');
  });

  it('Phụ lục 1: sub-indicators with their own targets, one across a page break', () => {
    const items = parsed.phuLuc1.tasks.filter((t) => t.parent === '5.3');
    expect(items.map((t) => t.target)).toEqual(['100%', '60%', '60%', '100%', '100%', '100%']);
    expect(items[2]!.title).toBe('Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công');
    expect(items[2]!.units).toEqual({ monitor: ['Văn phòng UBND xã'], lead: [], coordinate: [], execute: ['Các ban, ngành UBND xã'] });
    // "Tư pháp -Hộ tịch xã" and "Tư pháp - Hộ tịch xã" are one unit.
    expect(task('phuLuc1', '5.4').units.execute).toEqual(task('phuLuc1', '2').units.monitor);
    expect(task('phuLuc1', '2').deadline).toMatchObject({ raw: 'NĂM 2024', derived: true, kind: 'once', due: '2024-12-31' });
  });
});
