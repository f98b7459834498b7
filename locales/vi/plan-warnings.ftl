## What the importer warns of, line by line (src/plans: Warning codes; shown in the dry run and the chat preview)
plan-warning-table = bảng
plan-warning-blank-number = Số hiệu kế hoạch để trống ("{$text}"): khi nhập lại, kế hoạch được nhận ra theo cơ quan ban hành, loại văn bản và tiêu đề
plan-warning-blank-issue-date = Ngày ban hành để trống ("{$text}"){$ref -> 
    [none] {""}
   *[other] : ngày không ghi năm được đọc theo {$ref}
}; hãy cho ngày bằng --issued YYYY-MM-DD
plan-warning-deadline-unread = Thời hạn "{$deadline}" của nhiệm vụ {$path} không có ngày hay chu kỳ đọc được: nhiệm vụ không được nhắc
plan-warning-deadline-after-group = Thời hạn của nhiệm vụ {$path} ({$due}) muộn hơn thời hạn của nhóm ({$groupDue}): lấy thời hạn của nhóm
plan-warning-continued-row = Dòng không có số thứ tự nối tiếp nhiệm vụ {$path} (một dòng bị ngắt sang trang sau)
plan-warning-text-under-table = Chữ dưới bảng, không phải nhiệm vụ: "{$text}"
plan-warning-stt-not-code = STT "{$stt}" không phải số thứ tự: giữ dòng, không có mã
plan-warning-missing-parent = Không có dòng {$parent} phía trên {$code}: đặt dưới {$under}
plan-warning-uncoded-row = Dòng không có số thứ tự: "{$text}" được lấy làm nhiệm vụ {$path}
plan-warning-duplicate-code = Mã {$code} xuất hiện hai lần dưới {$under}: dòng sau là {$path}
