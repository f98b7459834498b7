// Folding for comparison: Vietnamese text compared without case, tone marks or
// spacing differences ("hoá"/"hóa", "uỷ"/"ủy", "Thống kê"/"Thông kê").

/** Lower case, no diacritics (đ → d), single spaces, trimmed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
