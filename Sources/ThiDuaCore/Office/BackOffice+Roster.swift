import Foundation
import ThiDuaBase

/// What a roster import added.
public struct RosterImportResult: Sendable {
    public var units: Int
    public var people: Int
    public var roster: Roster
    /// Warnings found in the files (nothing was refused).
    public var warnings: [Diagnostic]
}

extension BackOffice {
    /// Imports units and people from CSV or JSON files, all or nothing: every file is read and
    /// checked first, and the merged roster is written only when none has an error.
    ///
    /// The files are checked and merged against the roster as it is under the roster's lock
    /// (`Workspace.updateRoster`), so an import that ran meanwhile is kept and checked against.
    public func importRoster(_ files: [InputFile]) throws(OfficeError) -> RosterImportResult {
        guard !files.isEmpty else { throw OfficeError(.invalid, "Chưa có tệp nào để nhập.") }
        var units: [Unit] = []
        var people: [Person] = []
        var problems: [Diagnostic] = []
        let merged: Roster
        let (kinds, kindProblems) = workspace.unitKinds()
        if kindProblems.hasErrors {
            throw OfficeError(
                .invalid, "Tệp loại đơn vị có lỗi; sửa \(workspace.display(workspace.unitKindsFile)) rồi nhập lại.", details: kindProblems)
        }
        var refused: [RefusedUnit] = []
        do {
            merged = try workspace.updateRoster { existing in
                (units, people, problems, refused) = ([], [], [], [])
                var peopleFiles: [InputFile] = []
                var workbooks: [(file: String, bytes: [UInt8])] = []
                for file in files {
                    if SpreadsheetReader.isSpreadsheet(path: file.name, bytes: file.bytes) {
                        workbooks.append((file.name, file.bytes))  // after the CSV units, with people after all units
                    } else if file.isJSON {
                        let (roster, found) = RosterImporter.json(file.bytes, file: file.name, existing: existing, kinds: kinds)
                        problems += found
                        units += roster?.units ?? []
                        people += roster?.people ?? []
                    } else if RosterImporter.looksLikePeople(file.bytes) {
                        peopleFiles.append(file)  // after the units, which people refer to
                    } else {
                        // Units that passed their own checks stay for the people check, so a person
                        // is told about the unit's refused row, not "no such unit"; nothing is written on an error.
                        let check = RosterImporter.checkedUnits(
                            csv: file.bytes, file: file.name, existing: Roster(units: existing.units + units, people: []), kinds: kinds)
                        problems += check.diagnostics
                        units += check.units
                        refused += check.refused
                    }
                }
                let sheets = RosterImporter.spreadsheets(
                    workbooks, existing: Roster(units: existing.units, people: existing.people + people), units: units,
                    refused: refused, kinds: kinds)
                (units, people, problems) = (units + sheets.units, people + sheets.people, problems + sheets.diagnostics)
                for file in peopleFiles {
                    let (found, diagnostics) = RosterImporter.people(
                        csv: file.bytes, file: file.name, existing: Roster(units: existing.units, people: existing.people + people), units: units,
                        refused: refused)
                    problems += diagnostics
                    people += found
                }
                if problems.hasErrors { throw ImportRefused() }
                return Roster(units: existing.units + units, people: existing.people + people)
            }
        } catch let error as WorkspaceError {
            throw OfficeError(.damaged, error.message, details: problems)
        } catch {
            throw OfficeError(
                .invalid, "Không nhập gì: sửa \(problems.filter { $0.severity == .error }.count) lỗi ở trên rồi nhập lại (danh sách cũ giữ nguyên).",
                details: problems)
        }
        return RosterImportResult(units: units.count, people: people.count, roster: merged, warnings: problems)
    }

    /// Thrown inside the roster update when a file has errors: nothing is written.
    struct ImportRefused: Error {}
}

extension RosterImporter {
    /// A people CSV has a "Họ và tên" column; a units CSV has "Tên đơn vị".
    public static func looksLikePeople(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).precomposedStringWithCanonicalMapping.lowercased()
        let firstLine = head.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? head
        return firstLine.contains("họ và tên")
    }
}
