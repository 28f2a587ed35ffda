import ThiDuaBase

/// Why the back office refused an action or a read. Nothing was written.
///
/// `message` is one Vietnamese sentence for the official; `details` are the findings of a file
/// that caused it (each names the file, the JSON path or the CSV row and column), printed
/// before the message by a front-end.
public struct OfficeError: Error, Sendable, Equatable {
    /// What kind of refusal, so a front-end can choose a status (HTTP 404, 409, 422…) or exit code.
    public enum Kind: String, Sendable {
        /// A campaign, participant or record that does not exist.
        case notFound
        /// A request that names something the campaign does not have (a form, a field): a
        /// mistake in how the action was asked for, not in the data.
        case argument
        /// Input that is not valid (a file with errors, a bad value).
        case invalid
        /// A valid request the campaign's state does not allow now (locked, already closed…).
        case refused
        /// A campaign file or journal that is damaged; nothing can be done until it is fixed.
        case damaged
    }

    public var kind: Kind
    public var message: String
    public var details: [Diagnostic]

    public init(_ kind: Kind, _ message: String, details: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// A refusal from the campaign's rules (`CampaignActions`).
    public init(_ error: ActionError) {
        self.init(.refused, error.message)
    }

    /// Any error met while checking an action, as the back office reports it.
    public static func from(_ error: any Error) -> OfficeError {
        switch error {
        case let error as OfficeError: error
        case let error as ActionError: OfficeError(error)
        case let error as JournalError: OfficeError(.damaged, error.rendered)
        default: OfficeError(.damaged, "\(error)")
        }
    }
}
