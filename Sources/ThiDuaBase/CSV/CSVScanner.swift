import Foundation

/// Splits CSV text into records by RFC 4180: quoted fields with "" escapes, embedded
/// delimiters and line breaks, CRLF, LF or a lone CR between records.
///
/// Works on Unicode scalars, so "\r\n" and combining marks never merge with a quote or a
/// delimiter the way grapheme clusters would.
struct CSVScanner {
    /// One record before any header check: cells trimmed and in NFC.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// A quoting mistake, with the line it happened on.
    enum Problem: Equatable {
        /// A quoted field opened on `line` never closed.
        case unterminatedQuote(line: Int)
        /// Text after the closing quote of the `field`-th (1-based) cell.
        case textAfterQuote(line: Int, field: Int, text: String)

        /// Whether the records after it cannot be trusted.
        var isFatal: Bool {
            if case .unterminatedQuote = self { return true }
            return false
        }
    }

    private static let quote: Unicode.Scalar = "\""
    private static let lineFeed: Unicode.Scalar = "\n"
    private static let carriageReturn: Unicode.Scalar = "\r"

    /// The delimiter: "," unless the first non-blank line has no unquoted comma but has a ";".
    static func delimiter(of scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0
        var semicolons = 0
        var quoted = false
        var sawContent = false
        for scalar in scalars {
            if scalar == quote {
                quoted.toggle()
                sawContent = true
            } else if quoted {
                continue
            } else if scalar == lineFeed || scalar == carriageReturn {
                if sawContent { break }
            } else if scalar == "," {
                commas += 1
            } else if scalar == ";" {
                semicolons += 1
            } else if !scalar.properties.isWhitespace {
                sawContent = true
            }
        }
        return commas == 0 && semicolons > 0 ? ";" : ","
    }

    /// The text without leading and trailing white space and line breaks.
    static func trimmed(_ scalars: String.UnicodeScalarView) -> String {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Every non-blank record and every quoting problem. After an unterminated quote the
    /// records are incomplete and must not be used.
    static func scan(_ scalars: [Unicode.Scalar], delimiter: Unicode.Scalar) -> ([Record], [Problem]) {
        var records: [Record] = []
        var problems: [Problem] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var wasQuoted = false
        var afterQuote = false
        var reportedAfterQuote = false
        var quoteLine = 1
        var index = 0

        func finishField() {
            fields.append(VietnameseText.nfc(trimmed(field)))
            field = String.UnicodeScalarView()
            wasQuoted = false
            afterQuote = false
            reportedAfterQuote = false
        }
        func finishRecord() {
            finishField()
            if fields.contains(where: { !$0.isEmpty }) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if inQuotes {
                if scalar == quote {
                    if next == quote {
                        field.append(quote)
                        index += 2
                    } else {
                        inQuotes = false
                        afterQuote = true
                        index += 1
                    }
                    continue
                }
                if scalar == carriageReturn {
                    // CRLF or a lone CR inside a quoted field is one line break, kept as "\n".
                    field.append(lineFeed)
                    line += 1
                    index += next == lineFeed ? 2 : 1
                    continue
                }
                if scalar == lineFeed { line += 1 }
                field.append(scalar)
                index += 1
                continue
            }
            if scalar == delimiter {
                finishField()
                index += 1
            } else if scalar == lineFeed || scalar == carriageReturn {
                finishRecord()
                index += scalar == carriageReturn && next == lineFeed ? 2 : 1
                line += 1
                recordLine = line
            } else if scalar == quote && !wasQuoted && String(field).allSatisfy(\.isWhitespace) {
                inQuotes = true
                wasQuoted = true
                quoteLine = line
                field = String.UnicodeScalarView()
                index += 1
            } else {
                if afterQuote && !scalar.properties.isWhitespace && !reportedAfterQuote {
                    reportedAfterQuote = true
                    var rest = String.UnicodeScalarView()
                    var j = index
                    while j < scalars.count, rest.count < 30, scalars[j] != delimiter, scalars[j] != lineFeed,
                        scalars[j] != carriageReturn
                    {
                        rest.append(scalars[j])
                        j += 1
                    }
                    problems.append(.textAfterQuote(line: line, field: fields.count + 1, text: String(rest)))
                }
                field.append(scalar)
                index += 1
            }
        }
        if inQuotes {
            problems.append(.unterminatedQuote(line: quoteLine))
            return (records, problems)
        }
        if !fields.isEmpty || !field.isEmpty || wasQuoted { finishRecord() }
        return (records, problems)
    }
}
