import ThiDuaCore

/// Records a phase change (`launch`, `close`) in a campaign's journal.
enum PhaseChange {
    static func record(_ kind: EventKind, arguments: ParsedArguments, context: CommandContext, usage: String) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Missing expected argument '<campaign>'.", help: "Usage: \(usage)") }
        let (plan, _) = try CampaignLookup.load(reference, context: context)
        let state = try JournalAccess.state(of: plan, context: context)
        if kind == .launch, let launched = state.launched {
            throw .failure("Chiến dịch «\(plan.id)» đã được ghi nhận phát động ngày \(launched.vietnamese).")
        }
        if kind == .close, let closed = state.closed {
            throw .failure("Chiến dịch «\(plan.id)» đã được ghi nhận kết thúc ngày \(closed.vietnamese).")
        }
        let draft = JournalStore.Draft(kind: kind, actor: context.actor, date: context.today, payload: .object([]))
        // Appended only onto the journal just read: a second `launch` at the same moment is refused.
        let result = try JournalAccess.append([draft], to: plan, context: context, expectingLastSeq: state.lastSeq)
        let word = kind == .launch ? "phát động" : "kết thúc"
        context.console.print("Đã ghi nhận \(word) chiến dịch «\(plan.name)» ngày \(context.today.vietnamese) (dòng \(result.events[0].seq) của nhật ký).")
        return .success
    }
}

/// `thidua launch <campaign>`.
enum LaunchCommand: Command {
    static let name = "launch"
    static let abstract = "Ghi nhận chiến dịch đã được phát động (kế hoạch đã ký, ban hành)."
    static let arguments = [("<campaign>", "Mã chiến dịch.")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        try PhaseChange.record(.launch, arguments: arguments, context: context, usage: usage)
    }
}

/// `thidua close <campaign>`.
enum CloseCommand: Command {
    static let name = "close"
    static let abstract = "Ghi nhận chiến dịch đã kết thúc (sau tổng kết)."
    static let arguments = [("<campaign>", "Mã chiến dịch.")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        try PhaseChange.record(.close, arguments: arguments, context: context, usage: usage)
    }
}

/// Reading and appending a campaign's journal from commands.
enum JournalAccess {
    /// The campaign's state, refusing a journal whose chain is broken.
    static func state(of plan: CampaignPlan, context: CommandContext) throws(CLIError) -> CampaignState {
        let store = context.workspace.journal(for: plan.id)
        let contents: JournalContents
        do {
            contents = try store.read()
        } catch {
            throw .failure(error.rendered)
        }
        if let failure = contents.failure {
            throw .failure(
                "Nhật ký \(store.displayName) hỏng ở dòng \(failure.line): \(failure.reason). Chạy `thidua verify \(plan.id)` để xem; không ghi gì thêm.")
        }
        return CampaignState(events: contents.events)
    }

    /// Appends events onto the journal as last read (`expectingLastSeq`, the state's `lastSeq`),
    /// so what the command checked still holds; reports a torn tail that was set aside.
    static func append(
        _ drafts: [JournalStore.Draft], to plan: CampaignPlan, context: CommandContext, expectingLastSeq: Int
    ) throws(CLIError) -> JournalStore.AppendResult {
        let store = context.workspace.journal(for: plan.id)
        do {
            let result = try store.append(drafts, time: context.now(), expectingLastSeq: expectingLastSeq)
            if let torn = result.tornTail {
                context.console.error(
                    "Cảnh báo: dòng cuối của \(store.displayName) bị ghi dở (\(torn.bytes) byte, có lẽ do mất điện hoặc dừng đột ngột); đã chuyển sang \(torn.savedTo) để xem lại."
                )
            }
            return result
        } catch {
            throw .failure(error.rendered)
        }
    }
}
