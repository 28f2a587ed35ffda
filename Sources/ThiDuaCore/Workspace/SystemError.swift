import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Operating-system errors (`errno`) said in Vietnamese, with the symbolic name for a technician.
///
/// Every message that reports a failed system call goes through here, so an official never
/// reads "No space left on device".
public enum SystemError {
    /// The Vietnamese text of `code` (default: the current `errno`), e.g. "ổ đĩa đã đầy (ENOSPC)".
    public static func text(_ code: Int32 = errno) -> String {
        switch code {
        case ENOSPC: return "ổ đĩa đã đầy, không còn chỗ trống (ENOSPC); hãy giải phóng dung lượng rồi chạy lại"
        case EDQUOT: return "đã dùng hết hạn mức dung lượng được cấp (EDQUOT)"
        case EACCES: return "không có quyền truy cập (EACCES); kiểm tra quyền đọc/ghi của thư mục"
        case EPERM: return "thao tác không được phép (EPERM)"
        case EROFS: return "ổ đĩa hoặc thư mục chỉ cho phép đọc (EROFS)"
        case ENOENT: return "không tồn tại (ENOENT)"
        case EEXIST: return "đã tồn tại (EEXIST)"
        case ELOOP: return "là một liên kết tượng trưng (symlink); ThiDua không đi theo liên kết trong thư mục làm việc (ELOOP)"
        case EISDIR: return "là một thư mục, không phải tệp (EISDIR)"
        case ENOTDIR: return "một phần của đường dẫn không phải thư mục (ENOTDIR)"
        case EIO: return "lỗi đọc/ghi của ổ đĩa (EIO); ổ đĩa có thể bị hỏng hoặc đã bị rút ra"
        case EFBIG: return "tệp vượt quá kích thước tối đa cho phép (EFBIG)"
        case EMFILE, ENFILE: return "đang mở quá nhiều tệp cùng lúc (\(code == EMFILE ? "EMFILE" : "ENFILE"))"
        case ENAMETOOLONG: return "tên tệp hoặc đường dẫn quá dài (ENAMETOOLONG)"
        case EBUSY: return "tệp đang bận (EBUSY)"
        case ETXTBSY: return "tệp đang được chương trình khác dùng (ETXTBSY)"
        case EAGAIN: return "tài nguyên tạm thời không sẵn sàng (EAGAIN)"
        case EINTR: return "bị ngắt giữa chừng (EINTR)"
        case EXDEV: return "không thể đổi tên sang ổ đĩa khác (EXDEV)"
        case ENOMEM: return "không đủ bộ nhớ (ENOMEM)"
        case EINVAL: return "tham số không hợp lệ (EINVAL)"
        case ENXIO: return "thiết bị không tồn tại (ENXIO)"
        case ESTALE: return "tệp trên ổ mạng không còn hợp lệ (ESTALE)"
        case ENOTEMPTY: return "thư mục không trống (ENOTEMPTY)"
        default: return "lỗi hệ thống mã \(code)"
        }
    }
}
