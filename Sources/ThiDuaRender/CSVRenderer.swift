import ThiDuaCore

/// Renders the tables of a document as CSV for spreadsheets: UTF-8 with a BOM (so Excel
/// shows Vietnamese), CRLF line ends, quotes where needed, and every cell that a spreadsheet
/// would run as a formula neutralised with a leading apostrophe (see `CSVWriter`).
public struct CSVRenderer: Sendable {
    /// A renderer; it holds no state.
    public init() {}

    /// The document's tables, in body order, then the appendix's (a decision's danh sách).
    public func tables(_ document: Document) -> [Table] {
        (document.body + document.appendix).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    /// One CSV file per table of the document; empty when it has none.
    public func render(_ document: Document) -> [String] {
        tables(document).map(render)
    }

    /// One table as a CSV file: its header row, then its rows, short rows padded with empty
    /// cells so every line has the header's width.
    public func render(_ table: Table) -> String {
        let width = table.columns.count
        let rows = table.rows.map { row in row.count < width ? row + Array(repeating: "", count: width - row.count) : row }
        return CSVWriter.write(header: table.columns, rows: rows)
    }
}
