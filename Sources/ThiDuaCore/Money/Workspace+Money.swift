import Foundation
import ThiDuaBase

extension Workspace {
    /// The workspace's optional money override: `tables/money.json`.
    public var moneyTablesFile: URL { root.appendingPathComponent("tables/money.json") }

    /// The standard money tables with `tables/money.json` merged in when present, and the findings.
    public func moneyTables() -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        MoneyTables.loading(overrideAt: moneyTablesFile, displayName: display(moneyTablesFile))
    }
}
