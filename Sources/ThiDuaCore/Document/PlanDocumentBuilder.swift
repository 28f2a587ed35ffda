import ThiDuaBase

/// Builds the plan document (kế hoạch) of a campaign from its file: the header, the
/// "Thực hiện …" paragraph, the outline with each part in place, the closing, the signer and
/// the recipients.
public struct PlanDocumentBuilder {
    public let plan: CampaignPlan
    public let type: CampaignTypeDefinition?

    public init(plan: CampaignPlan, type: CampaignTypeDefinition?) {
        self.plan = plan
        self.type = type
    }

    /// The header every document of the campaign shares, with this document's number line.
    public static func header(for plan: CampaignPlan, number: String?, date: PartialDate?) -> DocumentHeader {
        let parent = plan.issuer.upperLine ?? plan.issuer.parent.flatMap { $0.showInHeader == true ? $0.name.uppercased() : nil }
        return DocumentHeader(
            parentLine: parent, issuerLines: plan.issuer.headerLines, numberLine: number,
            placeAndDate: date.map { "\(plan.place), \($0.vietnamese)" }, heading: plan.issuer.heading, mark: plan.issuer.mark)
    }

    public func build() -> Document {
        var body: [Block] = []
        let cited = plan.implements.compactMap { id in plan.basis.first { $0.id == id } }
        if !cited.isEmpty {
            // A cited directive brings the directives above it, nearest first, each printed once.
            var citations: [String] = []
            for reference in cited {
                citations.append(reference.citation)
                for above in reference.parentChain
                where !cited.contains(where: { $0.directive == above.id || ($0.number == above.number && $0.date == above.date) })
                    && !citations.contains(above.citation)
                {
                    citations.append(above.citation)
                }
            }
            body.append(.paragraph(Paragraph("Thực hiện " + citations.joined(separator: "; ") + ".")))
        }
        body += plan.preamble.map { .paragraph(Paragraph($0)) }
        let outline = plan.outline ?? type?.defaultOutline ?? CampaignTypeDefinition.standardOutline
        for section in outline { body += blocks(of: section, level: 1) }
        body += plan.closing.map { .paragraph(Paragraph($0)) }
        return Document(
            header: Self.header(for: plan, number: plan.number.printed, date: plan.date),
            kindName: plan.documentKind,
            summary: plan.title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            addressees: plan.addressees,
            body: body,
            signatures: [Signature(plan.signer)],
            recipients: plan.recipients)
    }

    private func blocks(of section: OutlineSection, level: Int) -> [Block] {
        var out: [Block] = []
        if let heading = section.heading { out.append(.heading(heading, level: level)) }
        for block in section.blocks {
            switch block {
            case .text(let text, let style):
                out.append(style == .plain ? .paragraph(Paragraph(text)) : .list(style, [ListItem(text)]))
            case .show(let selection):
                out += blocks(of: selection)
            case .section(let inner):
                out += blocks(of: inner, level: level + 1)
            }
        }
        return out
    }

    private func lines(_ texts: [String], _ style: ListStyle) -> [Block] {
        guard !texts.isEmpty else { return [] }
        if style == .plain { return texts.map { .paragraph(Paragraph($0)) } }
        return [.list(style, texts.map { ListItem($0) })]
    }

    private func selected<T>(_ items: [T], id: (T) -> String, _ selection: PartSelection) -> [T] {
        guard let only = selection.only else { return items }
        return only.compactMap { wanted in items.first { id($0) == wanted } }
    }

    private func blocks(of selection: PartSelection) -> [Block] {
        let style = selection.style ?? .dash
        switch selection.part {
        case .purposes:
            return lines(pick(plan.purposes, selection), style)
        case .requirements:
            return lines(pick(plan.requirements, selection), style)
        case .participants:
            let groups = selected(plan.participants, id: \.id, selection).filter { selection.kind == nil || $0.kind == selection.kind }
            return lines(groups.map(\.text), style)
        case .period:
            return lines(plan.period.text ?? [], style)
        case .content:
            return selected(plan.content, id: \.id, selection).flatMap { group -> [Block] in
                var out: [Block] = []
                if let heading = group.heading { out.append(.paragraph(Paragraph(heading, emphasis: .bold))) }
                out += lines(group.intro ?? [], .plain)
                let items = group.items.map { ListItem($0.text, children: ($0.items ?? []).map { ListItem($0) }) }
                if !items.isEmpty {
                    out.append(style == .plain ? .list(.plain, items) : .list(style, items))
                }
                return out
            }
        case .indicators:
            return lines(selected(plan.indicators, id: \.id, selection).compactMap(\.text), style)
        case .criteria:
            let chosen = selected(plan.criteria, id: \.id, selection).filter { selection.kind == nil || $0.appliesTo == selection.kind }
            // A criterion's sub-items print under it with "-", as plans list them ("1.4. … / - …").
            var out: [Block] = []
            var run: [ListItem] = []
            for criterion in chosen {
                run.append(ListItem(criterion.text))
                guard let items = criterion.items, !items.isEmpty else { continue }
                out.append(.list(style, run))
                run = []
                out.append(.list(.dash, items.map { ListItem($0) }))
            }
            if !run.isEmpty { out.append(.list(style, run)) }
            return out
        case .awards:
            let chosen = selected(plan.awards, id: \.id, selection).filter {
                selection.kind == nil || $0.recipients.contains(selection.kind!)
            }
            return chosen.flatMap { award -> [Block] in
                var out = lines(award.text ?? [], style)
                for standard in award.standards ?? [] {
                    out += lines([standard.text], style)
                    if let items = standard.items, !items.isEmpty {
                        out.append(.list(style, items.map { ListItem($0) }))
                    }
                }
                return out
            }
        case .dossier:
            return lines(selected(plan.dossier, id: \.id, selection).map(\.text), style)
        case .milestones:
            return lines(selected(plan.milestones, id: \.id, selection).compactMap(\.text), style)
        case .assignments:
            return selected(plan.assignments, id: \.id, selection).flatMap { assignment -> [Block] in
                [.paragraph(Paragraph(assignment.heading ?? assignment.assignee, emphasis: .bold))] + lines(assignment.tasks, style)
            }
        case .funding:
            return lines(plan.funding?.text ?? [], style)
        }
    }

    /// Purposes and requirements are addressed by position ("0", "1"…).
    private func pick(_ texts: [String], _ selection: PartSelection) -> [String] {
        guard let only = selection.only else { return texts }
        return only.compactMap { Int($0) }.filter { texts.indices.contains($0) }.map { texts[$0] }
    }
}
