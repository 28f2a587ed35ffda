import ThiDuaBase

extension CampaignPlan: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, type, id, name, issuer, number, place, date, documentKind, title, addressees, basis
        case implements, preamble, period, purposes, requirements, participants, content, indicators, criteria
        case awards, dossier, funding, milestones, assignments, closing, recipients, signer, outline
        case typeSettings, notes, forms, formFields, reportSections, scoring
        case unitKinds, awarding, countedForms, issuerKinds, formChanges, certificate
        case schema = "$schema"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        type = try c.decode(String.self, forKey: .type)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        issuer = try c.decode(Authority.self, forKey: .issuer)
        // With an issuer kind the catalogue supplies the symbol and the signer's wording.
        number =
            try issuer.kind == nil
            ? c.decode(DocumentNumber.self, forKey: .number)
            : c.decodeIfPresent(DocumentNumber.self, forKey: .number) ?? DocumentNumber(symbol: "")
        place = try c.decode(String.self, forKey: .place)
        date = try c.decode(PartialDate.self, forKey: .date)
        documentKind = try c.decodeIfPresent(String.self, forKey: .documentKind) ?? "KẾ HOẠCH"
        title = try c.decode(String.self, forKey: .title)
        addressees = try c.decodeIfPresent([String].self, forKey: .addressees) ?? []
        basis = try c.decodeIfPresent([BasisReference].self, forKey: .basis) ?? []
        implements = try c.decodeIfPresent([String].self, forKey: .implements) ?? basis.map(\.id)
        preamble = try c.decodeIfPresent([String].self, forKey: .preamble) ?? []
        period = try c.decode(CampaignPeriod.self, forKey: .period)
        purposes = try c.decodeIfPresent([String].self, forKey: .purposes) ?? []
        requirements = try c.decodeIfPresent([String].self, forKey: .requirements) ?? []
        participants = try c.decode([ParticipantGroup].self, forKey: .participants)
        content = try c.decodeIfPresent([ContentGroup].self, forKey: .content) ?? []
        indicators = try c.decodeIfPresent([Indicator].self, forKey: .indicators) ?? []
        criteria = try c.decodeIfPresent([Criterion].self, forKey: .criteria) ?? []
        awards = try c.decodeIfPresent([AwardKind].self, forKey: .awards) ?? []
        dossier = try c.decodeIfPresent([DossierItem].self, forKey: .dossier) ?? []
        funding = try c.decodeIfPresent(Funding.self, forKey: .funding)
        milestones = try c.decodeIfPresent([Milestone].self, forKey: .milestones) ?? []
        assignments = try c.decodeIfPresent([Assignment].self, forKey: .assignments) ?? []
        closing = try c.decodeIfPresent([String].self, forKey: .closing) ?? []
        recipients = try c.decode([Recipient].self, forKey: .recipients)
        signer =
            try issuer.kind == nil
            ? c.decode(Signer.self, forKey: .signer) : c.decodeIfPresent(Signer.self, forKey: .signer) ?? Signer(title: "")
        outline = try c.decodeIfPresent([OutlineSection].self, forKey: .outline)
        typeSettings = try c.decodeIfPresent(JSONValue.self, forKey: .typeSettings)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        forms = try c.decodeIfPresent([FormDeclaration].self, forKey: .forms)?.map(\.spec) ?? []
        formFields = try c.decodeIfPresent([FormFieldAddition].self, forKey: .formFields) ?? []
        reportSections = try c.decodeIfPresent([ReportSectionAddition].self, forKey: .reportSections) ?? []
        scoring = try c.decodeIfPresent([ScoringTable].self, forKey: .scoring) ?? []
        unitKinds = try c.decodeIfPresent([UnitKindDeclaration].self, forKey: .unitKinds) ?? []
        awarding = try c.decodeIfPresent(AwardingBodies.self, forKey: .awarding)
        countedForms = try c.decodeIfPresent([CountedFormChoice].self, forKey: .countedForms) ?? []
        issuerKinds = try c.decodeIfPresent([IssuerKind].self, forKey: .issuerKinds) ?? []
        formChanges = try c.decodeIfPresent([FormChange].self, forKey: .formChanges) ?? []
        certificate = try c.decodeIfPresent(CertificateLayout.self, forKey: .certificate)
        // Editors link the JSON Schema with "$schema"; it is read and ignored.
        _ = try c.decodeIfPresent(String.self, forKey: .schema)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(type, forKey: .type)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(place, forKey: .place)
        try c.encode(date, forKey: .date)
        try c.encode(documentKind, forKey: .documentKind)
        try c.encode(title, forKey: .title)
        try c.encode(addressees, forKey: .addressees)
        try c.encode(basis, forKey: .basis)
        try c.encode(implements, forKey: .implements)
        try c.encode(preamble, forKey: .preamble)
        try c.encode(period, forKey: .period)
        try c.encode(purposes, forKey: .purposes)
        try c.encode(requirements, forKey: .requirements)
        try c.encode(participants, forKey: .participants)
        try c.encode(content, forKey: .content)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(awards, forKey: .awards)
        try c.encode(dossier, forKey: .dossier)
        try c.encodeIfPresent(funding, forKey: .funding)
        try c.encode(milestones, forKey: .milestones)
        try c.encode(assignments, forKey: .assignments)
        try c.encode(closing, forKey: .closing)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(signer, forKey: .signer)
        try c.encodeIfPresent(outline, forKey: .outline)
        try c.encodeIfPresent(typeSettings, forKey: .typeSettings)
        try c.encode(notes, forKey: .notes)
        if !forms.isEmpty { try c.encode(forms, forKey: .forms) }
        if !formFields.isEmpty { try c.encode(formFields, forKey: .formFields) }
        if !reportSections.isEmpty { try c.encode(reportSections, forKey: .reportSections) }
        if !scoring.isEmpty { try c.encode(scoring, forKey: .scoring) }
        if !unitKinds.isEmpty { try c.encode(unitKinds, forKey: .unitKinds) }
        try c.encodeIfPresent(awarding, forKey: .awarding)
        if !countedForms.isEmpty { try c.encode(countedForms, forKey: .countedForms) }
        if !issuerKinds.isEmpty { try c.encode(issuerKinds, forKey: .issuerKinds) }
        if !formChanges.isEmpty { try c.encode(formChanges, forKey: .formChanges) }
        try c.encodeIfPresent(certificate, forKey: .certificate)
    }
}
