/// Core's public API speaks in the building blocks' types (`JSONValue`, `Diagnostic`, `CSVTable`,
/// `SHA256`), so a module that imports Core sees them too.
@_exported import ThiDuaBase
