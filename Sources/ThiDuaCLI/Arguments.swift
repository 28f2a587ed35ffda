import ThiDuaCore

/// Exit codes, as swift-argument-parser uses them.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
}

/// A failure that ends a command with a message and an exit code.
public struct CLIError: Error, Equatable {
    public var message: String
    public var code: ExitCode
    /// Extra lines printed after the message (usage, a hint).
    public var help: String?

    public static func usage(_ message: String, help: String? = nil) -> CLIError {
        CLIError(message: message, code: .usage, help: help)
    }

    public static func failure(_ message: String) -> CLIError {
        CLIError(message: message, code: .failure, help: nil)
    }
}

/// The options a subcommand accepts.
public struct OptionSpec: Sendable {
    public var name: String
    /// Whether the option takes a value (`--format md`) or is a flag (`--all`).
    public var takesValue: Bool
    public var valueName: String
    public var help: String
    /// Allowed values, checked when given.
    public var choices: [String]?

    public init(_ name: String, value: String? = nil, help: String, choices: [String]? = nil) {
        self.name = name
        self.takesValue = value != nil
        self.valueName = value ?? ""
        self.help = help
        self.choices = choices
    }
}

/// Arguments split into positionals, options and flags, checked against a command's specs.
public struct ParsedArguments {
    public var positionals: [String] = []
    public var values: [String: String] = [:]
    public var flags: Set<String> = []

    /// Parses `arguments` against `specs`; unknown options get a did-you-mean.
    public init(_ arguments: [String], specs: [OptionSpec], command: String) throws(CLIError) {
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inline: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                let guess = DidYouMean.suggestion(for: name, among: specs.map(\.name))
                throw .usage(
                    "Không có tùy chọn «\(name)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""),
                    help: "Xem 'thidua \(command) --help'.")
            }
            if spec.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < arguments.count else { throw .usage("Thiếu giá trị cho «\(name) <\(spec.valueName)>».") }
                    value = arguments[i]
                    i += 1
                }
                if let choices = spec.choices, !choices.contains(value) {
                    throw .usage(
                        "Giá trị «\(value)» không hợp lệ cho «\(name) <\(spec.valueName)>». Giá trị hợp lệ: \(choices.joined(separator: ", "))."
                    )
                }
                values[name] = value
            } else {
                if inline != nil { throw .usage("Tùy chọn «\(name)» không nhận giá trị.") }
                flags.insert(name)
            }
        }
    }

    /// The option's value or a default.
    public func value(_ name: String, default fallback: String) -> String { values[name] ?? fallback }
}
