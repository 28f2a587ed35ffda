import Foundation
import Testing
import ThiDuaCore

/// The bytes of a text, UTF-8.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Reads CSV text; fails the test when it gives no table.
func table(_ text: String, file: String = "t.csv") -> CSVTable? {
    let (table, diagnostics) = CSVReader.read(utf8(text), file: file)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.rendered))")
    return table
}

/// Reads bad CSV bytes: there must be no table and an error containing `fragment`; returns the errors.
@discardableResult
func rejected(_ bytes: [UInt8], _ fragment: String, file: String = "t.csv") -> [Diagnostic] {
    let (table, diagnostics) = CSVReader.read(bytes, file: file)
    #expect(table == nil)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.contains { $0.rendered.contains(fragment) }, "\(errors.map(\.rendered))")
    #expect(errors.allSatisfy { $0.file == file })
    return errors
}

@Suite("CSV reading")
struct CSVTests {
    @Test("an empty file is rejected")
    func emptyFile() {
        let errors = rejected([], "tệp trống")
        #expect(errors.count == 1)
        #expect(errors.first?.rendered.hasPrefix("t.csv: lỗi: tệp trống") == true)
    }

    @Test("a file of a BOM and blank lines is empty")
    func blankFile() {
        rejected([0xEF, 0xBB, 0xBF] + utf8("\r\n  \n\n"), "tệp trống")
    }

    @Test("Windows-1258 bytes are rejected with the line and how to re-save")
    func windows1258() {
        // "Tên đơn vị" in Windows-1258: ê = EA, đ = F0, ơ = F5, dot below = F2.
        let bytes = utf8("Ma,Loai\n") + [0x54, 0xEA, 0x6E, 0x20, 0xF0, 0xF5, 0x6E, 0x20, 0x76, 0x69, 0xF2] + utf8(",x\n")
        let errors = rejected(bytes, "không phải UTF-8 (có thể là Windows-1258")
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message.contains("Unicode") == true)
    }

    @Test("TCVN3 bytes are rejected")
    func tcvn3() {
        // "Tổ" in TCVN3 (ABC): ổ = 0xD6.
        rejected(utf8("Tên\n") + [0x54, 0xD6, 0x0A], "TCVN3")
    }

    @Test("UTF-16 with a byte-order mark is rejected", arguments: [[UInt8(0xFF), 0xFE], [UInt8(0xFE), 0xFF]])
    func utf16(bom: [UInt8]) {
        let body = "Mã,Tên đơn vị\n".utf16.flatMap {
            bom == [0xFF, 0xFE] ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
        }
        let errors = rejected(bom + body, "UTF-16")
        #expect(errors.first?.message.contains("CSV UTF-8") == true)
    }

    @Test("UTF-16 without a byte-order mark is rejected by its NUL bytes")
    func utf16WithoutBOM() {
        rejected("Ma,Ten\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "NUL")
    }

    @Test("an unterminated quote names the line it opened on")
    func unterminatedQuote() {
        let errors = rejected(utf8("A,B\n1,2\n3,\"không đóng\n4,5\n"), "dấu ngoặc kép mở ở dòng 3 không được đóng")
        #expect(errors.first?.line == 3)
    }

    @Test("text after a closing quote asks for doubled quotes")
    func textAfterQuote() {
        let errors = rejected(utf8("A,B\n1,\"Mô hình \"Dân vận khéo\" 2026\"\n"), "ngay sau dấu ngoặc kép đóng ô thứ 2")
        #expect(errors.first?.line == 2)
        #expect(errors.first?.hint?.contains("\"\"") == true)
    }

    @Test("rows with extra values are all reported with the values")
    func extraValues() {
        let errors = rejected(utf8("Mã,Tên\na,A\nb,B,thừa 1\nc,C\nd,D,thừa 2,thừa 3\n"), "giá trị thừa: «thừa 1»")
        #expect(errors.map(\.line) == [3, 5])
        #expect(errors.last?.message.contains("dòng 5 có 4 ô nhưng dòng tiêu đề chỉ có 2 cột; giá trị thừa: «thừa 2», «thừa 3»") == true)
    }

    @Test("rows with missing cells name the missing columns")
    func missingCells() {
        let errors = rejected(utf8("Mã,Tên đơn vị,Loại,Trực thuộc\na,A,tổ,\nb,B\n"), "dòng 3 chỉ có 2 ô, thiếu cột «Loại», «Trực thuộc»")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.path == "dòng 3")
    }

    @Test("a header column without a name is an error")
    func unnamedColumn() {
        let errors = rejected(utf8("Mã,,Loại\na,b,c\n"), "cột thứ 2 của dòng tiêu đề không có tên")
        #expect(errors.first?.line == 1)
    }

    @Test("a header column given twice is an error")
    func duplicateColumn() {
        rejected(utf8("Mã,Loại,Mã\na,b,c\n"), "cột «Mã» xuất hiện hai lần (cột thứ 1 và thứ 3)")
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks; lines are counted physically")
    func quoting() throws {
        let text = "Tên,Ghi chú\r\n\"Phòng Kinh tế, Hạ tầng và Đô thị\",\"dòng một\r\ndòng hai\"\r\n\"Mô hình \"\"Dân vận khéo\"\"\",x\r\n"
        let t = try #require(table(text))
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields == ["Phòng Kinh tế, Hạ tầng và Đô thị", "dòng một\ndòng hai"])
        #expect(t.rows[0].line == 2)
        #expect(t.rows[1].fields[0] == "Mô hình \"Dân vận khéo\"")
        #expect(t.rows[1].line == 4)
    }

    @Test("a semicolon header switches the delimiter (Excel in a Vietnamese locale)")
    func semicolons() throws {
        let t = try #require(table("Mã;Tên đơn vị;Tỷ lệ\nto-1;Tổ dân phố 1;98,5\n"))
        #expect(t.header == ["Mã", "Tên đơn vị", "Tỷ lệ"])
        #expect(t.rows.first?.fields == ["to-1", "Tổ dân phố 1", "98,5"])
    }

    @Test("a comma header keeps commas even when cells hold semicolons")
    func commasWin() throws {
        let t = try #require(table("A,B\nx;y,z\n"))
        #expect(t.rows.first?.fields == ["x;y", "z"])
    }

    @Test("a UTF-8 BOM is stripped, so the first column matches")
    func bom() throws {
        let (read, _) = CSVReader.read([0xEF, 0xBB, 0xBF] + utf8("Mã,Tên\na,b"), file: "t.csv")
        let t = try #require(read)
        #expect(t.header.first == "Mã")
        #expect(t.column("Mã") == 0)
    }

    @Test("cells are trimmed and put in NFC; blank lines are skipped; the last newline is optional")
    func normalised() throws {
        let nfd = "Nguyễn Thị Lan".decomposedStringWithCanonicalMapping
        let t = try #require(table("  Họ và tên , Đơn vị \n\n   \n  \(nfd)  ,  Tổ 1\n,\n\"\",\nb,c"))
        #expect(t.header == ["Họ và tên", "Đơn vị"])
        #expect(t.rows.map(\.fields) == [["Nguyễn Thị Lan", "Tổ 1"], ["b", "c"]])
        #expect(t.rows.first?.fields.first?.unicodeScalars.count == "Nguyễn Thị Lan".unicodeScalars.count)
        #expect(t.rows.map(\.line) == [4, 7])
        #expect(t.column(" Đơn vị ") == 1)
        #expect(t.column("đơn vị") == nil)
    }

    @Test("blank lines before the header move the header line")
    func headerLine() throws {
        let t = try #require(table("\n\nA,B\n1,2\n"))
        #expect(t.headerLine == 3)
        #expect(t.rows.first?.line == 4)
    }

    @Test("empty cells after the last column (a trailing comma) are dropped")
    func trailingComma() throws {
        let t = try #require(table("A,B\n1,2,\n3,4,,\n"))
        #expect(t.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
    }
}

extension CSVTests {
    @Suite("CSV writing")
    struct Writer {
        @Test("formula-like cells are neutralised", arguments: ["=1+1", "+84912", "-2+3", "@SUM(A1)", "\tx", "\rx"])
        func neutralised(_ cell: String) {
            #expect(CSVWriter.neutralise(cell) == "'" + cell)
            #expect(CSVWriter.isNeutralised(CSVWriter.neutralise(cell)))
        }

        @Test("ordinary cells are left alone", arguments: ["Tổ dân phố 1", "98,5", "", "'quoted", " =x", "a=b"])
        func leftAlone(_ cell: String) {
            #expect(CSVWriter.neutralise(cell) == cell)
        }

        @Test("the file has a BOM, CRLF line ends, quotes where needed and no live formula")
        func write() {
            let out = CSVWriter.write(
                header: ["Tên", "Ghi chú"],
                rows: [["Phòng Kinh tế, Hạ tầng và Đô thị", "nói \"có\""], ["=HYPERLINK(\"http://x\")", "hai\ndòng"], ["a;b", " cách "]])
            #expect(out.hasPrefix("\u{FEFF}Tên,Ghi chú\r\n"))
            #expect(out.contains("\"Phòng Kinh tế, Hạ tầng và Đô thị\",\"nói \"\"có\"\"\"\r\n"))
            #expect(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\",\"hai\ndòng\"\r\n"))
            #expect(out.hasSuffix("\"a;b\",\" cách \"\r\n"))
        }

        @Test("what the writer writes, the reader reads back")
        func roundTrip() throws {
            let rows = [["Phòng Văn hóa – Xã hội", "dòng 1\ndòng 2"], ["\"trích\"", "-5"]]
            let (read, diagnostics) = CSVReader.read(utf8(CSVWriter.write(header: ["A", "B"], rows: rows)), file: "x.csv")
            #expect(diagnostics.isEmpty)
            let t = try #require(read)
            #expect(t.rows.map(\.fields) == [rows[0], ["\"trích\"", "'-5"]])
            #expect(t.rows.map(\.line) == [2, 4])
        }
    }
}

extension CSVTests {
    @Suite("Vietnamese text")
    struct Text {
        @Test(
            "slugs drop diacritics and punctuation",
            arguments: [
                ("Tổ dân phố 5", "to-dan-pho-5"), ("Đoàn Thanh niên", "doan-thanh-nien"),
                ("Phòng Văn hóa – Xã hội", "phong-van-hoa-xa-hoi"), ("  Hội LHPN (phường)  ", "hoi-lhpn-phuong"), ("!!!", ""),
            ])
        func slug(_ pair: (String, String)) {
            #expect(VietnameseText.slug(pair.0) == pair.1)
            #expect(VietnameseText.slug(pair.0.decomposedStringWithCanonicalMapping) == pair.1)
        }

        @Test("slugs stop at 60 characters without a trailing dash")
        func longSlug() {
            let slug = VietnameseText.slug(String(repeating: "Ủy ban nhân dân ", count: 10))
            #expect(slug.count <= 60)
            #expect(!slug.hasSuffix("-"))
            #expect(Identifier.problem(slug) == nil)
        }

        @Test("names compare in NFC, ignoring case and spacing")
        func sameName() {
            #expect(VietnameseText.sameName("Nguyễn Thị Lan", " NGUYỄN  thị lan ".decomposedStringWithCanonicalMapping))
            #expect(!VietnameseText.sameName("Nguyễn Thị Lan", "Nguyen Thi Lan"))
            #expect(VietnameseText.nfc("Lan".decomposedStringWithCanonicalMapping) == "Lan")
        }

        @Test(
            "unit kinds are read from keywords, labels and short forms",
            arguments: [
                ("phong-ban", UnitKind.phongBan), ("Phòng, ban", .phongBan), ("phòng/ban", .phongBan), ("Phòng", .phongBan),
                ("ban", .phongBan), ("Tổ", .toDanPho), ("TDP", .toDanPho), ("tổ dân phố", .toDanPho), ("Khóm", .khom),
                ("ấp", .ap), ("thôn", .thon), ("Đoàn thể chính trị – xã hội", .doanThe), ("Mặt trận", .doanThe),
                ("CÔNG AN", .congAn), ("quan-su", .quanSu), ("Trường học", .truongHoc), ("Trạm y tế", .tramYTe), ("khác", .khac),
            ])
        func kinds(_ pair: (String, UnitKind)) {
            #expect(UnitKind.parse(pair.0) == pair.1)
            #expect(UnitKind.parse(pair.0.decomposedStringWithCanonicalMapping) == pair.1)
        }

        @Test("unknown unit kinds are nil", arguments: ["", "xã", "tổ dân", "hội"])
        func unknownKinds(_ text: String) {
            #expect(UnitKind.parse(text) == nil)
        }
    }
}
