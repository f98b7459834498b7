## settings
settings = ⚙️ <b>Cài đặt</b>. Nút 💤 nhắc lại mặc định: {$snooze}. Chọn:
settings-saved = Đã lưu.
snooze-next-morning = sáng ngày làm việc tiếp theo
snooze-hours = sau {$hours} giờ làm việc
