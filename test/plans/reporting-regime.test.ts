// Which periodic reports a plan asks for, from sentences as plans write them and from the
// sample plans: periods with their due day where written; "quy định" and "năm 2024" are not periods.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportingRegime } from '../../src/plans/reporting-regime.ts';

const sample = (name: string) => readFileSync(new URL(`../../../shared/plans/${name}`, import.meta.url), 'utf8').split('\n');

describe('reportingRegime', () => {
  it.each([
    ['Các đơn vị báo cáo định kỳ 6 tháng trước ngày 15/6 và năm trước ngày 15/12.', [{ period: '6T', due: '06-15' }, { period: 'year', due: '12-15' }]],
    ['Báo cáo 6 tháng gửi trước ngày 10 tháng 6 năm 2024; báo cáo năm chậm nhất ngày 05/12.', [{ period: '6T', due: '06-10' }, { period: 'year', due: '12-05' }]],
    ['Tổng hợp báo cáo CCHC Quý I, 6 tháng, Quý III và báo cáo năm.', [{ period: 'Q1' }, { period: 'Q3' }, { period: '6T' }, { period: 'year' }]],
    ['- Hàng quý, 06 tháng, cuối năm tổng hợp, báo cáo Ủy ban nhân dân thị xã.', [{ period: 'Q1' }, { period: 'Q2' }, { period: 'Q3' }, { period: 'Q4' }, { period: '6T' }, { period: 'year' }]],
    ['báo cáo 9 tháng trước ngày 15/9', [{ period: '9T', due: '09-15' }]],
  ])('%s', (text, expected) => {
    expect(reportingRegime([text])).toEqual(expected);
  });

  it.each([
    'Thực hiện chế độ báo cáo định kỳ công tác CCHC đảm bảo theo quy định.',
    'Báo cáo kết quả thực hiện Kế hoạch năm 2024 theo quy trình.',
    'Tổ chức hội nghị sơ kết 6 tháng đầu năm.',
    'Kiểm tra định kỳ hằng năm tại các cơ quan.',
  ])('names no period: %s', (text) => {
    expect(reportingRegime([text])).toEqual([]);
  });

  it('reads the sample plans: Đồng Nai asks for every quarter, 6 months and the year; Tây Xuân names none', () => {
    expect(reportingRegime(sample('dong-nai-336-2024.txt')).map((d) => d.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', '6T', 'year']);
    expect(reportingRegime(sample('tam-quan-bac-2023-par-sipas.txt')).map((d) => d.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', '6T', 'year']);
    expect(reportingRegime(sample('tay-xuan-2024-papi-sipas-par.txt'))).toEqual([]);
  });
});
