import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/replies/reply-grammar.ts';

describe('text-reply grammar', () => {
  it.each([
    ['xong 1.2', { kind: 'done', code: '1.2' }],
    ['Xong 1.2', { kind: 'done', code: '1.2' }],
    ['hoàn thành 1.3.2', { kind: 'done', code: '1.3.2' }],
    ['1.2 xong', { kind: 'done', code: '1.2' }],
    ['đã xong 2 đã gửi báo cáo', { kind: 'done', code: '2', note: 'đã gửi báo cáo' }],
    ['done 1.2', { kind: 'done', code: '1.2' }],
    ['1.2 50%', { kind: 'progress', code: '1.2', progress: 50 }],
    ['1.2 50 %', { kind: 'progress', code: '1.2', progress: 50 }],
    ['tiến độ 1.2 75%', { kind: 'progress', code: '1.2', progress: 75 }],
    ['progress 1.2 25%', { kind: 'progress', code: '1.2', progress: 25 }],
    ['đang thực hiện 1.2', { kind: 'in-progress', code: '1.2' }],
    ['đang làm 1.2 40%', { kind: 'progress', code: '1.2', progress: 40 }],
    ['gia hạn 1.2 20/12/2024', { kind: 'extend', code: '1.2', dateText: '20/12/2024' }],
    ['xin gia hạn 1.2 20/12/2024 chờ số liệu quý', { kind: 'extend', code: '1.2', dateText: '20/12/2024', reason: 'chờ số liệu quý' }],
    ['gia hạn 1.2', { kind: 'extend', code: '1.2' }],
    ['extend 1.2 20/12/2024', { kind: 'extend', code: '1.2', dateText: '20/12/2024' }],
    ['vướng 1.2 chờ kinh phí', { kind: 'blocked', code: '1.2', reason: 'chờ kinh phí' }],
    ['vướng mắc 1.2 chờ kinh phí', { kind: 'blocked', code: '1.2', reason: 'chờ kinh phí' }],
    ['VUONG 1.2', { kind: 'blocked', code: '1.2' }],
    ['blocked 1.2 waiting for budget', { kind: 'blocked', code: '1.2', reason: 'waiting for budget' }],
    ['nhắc lại 1.2', { kind: 'snooze', code: '1.2' }],
    ['nhắc lại sau 1.2 02/12/2024', { kind: 'snooze', code: '1.2', dateText: '02/12/2024' }],
    ['snooze II.1', { kind: 'snooze', code: 'II.1' }],
    ['xác nhận 1.2', { kind: 'confirm', code: '1.2' }],
    ['confirm 1.2', { kind: 'confirm', code: '1.2' }],
    ['trả lại 1.2 thiếu biên bản', { kind: 'return', code: '1.2', reason: 'thiếu biên bản' }],
    ['tra lai 1.2', { kind: 'return', code: '1.2' }],
    // The words people add around the code and the date.
    ['Xong việc 5 rồi', { kind: 'done', code: '5' }],
    ['hoàn thành nhiệm vụ 1.2', { kind: 'done', code: '1.2' }],
    ['xong 1.2 rồi, đã gửi', { kind: 'done', code: '1.2', note: 'rồi, đã gửi' }],
    ['GIA HẠN 5 ĐẾN 25/12/2026 vì chờ hướng dẫn', { kind: 'extend', code: '5', dateText: '25/12/2026', reason: 'vì chờ hướng dẫn' }],
    ['xin gia hạn việc 5 đến ngày 25/12 chờ số liệu', { kind: 'extend', code: '5', dateText: '25/12', reason: 'chờ số liệu' }],
    ['extend 1.2 to 20/12/2024', { kind: 'extend', code: '1.2', dateText: '20/12/2024' }],
    ['gia hạn 1.2 đến thứ Sáu', { kind: 'extend', code: '1.2', dateText: 'đến thứ Sáu' }],
    // A sentence around the code and the percentage, as officers write it in a chat.
    ['việc 2 đã làm được 60% rồi', { kind: 'progress', code: '2', progress: 60 }],
    ['Nhiệm vụ 1.2 60%', { kind: 'progress', code: '1.2', progress: 60 }],
    ['nv 3 xong', { kind: 'done', code: '3' }],
    ['2 đạt 75% chờ số liệu', { kind: 'progress', code: '2', progress: 75, note: 'chờ số liệu' }],
    ['1.2 mới được khoảng 30%', { kind: 'progress', code: '1.2', progress: 30 }],
    ['task 4 done', { kind: 'done', code: '4' }],
    // "hoàn thành 60%" is 60% done, not done: only 100% (or no figure) marks it done.
    ['việc 2 hoàn thành 60%', { kind: 'progress', code: '2', progress: 60 }],
    ['xong 1.2 100%', { kind: 'done', code: '1.2' }],
    ['hoàn thành 1.2 được 80% rồi', { kind: 'progress', code: '1.2', progress: 80 }],
    ['gia hạn 1.2 ngày 20 tháng 12 năm 2024', { kind: 'extend', code: '1.2', dateText: 'ngày 20 tháng 12 năm 2024' }],
  ])('%s', (text, expected) => {
    expect(parseReply(text)).toEqual(expected);
  });

  it.each(['xin chào', '', '/tasks', '1.2', '1.2 150%', 'xong', 'xong abc', 'vướng quá', 'gia hạn ngày mai', 'xong việc', 'xong việc này rồi', 'việc gì đó 60%', '2 người 60%', 'việc 2 đã làm được nhiều'])('is not a reply: %j', (text) => {
    expect(parseReply(text)).toBeUndefined();
  });

  it('keeps a multi-line reason verbatim', () => {
    expect(parseReply('vướng 1.2 dòng một\n  dòng <b>hai</b>')).toEqual({ kind: 'blocked', code: '1.2', reason: 'dòng một\n  dòng <b>hai</b>' });
  });
});
