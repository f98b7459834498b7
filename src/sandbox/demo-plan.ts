// The sandbox's demo: a short plan written for it (not one of the real samples, which
// the service must not depend on at run time), with deadlines placed around the day the
// sandbox first starts so that there is something overdue, something due today (in this
// week's and quarter's report whatever the day) and something recurring. Pure: the caller gives the date.

/** The people the sandbox page can play, each already linked to their own sandbox chat. */
export const SANDBOX_PEOPLE = [
  { chatId: 710001, name: 'Trần Thị Lan', unit: 'Văn phòng - Thống kê', role: 'officer', label: 'Cán bộ Văn phòng - Thống kê' },
  { chatId: 710002, name: 'Lê Văn Hùng', unit: 'Bộ phận Một cửa', role: 'officer', label: 'Cán bộ Bộ phận Một cửa' },
  { chatId: 710003, name: 'Nguyễn Văn An', unit: 'UBND phường', role: 'leader', label: 'Lãnh đạo UBND phường' },
  { chatId: 710004, name: 'Phạm Minh Quân', unit: 'UBND phường', role: 'admin', label: 'Quản trị hệ thống' },
] as const;

export type SandboxPersonSeed = (typeof SANDBOX_PEOPLE)[number];

/** The unit the leader and the admin belong to; the plan's tasks name the other two. */
export const SANDBOX_OFFICE_UNIT = 'UBND phường';

export const DEMO_PLAN_FILE = 'ke-hoach-demo-cai-cach-hanh-chinh.csv';

/** `YYYY-MM-DD` of a civil date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The demo plan as CSV (a format the importer reads), dated around `today` (YYYY-MM-DD). */
export function demoPlanCsv(today: string): string {
  const rows: string[][] = [
    ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
    ['1', 'Rà soát, công khai thủ tục hành chính trên Cổng dịch vụ công của tỉnh', 'Văn phòng - Thống kê', 'Bộ phận Một cửa', `Trước ngày ${vietnameseDate(addDays(today, 1))}`],
    ['2', 'Niêm yết số điện thoại đường dây nóng tại Bộ phận Một cửa', 'Bộ phận Một cửa', '', `Trước ngày ${vietnameseDate(addDays(today, -4))}`],
    ['3', 'Khảo sát mức độ hài lòng của người dân, tổ chức (SIPAS)', 'Bộ phận Một cửa', 'Văn phòng - Thống kê', `Trước ngày ${vietnameseDate(addDays(today, 10))}`],
    ['4', 'Báo cáo kết quả cải cách hành chính hằng tháng', 'Văn phòng - Thống kê', '', 'Hằng tháng, trước ngày 25'],
    ['5', 'Cập nhật hồ sơ số hóa kết quả giải quyết thủ tục hành chính', 'Văn phòng - Thống kê', 'Bộ phận Một cửa', `Trước ngày ${vietnameseDate(addDays(today, 20))}`],
  ];
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}
