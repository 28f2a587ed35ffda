import ThiDuaCore

/// The printed lines of "Nơi nhận:": "- Sở Nội vụ (b/c);", the last one ending in ".".
enum RecipientLines {
    static func lines(_ recipients: [Recipient]) -> [String] {
        recipients.enumerated().map { index, recipient in
            var name = recipient.name.trimmingCharacters(in: .whitespaces)
            while let last = name.last, last == ";" || last == "." || last == "," { name.removeLast() }
            if let purpose = recipient.purpose, !purpose.isEmpty { name += " (\(purpose))" }
            return "- " + name + (index == recipients.count - 1 ? "." : ";")
        }
    }
}
