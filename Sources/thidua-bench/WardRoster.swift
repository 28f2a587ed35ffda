import ThiDuaCore

/// The synthetic identity and roster of one ward: its name and province, about twelve units
/// and about eighty people with realistic names and positions.
struct WardIdentity: Sendable {
    /// 0-based position in the run.
    var index: Int
    var province: String
    /// "phường Hòa Bình" (lower-case kind, as running text writes it).
    var name: String
    /// Folder name: "w0007-hoa-binh".
    var folder: String
    var roster: Roster
    /// Officials who sit on the Hội đồng Thi đua – Khen thưởng, chair first, then secretary.
    var council: [CouncilMember]

    /// Builds ward `index` of `count` from its own stream of `seed`.
    static func make(index: Int, count: Int, seed: UInt64) -> WardIdentity {
        var random = SeededGenerator(seed: seed, stream: UInt64(index) &+ 1)
        let provinceIndex = count <= 1 ? 0 : index * VietnameseNames.provinces.count / count
        let province = VietnameseNames.provinces[min(provinceIndex, VietnameseNames.provinces.count - 1)]
        let place = VietnameseNames.placeNames[index % VietnameseNames.placeNames.count]
        let isCommune = random.chance(0.35)
        let kindWord = isCommune ? "xã" : "phường"
        let name = "\(kindWord) \(place)"
        let folder = "w\(String(format4: index + 1))-\(VietnameseText.slug(place))"

        var units: [RosterUnit] = []
        func unit(_ name: String, _ kind: UnitKind) {
            units.append(RosterUnit(id: VietnameseText.slug(name), name: name, kind: kind))
        }
        unit("Văn phòng HĐND và UBND", .phongBan)
        unit(isCommune ? "Phòng Kinh tế" : "Phòng Kinh tế, Hạ tầng và Đô thị", .phongBan)
        unit("Phòng Văn hóa – Xã hội", .phongBan)
        unit("Trung tâm Phục vụ hành chính công", .phongBan)
        unit("Công an \(kindWord)", .congAn)
        unit("Ban Chỉ huy Quân sự \(kindWord)", .quanSu)
        var organisations = VietnameseNames.massOrganisations
        for _ in 0..<3 {
            let chosen = organisations.remove(at: random.int(0...(organisations.count - 1)))
            unit("\(chosen) \(kindWord)", .doanThe)
        }
        // Residential units: tổ dân phố in most wards, khóm in some of the south, thôn in communes.
        let residential: (String, UnitKind) =
            isCommune ? ("Thôn", .thon) : random.chance(0.25) ? ("Khóm", .khom) : ("Tổ dân phố", .toDanPho)
        for n in 1...3 { unit("\(residential.0) \(n)", residential.1) }

        var people: [Person] = []
        var usedIDs: [String: Int] = [:]
        func person(in unit: RosterUnit, position: String) -> Person {
            let female = random.chance(0.45)
            let family = random.pick(VietnameseNames.familyNames)
            let middle = random.pick(female ? VietnameseNames.femaleMiddle : VietnameseNames.maleMiddle)
            let given = random.pick(female ? VietnameseNames.femaleGiven : VietnameseNames.maleGiven)
            let fullName = "\(family) \(middle) \(given)"
            let base = VietnameseText.slug(fullName)
            let seen = usedIDs[base, default: 0]
            usedIDs[base] = seen + 1
            let id = seen == 0 ? base : "\(base)-\(seen + 1)"
            let birth = CivilDate(year: random.int(1966...2001), month: random.int(1...12), day: random.int(1...28))
            return Person(id: id, name: fullName, position: position, unit: unit.id, birthDate: birth)
        }
        for unit in units {
            let positions: [String]
            switch unit.kind {
            case .phongBan:
                let head = unit.id.hasPrefix("van-phong") ? "Chánh Văn phòng" : unit.id.hasPrefix("trung-tam") ? "Giám đốc" : "Trưởng phòng"
                let deputy = unit.id.hasPrefix("van-phong") ? "Phó Chánh Văn phòng" : unit.id.hasPrefix("trung-tam") ? "Phó Giám đốc" : "Phó Trưởng phòng"
                positions = [head, deputy] + Array(repeating: "Chuyên viên", count: random.int(6...9))
            case .congAn: positions = ["Trưởng Công an", "Phó Trưởng Công an"] + Array(repeating: "Cán bộ", count: random.int(4...7))
            case .quanSu: positions = ["Chỉ huy trưởng", "Chỉ huy phó", "Trợ lý", "Trợ lý"]
            case .doanThe: positions = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên"]
            default:
                let head = unit.kind == .khom ? "Trưởng khóm" : unit.kind == .thon ? "Trưởng thôn" : "Tổ trưởng"
                positions = [head, "Phó \(head.lowercasedFirstLetter)"] + Array(repeating: "Thành viên", count: random.int(3...5))
            }
            for position in positions { people.append(person(in: unit, position: position)) }
        }

        // Council members are officials of the phòng, ban, each name once (openReview refuses a name twice).
        var names: Set<String> = []
        let officials = people.filter { p in
            units.first { $0.id == p.unit }?.kind == .phongBan && names.insert(VietnameseText.key(p.name)).inserted
        }
        let councilRoles = ["Chủ tịch Hội đồng", "Thư ký", "Phó Chủ tịch Hội đồng"] + Array(repeating: "Ủy viên", count: 6)
        let council = zip(officials.prefix(councilRoles.count), councilRoles).map { CouncilMember(name: $0.name, role: $1) }
        return WardIdentity(
            index: index, province: province, name: name, folder: folder, roster: Roster(units: units, people: people),
            council: council)
    }
}

extension String {
    /// Zero-padded to four digits: 7 → "0007".
    init(format4 n: Int) {
        let digits = "\(n)"
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    /// "Tổ trưởng" → "tổ trưởng".
    var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}
