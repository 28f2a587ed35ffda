import ThiDuaBase

/// A campaign as a list of campaigns shows it: its phase and who is enrolled, or why it cannot be read.
public struct CampaignSummary: Sendable, Hashable {
    public var id: String
    /// Empty when the campaign file has errors.
    public var name: String
    public var phase: CampaignPhase?
    /// The roster ids of the enrolled units.
    public var units: [String]
    /// Why the campaign cannot be read (file or journal), in Vietnamese; nil when it can.
    public var problem: String?
}

/// One campaign on a dashboard: its milestones, its standings in the latest period with data,
/// and its indicators against their targets.
public struct CampaignOverview: Sendable {
    public var status: CampaignStatus
    public var evaluation: Evaluation
    public var progress: [IndicatorProgress]
}

/// What the dashboards show: every campaign, what is overdue and what falls due soon.
public struct Dashboard: Sendable {
    public var campaigns: [CampaignOverview]
    /// Campaign files skipped for errors.
    public var skipped: [String]
    public var upcoming: [MilestoneProgress]
    public var overdue: [MilestoneProgress]
    public var roster: Roster
}

extension BackOffice {
    /// Every campaign of the workspace with its phase, each read on its own, so one broken file or
    /// journal is reported on its row and does not hide the others.
    public func summaries(today: CivilDate) -> [CampaignSummary] {
        workspace.campaignIDs().sorted().map { id in
            let loaded: LoadedPlan
            do throws(OfficeError) {
                loaded = try plan(id)
            } catch {
                return CampaignSummary(
                    id: id, name: "", phase: nil, units: [],
                    problem: "Tệp phong trào có lỗi; cán bộ thi đua cần chạy «thidua check \(id)».")
            }
            do throws(OfficeError) {
                // Phase and units only: what the status digest holds.
                let digest = try statusDigest(of: loaded.plan).digest
                return CampaignSummary(
                    id: loaded.plan.id, name: loaded.plan.name,
                    phase: CampaignPhase.of(loaded.plan, launched: digest.launched, closed: digest.closed, on: today), units: digest.units,
                    problem: nil)
            } catch {
                return CampaignSummary(
                    id: loaded.plan.id, name: loaded.plan.name, phase: nil, units: [], problem: "Không đọc được nhật ký: \(error.message)")
            }
        }
    }

    /// Everything the dashboards draw, read once: each campaign's status, standings and
    /// indicators (latest period with data), and the deadlines of the next `days` days.
    public func dashboard(today: CivilDate, days: Int = 60) throws(OfficeError) -> Dashboard {
        let all = try allCampaigns()
        let overviews = all.campaigns.map { campaign in
            let evaluation = campaign.evaluator.evaluate(campaign.evaluator.defaultPeriod(today: today))
            return CampaignOverview(
                status: CampaignStatus(plan: campaign.plan, state: campaign.state, today: today), evaluation: evaluation,
                progress: campaign.evaluator.progress(evaluation))
        }
        let (upcoming, overdue) = Self.deadlines(in: overviews.map(\.status), today: today, days: days)
        return Dashboard(campaigns: overviews, skipped: all.skipped, upcoming: upcoming, overdue: overdue, roster: try roster())
    }

    /// What falls due from `today` to `today + days` in campaigns not closed, by date; and what
    /// is past due and incomplete in them, oldest first.
    static func deadlines(
        in statuses: [CampaignStatus], today: CivilDate, days: Int
    ) -> (upcoming: [MilestoneProgress], overdue: [MilestoneProgress]) {
        let end = today.adding(days: days)
        var due: [MilestoneProgress] = []
        var overdue: [MilestoneProgress] = []
        for status in statuses where status.phase != .closed {
            due += status.milestones.filter { $0.lastDay >= today && $0.lastDay <= end }
            overdue += status.overdue
        }
        return (due.sorted { ($0.due, $0.campaign) < ($1.due, $1.campaign) }, overdue.sorted { ($0.due, $0.campaign) < ($1.due, $1.campaign) })
    }
}
