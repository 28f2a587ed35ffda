import Foundation
import Testing
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16, defects 8 and 9: limits said in Vietnamese with the limit, control characters
/// refused by row and column, and the smaller input faults, each through the real command.
@Suite("Input limits and hostile text")
struct InputLimitTests {
    static let units = "Mã,Tên đơn vị,Loại,Trực thuộc\n"

    @Test("a 1 GB sparse roster file: refused by its size before it is read, in little memory")
    func sparseRoster() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let big = ws.url("inbox/khong-lo.csv")
        try ws.write("inbox/khong-lo.csv", Self.units)
        let fd = open(big.path, O_WRONLY)
        #expect(ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let before = ws.snapshot()
        guard let outcome = try ws.spawn(["roster", "import", big.path], timeout: 60) else { return }
        #expect(outcome.status == 1, "\(outcome.summary): \(outcome.errors)")
        #expect(outcome.errors.contains("tệp có 1 GB, vượt giới hạn 32 MB của ThiDua đối với tệp CSV"), "\(outcome.errors)")
        // The peak memory of that run, measured by GNU time when it is installed.
        if let time = Optional(URL(fileURLWithPath: "/usr/bin/time")), FileManager.default.isExecutableFile(atPath: time.path),
            let binary = Subprocess.thidua
        {
            let measured = try Subprocess.run(time, ["-v", binary.path] + ws.prefix() + ["roster", "import", big.path])
            let line = measured.errors.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            let kilobytes = line.flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
            #expect(kilobytes != nil && kilobytes! < 200_000, "peak memory \(kilobytes.map { "\($0 / 1024) MB" } ?? "unknown")")
        } else {
            print("InputLimitTests: /usr/bin/time not found: the memory of the 1 GB case is not measured")
        }
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a submission of 60,000 rows: refused with the row limit, nothing written")
    func tooManyRows() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/dang-ky.csv", FaultSuite.registrations(60_000))
        let before = ws.snapshot()
        let result = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", file])
        #expect(result.code == 1)
        #expect(result.text.contains("tệp có 60.000 dòng dữ liệu, vượt giới hạn 50.000 dòng"), "\(result.text.prefix(500))")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a name of 20,000 characters (cell limit) and one of 400 (name limit): refused, saying the limit")
    func longNames() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let huge = String(repeating: "Tổ dân phố ", count: 2_000)
        let long = String(repeating: "Tổ dân phố số ", count: 29)
        let hugeFile = try ws.write("inbox/ten-rat-dai.csv", Self.units + "to-a,\(huge),tổ dân phố,\n")
        let longFile = try ws.write("inbox/ten-dai.csv", Self.units + "to-a,Tổ A,tổ dân phố,\nto-b,\(long),tổ dân phố,\n")
        let before = ws.snapshot()
        let result = ws.run(["roster", "import", hugeFile])
        #expect(result.code == 1)
        #expect(result.text.contains("dòng 2, cột «Tên đơn vị» dài 21.999 ký tự, vượt giới hạn 10.000 ký tự"), "\(result.text.prefix(800))")
        #expect(result.text.count < 5_000, "the long name was echoed whole")
        let second = ws.run(["roster", "import", longFile])
        #expect(second.code == 1)
        #expect(second.text.contains("dòng 3, cột «Tên đơn vị»: tên đơn vị dài 405 ký tự, vượt giới hạn 300 ký tự"), "\(second.text.prefix(800))")
        #expect(second.text.count < 5_000, "the long name was echoed whole")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("ESC, BEL and a line break in names: refused with the row and the column")
    func controlCharacters() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write(
            "inbox/dieu-khien.csv",
            Self.units + "to-a,Tổ \u{1B}[31mđỏ,tổ dân phố,\nto-b,Tổ chuông\u{07},tổ dân phố,\n")
        let lineBreak = try ws.write("inbox/xuong-dong.csv", Self.units + "to-a,Tổ A,tổ dân phố,\nto-c,\"Tổ hai\ndòng\",tổ dân phố,\n")
        let people = try ws.write("inbox/nguoi.csv", "Họ và tên,Chức vụ,Đơn vị\nNguyễn\u{1B}]0;x\u{07}Văn A,Tổ trưởng,Tổ dân phố 1\n")
        let before = ws.snapshot()
        let result = ws.run(["roster", "import", file])
        #expect(result.code == 1)
        #expect(result.text.contains("dòng 2, cột «Tên đơn vị» chứa ký tự điều khiển U+001B (ESC)"), "\(result.text)")
        #expect(result.text.contains("dòng 3, cột «Tên đơn vị» chứa ký tự điều khiển U+0007 (BEL)"), "\(result.text)")
        #expect(!result.text.contains("\u{1B}"), "the escape reached the terminal")
        let broken = ws.run(["roster", "import", lineBreak])
        #expect(broken.code == 1)
        #expect(broken.text.contains("dòng 3, cột «Tên đơn vị»: tên đơn vị chứa dấu xuống dòng U+000A"), "\(broken.text)")
        let second = ws.run(["roster", "import", people])
        #expect(second.code == 1)
        #expect(second.text.contains("dòng 2, cột «Họ và tên» chứa ký tự điều khiển U+001B (ESC)"), "\(second.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("form names: ESC in a JSON submission and a line break in a one-line CSV field are refused with the field")
    func formNames() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let json = try ws.write(
            "inbox/dang-ky.json",
            "[{\"don-vi\": \"Tổ dân phố 1\", \"ten-mo-hinh\": \"Mô hình \\u001b]0;x\\u0007\", \"linh-vuc\": \"Kinh tế - đô thị\", \"dia-ban\": \"Tổ dân phố 1\", \"muc-tieu\": \"Chỉnh trang\", \"luc-luong\": \"Đoàn thanh niên\", \"bat-dau\": \"01/02/2026\"}]"
        )
        let csv = try ws.write(
            "inbox/dang-ky.csv",
            FaultSuite.registrations(1).replacingOccurrences(of: "Mô hình số 1,", with: "\"Mô hình\nsố 1\","))
        let before = ws.snapshot()
        let first = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", json])
        #expect(first.code == 1)
        #expect(first.text.contains("«Tên mô hình»: chứa ký tự điều khiển U+001B (ESC)"), "\(first.text)")
        #expect(!first.text.contains("\u{1B}"))
        let second = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", csv])
        #expect(second.code == 1)
        #expect(second.text.contains("«Tên mô hình»: có dấu xuống dòng"), "\(second.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a NUL in a UTF-8 CSV is reported as a NUL on its line, not as UTF-16")
    func nulInUTF8() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/nul.csv", Data((Self.units + "to-a,Tổ A,tổ dân phố,\nto-b,Tổ\u{0}B,tổ dân phố,\n").utf8))
        let result = ws.run(["roster", "import", file])
        #expect(result.code == 1)
        #expect(result.text.contains("ký tự NUL (byte 0) ở dòng 3"), "\(result.text)")
        #expect(!result.text.contains("UTF-16"), "\(result.text)")
    }

    @Test("a Windows-1258 file: the advice names Excel's «CSV UTF-8» as well as Unikey")
    func windows1258Advice() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let bytes = Data(Self.units.utf8) + Data([0x54, 0xF4, 0x20, 0x31, 0x2C, 0x54, 0xEA, 0x6E, 0x2C, 0x74, 0x6F, 0x0A])
        let file = try ws.write("inbox/cp1258.csv", bytes)
        let result = ws.run(["roster", "import", file])
        #expect(result.code == 1)
        #expect(result.text.contains("CSV UTF-8"), "\(result.text)")
        #expect(result.text.contains("Unikey"), "\(result.text)")
    }

    @Test("1e-400 in a JSON submission is refused, not read as 0")
    func underflow() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write(
            "inbox/so-lieu.json",
            "[{\"don-vi\": \"Văn phòng HĐND và UBND\", \"ky-bao-cao\": \"Cả năm\", \"dung-han\": 1e-400, \"truc-tuyen-toan-trinh\": 100, \"thanh-toan-truc-tuyen\": 100, \"so-hoa-ket-qua\": 98, \"luan-chuyen-dien-tu\": 85, \"hai-long\": 97}]"
        )
        let before = ws.snapshot()
        let result = ws.run(["submit", "nam-gia-nghia-cchc-2026", "so-lieu-tthc", file])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("1e-400 quá nhỏ"), "\(result.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a 9,000-digit number (under the cell limit) is echoed cut, with its length")
    func longNumber() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let digits = String(repeating: "9", count: 9_000)
        let file = try ws.write(
            "inbox/so-lieu.csv",
            "\"Cơ quan, đơn vị\",Kỳ báo cáo,Tỷ lệ hồ sơ đúng hạn (%),Tỷ lệ dịch vụ công trực tuyến toàn trình (%),Tỷ lệ thanh toán trực tuyến (%),Tỷ lệ số hóa kết quả (%),Tỷ lệ luân chuyển điện tử (%),Mức độ hài lòng (%),Tỷ lệ không phải cung cấp lại giấy tờ (%)\nVăn phòng HĐND và UBND,Cả năm,\(digits),100,100,98,85,97,\n"
        )
        let result = ws.run(["submit", "nam-gia-nghia-cchc-2026", "so-lieu-tthc", file])
        #expect(result.code == 1)
        #expect(result.text.count < 3_000, "the number was echoed whole (\(result.text.count) characters)")
        #expect(result.text.contains("(9.000 ký tự)"), "\(result.text.prefix(600))")
    }

    @Test("a name starting with an invisible mark and = is neutralised in CSV output")
    func formulaBehindMark() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/ten.csv", Self.units + "to-x,\"\u{FEFF}=HYPERLINK(\"\"http://evil.example\"\",\"\"Tổ\"\")\",tổ dân phố,\n")
        #expect(ws.run(["roster", "import", file]).code == 0)
        #expect(ws.run(["enroll", "minh-xuan-dvk-2026", "--units", "to-x"]).code == 0)
        let csv = ws.run(["evaluate", "minh-xuan-dvk-2026", "--format", "csv"]).output
        #expect(csv.contains("HYPERLINK"), "\(csv)")
        #expect(!csv.contains(",\u{FEFF}=HYPERLINK") && !csv.contains("\"\u{FEFF}=HYPERLINK"), "\(csv)")
        #expect(csv.contains("'\u{FEFF}=HYPERLINK"), "\(csv)")
    }

    @Test("an OS error is said in Vietnamese (EFBIG when the disk fills mid-write)")
    func systemErrorInVietnamese() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/dang-ky.csv", FaultSuite.registrations(40))
        let size = ws.bytes("data/minh-xuan-dvk-2026.journal.jsonl").count
        guard let outcome = try FaultSuite.runLimited(ws, bytes: size + 100, ["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", file]) else {
            return
        }
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("tệp vượt quá kích thước tối đa cho phép (EFBIG)"), "\(outcome.errors)")
        #expect(!outcome.errors.contains("File too large"), "\(outcome.errors)")
    }
}
