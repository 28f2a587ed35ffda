import ThiDuaBase

extension DeclaredTypeSet {
    /// Type files read in this process, shared by content (see `ContentCache`): every ward of a
    /// province declares the same types, so each distinct file is decoded and checked once.
    public static let checked = ContentCache<DeclaredTypeFileResult>(capacity: 256)

    /// `read(bytes:…)`, or the result of the same read made earlier in this process: kept under
    /// the SHA-256 of the program's version, the compiled types it is checked against (id,
    /// implementing type and origin: only those are read), the file's name as shown, its stem and its bytes.
    static func checkedRead(
        bytes: [UInt8], file: String, stem: String, compiled: CampaignTypeRegistry, origins: [String: String]
    ) -> DeclaredTypeFileResult {
        var hasher = SHA256()
        let types = compiled.types.map { "\($0.id)=\(String(reflecting: Swift.type(of: $0)))=\(origins[$0.id] ?? "")" }
        CheckedPlans.feed(&hasher, name: "type \(ProgramIdentity.version) \(types.joined(separator: ","))", bytes: nil)
        CheckedPlans.feed(&hasher, name: stem, bytes: nil)
        CheckedPlans.feed(&hasher, name: file, bytes: bytes)
        return checked.value(for: hasher.finalize()) {
            read(bytes: bytes, file: file, stem: stem, compiled: compiled, origins: origins)
        }
    }
}
