## Confirmation per monitoring unit: `unit set --confirmation`, the admin's /confirmation <plan or unit>
cli-unit-confirmation = {$on ->
    [on] Đơn vị #{$id} {$name}: mọi báo hoàn thành nhiệm vụ do đơn vị này theo dõi phải được đơn vị xác nhận.
   *[off] Đơn vị #{$id} {$name}: không yêu cầu xác nhận (chỉ theo cài đặt của kế hoạch).
}
unit-confirmation = {$on ->
    [on] Đơn vị {$unit}: mọi báo hoàn thành nhiệm vụ do đơn vị này theo dõi phải được đơn vị xác nhận, ở mọi kế hoạch.
   *[off] Đơn vị {$unit}: không yêu cầu xác nhận; chỉ kế hoạch có cài đặt xác nhận mới cần.
}
confirmation-target-usage = Gõ <code>/confirmation &lt;số hoặc mã kế hoạch&gt; on</code> hoặc <code>/confirmation &lt;tên đơn vị theo dõi&gt; on</code> (hoặc <code>off</code>).
confirmation-target-not-found = Không có kế hoạch hay đơn vị nào tên <b>{$target}</b>.
