import ThiDuaRender

/// HTML text: every value from outside goes through `escape`; markup comes only from literals here.
public enum HTML {
    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String { Escaping.html(text) }

    /// A hidden `_csrf` field for a POST form.
    public static func csrfField(_ token: String?) -> String {
        "<input type=\"hidden\" name=\"\(CSRFMiddleware.fieldName)\" value=\"\(escape(token ?? ""))\">"
    }
}

/// One field error on a form page: the field's id and the message shown twice (summary and inline).
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
