## Explanations (giải trình)
btn-explain-ask = 📝 Yêu cầu giải trình
btn-explain-answer = ✍️ Trả lời giải trình
card-explanation-open = 📝 Giải trình: { $by } yêu cầu, hạn { $due }, chưa trả lời
card-explanation-answered = 📝 Giải trình (theo yêu cầu của { $by }): { $answer }
reminder-header-explanation = 📝 <b>Sắp hết hạn giải trình</b>
explanation-requested = 📝 Đã yêu cầu giải trình, hạn { $due }; đã báo cho { $count } cán bộ của đơn vị chủ trì.
explanation-already-requested = Nhiệm vụ này đang chờ giải trình (hạn { $due }).
explanation-not-overdue = Chỉ yêu cầu giải trình với nhiệm vụ đã quá hạn.
explanation-closed = Nhiệm vụ đã hoàn thành hoặc đã hủy, không cần giải trình.
explanation-not-allowed = Chỉ lãnh đạo đơn vị chủ trì, thực hiện hoặc theo dõi nhiệm vụ (hoặc quản trị) mới yêu cầu giải trình.
explanation-asked = 📝 <b>{ $name } yêu cầu giải trình</b> về việc chậm thực hiện nhiệm vụ này, hạn { $due }.
ask-explanation-text = ✍️ Nhập nội dung giải trình (lý do chậm, việc đã làm, thời gian dự kiến hoàn thành). Gõ "bỏ qua" để hủy.
explanation-recorded = ✅ Đã gửi giải trình cho lãnh đạo.
explanation-none-open = Nhiệm vụ này không có yêu cầu giải trình nào đang chờ.
explanation-answered-notice = ✍️ <b>{ $name } đã giải trình</b>:
zalo-hint-explain = Nhắn nội dung giải trình theo dạng: giải trình { $code } &lt;nội dung&gt;
