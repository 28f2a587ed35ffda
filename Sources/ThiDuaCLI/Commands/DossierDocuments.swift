import ThiDuaCore

/// Which documents a `thidua doc` kind produces for a campaign: the back office decides; this
/// only reads the options.
enum DossierDocuments {
    static func documents(
        _ kind: DocumentKind, campaign: OpenCampaign, ledger: AwardLedger?, arguments: ParsedArguments, context: CommandContext, strict: Bool
    ) throws(CLIError) -> [(String, Document)] {
        let issued = try context.call { () throws(OfficeError) in
            try context.office.documents(
                campaign, kind: kind, form: arguments.values["--form"], period: arguments.values["--period"], today: context.today, strict: strict,
                ledger: ledger, preprinted: arguments.flags.contains("--preprinted") ? true : nil)
        }
        return issued.map { ($0.name, $0.document) }
    }
}
