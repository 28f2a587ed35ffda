import Foundation

/// Reads CSV files as ward officials save them from Excel or LibreOffice.
///
/// UTF-8 only (a BOM is dropped); "," between cells, or ";" when the header line has no comma
/// but has a semicolon (Excel in a Vietnamese locale). Every cell is trimmed and put in NFC.
/// Blank lines are skipped. Any error gives no table: the caller records nothing.
public enum CSVReader {
    /// Reads `bytes`; `file` is how messages name the file.
    public static func read(_ bytes: [UInt8], file: String) -> (CSVTable?, [Diagnostic]) {
        if bytes.count > InputLimits.csvFile.bytes {
            return (nil, [Diagnostic(.error, file: file, message: InputLimits.csvFile.refusalReason(size: bytes.count))])
        }
        if let problem = spreadsheetProblem(bytes, file: file) { return (nil, [problem]) }
        if let problem = encodingProblem(bytes, file: file) { return (nil, [problem]) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let scalars = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
        let delimiter = CSVScanner.delimiter(of: scalars)
        let (records, problems) = CSVScanner.scan(scalars, delimiter: delimiter)
        var diagnostics = problems.map { diagnostic(for: $0, file: file) }
        if problems.contains(where: \.isFatal) {
            return (nil, diagnostics)
        }
        guard let headerRecord = records.first else {
            return (nil, diagnostics + [empty(file)])
        }
        let header = headerRecord.fields
        diagnostics += headerProblems(header, line: headerRecord.line, file: file)
        if records.count - 1 > InputLimits.csvRows {
            return (
                nil,
                diagnostics + [
                    Diagnostic(
                        .error, file: file,
                        message:
                            "tệp có \(Numbers.grouped(records.count - 1)) dòng dữ liệu, vượt giới hạn \(Numbers.grouped(InputLimits.csvRows)) dòng của một tệp CSV",
                        hint: "chia thành nhiều tệp, mỗi tệp không quá \(Numbers.grouped(InputLimits.csvRows)) dòng, rồi nộp từng tệp")
                ]
            )
        }
        for record in records {
            diagnostics += cellProblems(record, header: header, file: file)
        }
        var rows: [CSVRow] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            var fields = record.fields
            if fields.count > header.count {
                let extra = fields[header.count...]
                if extra.allSatisfy(\.isEmpty) {
                    // A trailing delimiter leaves empty cells past the last column: harmless.
                    fields.removeLast(fields.count - header.count)
                } else {
                    let shown = InputLimits.shown(extra.map { "«\(InputLimits.shown($0))»" }.joined(separator: ", "), max: 200)
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, path: "dòng \(record.line)", line: record.line,
                            message:
                                "dòng \(record.line) có \(fields.count) ô nhưng dòng tiêu đề chỉ có \(header.count) cột; giá trị thừa: \(shown)",
                            hint: "xóa các ô thừa, hoặc đặt giá trị có dấu phẩy vào trong dấu ngoặc kép (\"…\")"))
                    continue
                }
            } else if fields.count < header.count {
                let missing = header[fields.count...].map { "«\($0)»" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: "dòng \(record.line)", line: record.line,
                        message: "dòng \(record.line) chỉ có \(fields.count) ô, thiếu cột \(missing)",
                        hint: "mỗi dòng cần đủ \(header.count) ô theo dòng tiêu đề; ô để trống vẫn cần dấu «\(delimiter)» ngăn cách"))
                continue
            }
            rows.append(CSVRow(line: record.line, fields: fields))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (CSVTable(header: header, rows: rows, headerLine: headerRecord.line), diagnostics)
    }

    /// An Excel workbook where CSV was expected: not an encoding problem, so no advice about
    /// UTF-8 or Unikey, but what to do with the workbook.
    static func spreadsheetProblem(_ bytes: [UInt8], file: String) -> Diagnostic? {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Diagnostic(
                .error, file: file, message: "đây là tệp Excel 97–2003 (.xls), ThiDua không đọc được kiểu tệp này",
                hint: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng Excel (.xlsx) hoặc «CSV UTF-8»")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {  // "PK\u{3}\u{4}": a ZIP archive
            return Diagnostic(
                .error, file: file, message: "đây là tệp nén ZIP (có thể là bảng tính .xlsx), không phải tệp CSV",
                hint: "nếu là bảng tính Excel, đặt tên tệp có đuôi .xlsx; chỗ này cần tệp CSV thì lưu lại dạng «CSV UTF-8»")
        }
        return nil
    }

    static func empty(_ file: String) -> Diagnostic {
        Diagnostic(
            .error, file: file, message: "tệp trống",
            hint: "tệp CSV cần một dòng tiêu đề (tên các cột) và các dòng dữ liệu bên dưới")
    }

    /// An error when the bytes are not UTF-8 text, naming the first bad line when there is one.
    package static func encodingProblem(_ bytes: [UInt8], file: String) -> Diagnostic? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return empty(file) }
        if let problem = TextEncodingCheck.problem(in: bytes) {
            return Diagnostic(.error, file: file, line: firstInvalidLine(bytes), message: problem)
        }
        if let zero = bytes.firstIndex(of: 0) {
            // UTF-16 without a byte-order mark is valid UTF-8 with a NUL on every other byte;
            // a NUL here and there is a control character in a UTF-8 file.
            if TextEncodingCheck.looksLikeUTF16(bytes) {
                return Diagnostic(.error, file: file, message: "tệp chứa ký tự NUL xen kẽ từng byte: \(TextEncodingCheck.utf16)")
            }
            let line = bytes[..<zero].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return Diagnostic(
                .error, file: file, path: "dòng \(line)", line: line,
                message: "tệp UTF-8 chứa ký tự NUL (byte 0) ở dòng \(line); tệp CSV không được chứa ký tự điều khiển",
                hint: "xóa ký tự đó (thường do chép từ phần mềm khác), hoặc xuất lại tệp từ Excel/LibreOffice")
        }
        return nil
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, or nil (UTF-16 files).
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        var line = 1
        for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { return line }
            line += 1
        }
        return nil
    }

    /// Cells over the length limit or holding a control character (ESC, BEL, NUL… anything
    /// below U+0020 but tab and line breaks, DEL and U+0080–U+009F): they would reach the
    /// terminal and the documents. Named by row and column.
    static func cellProblems(_ record: CSVScanner.Record, header: [String], file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (index, cell) in record.fields.enumerated() {
            let column = index < header.count && !header[index].isEmpty ? "cột «\(header[index])»" : "ô thứ \(index + 1)"
            let place = "dòng \(record.line), \(column)"
            var length = 0
            var control: Unicode.Scalar?
            for scalar in cell.unicodeScalars {
                length += 1
                if control == nil, isControl(scalar) { control = scalar }
            }
            if length > InputLimits.cellCharacters {
                out.append(
                    Diagnostic(
                        .error, file: file, path: place, line: record.line,
                        message:
                            "ô ở \(place) dài \(Numbers.grouped(length)) ký tự, vượt giới hạn \(Numbers.grouped(InputLimits.cellCharacters)) ký tự của một ô",
                        hint: "rút gọn nội dung; tài liệu dài hãy đính kèm riêng và ghi số, ký hiệu văn bản vào ô"))
            }
            if let control {
                out.append(
                    Diagnostic(
                        .error, file: file, path: place, line: record.line,
                        message: "ô ở \(place) chứa ký tự điều khiển \(describe(control)), không được phép trong tệp CSV",
                        hint: "xóa ký tự đó (thường do chép từ phần mềm khác hoặc từ tin nhắn)"))
            }
        }
        return out
    }

    /// A control character a cell may not hold; tab and line breaks (inside quotes) are text.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v)
    }

    /// "U+001B (ESC)".
    package static func describe(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    private static func headerProblems(_ header: [String], line: Int, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                out.append(
                    Diagnostic(
                        .error, file: file, path: "dòng \(line)", line: line,
                        message: "cột thứ \(index + 1) của dòng tiêu đề không có tên",
                        hint: "đặt tên cho cột đó, hoặc xóa cột nếu không dùng"))
                continue
            }
            if let first = seen[name] {
                out.append(
                    Diagnostic(
                        .error, file: file, path: "dòng \(line), cột «\(name)»", line: line,
                        message: "cột «\(name)» xuất hiện hai lần (cột thứ \(first + 1) và thứ \(index + 1))",
                        hint: "giữ lại một cột «\(name)»"))
            } else {
                seen[name] = index
            }
        }
        return out
    }

    private static func diagnostic(for problem: CSVScanner.Problem, file: String) -> Diagnostic {
        switch problem {
        case .unterminatedQuote(let line):
            return Diagnostic(
                .error, file: file, path: "dòng \(line)", line: line,
                message: "dấu ngoặc kép mở ở dòng \(line) không được đóng đến hết tệp",
                hint: "thêm dấu \" đóng ô đó; dấu ngoặc kép bên trong một ô phải viết đôi (\"\")")
        case .textAfterQuote(let line, let field, let text):
            return Diagnostic(
                .error, file: file, path: "dòng \(line), ô thứ \(field)", line: line,
                message: "có chữ «\(InputLimits.shown(text))» ngay sau dấu ngoặc kép đóng ô thứ \(field)",
                hint: "dấu ngoặc kép bên trong một ô phải viết đôi: \"Mô hình \"\"Dân vận khéo\"\"\"")
        }
    }
}
