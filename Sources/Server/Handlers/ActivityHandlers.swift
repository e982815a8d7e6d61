import Core
import Domain
import Foundation
import Wire

/// `activity.*`, `points.list` and the member's `me.activities`, `me.confirm`, `me.leave`, `me.points`: each
/// decodes, calls its core operation for the peer's principal, and encodes.
enum ActivityHandlers {
    /// Registers the methods.
    static func register(in registry: inout MethodRegistry) {
        registry.register(ActivityPlan.self, calling: .activityPlan) { params, request in
            try await request.core.planActivity(params, by: request.principal)
        }
        registry.register(ActivityShow.self, calling: .activityShow) { params, request in
            try await request.core.activity(params.activity, by: request.principal)
        }
        registry.register(ActivityList.self, calling: .activityList) { params, request in
            ActivityList.Result(
                activities: try await request.core.activities(
                    org: params.org,
                    state: params.state,
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(ActivityRecordMethod.self, calling: .activityRecord) { params, request in
            try await request.core.recordActivity(params, by: request.principal)
        }
        registry.register(ActivityAttend.self, calling: .activityAttend) { params, request in
            try await request.core.attendActivity(
                params.activity,
                member: params.member,
                as: params.as,
                reason: params.reason,
                by: request.principal
            )
        }
        registry.register(ActivityCancel.self, calling: .activityCancel) { params, request in
            try await request.core.cancelActivity(params.activity, reason: params.reason, by: request.principal)
        }
        registry.register(ActivityAttach.self, calling: .activityAttach) { params, request in
            ActivityAttach.Result(
                attachments: try await request.core.attachToActivity(
                    params.activity,
                    params.attachments,
                    by: request.principal
                )
            )
        }
        registry.register(ActivityPublish.self, calling: .activityPublish) { params, request in
            try await request.core.publishActivity(
                params.activity,
                feed: params.feed ?? false,
                summary: params.summary,
                by: request.principal
            )
        }
        registry.register(ActivityComplianceMethod.self, calling: .activityCompliance) { params, request in
            try await request.core.activityCompliance(
                org: params.org,
                recursive: params.recursive ?? false,
                period: params.period,
                by: request.principal
            )
        }
        registry.register(PointsList.self, calling: .pointsList) { params, request in
            try await request.core.points(org: params.org, year: params.year, by: request.principal)
        }
        registry.register(MeActivities.self, calling: .meActivities) { params, request in
            MeActivities.Result(
                entries: try await request.core.myActivities(
                    before: params.before,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(MeConfirm.self, calling: .meConfirm) { params, request in
            try await request.core.confirmActivity(params.activity, by: request.principal)
        }
        registry.register(MeLeave.self, calling: .meLeave) { params, request in
            try await request.core.askLeave(params.activity, reason: params.reason, by: request.principal)
        }
        registry.register(MePoints.self, calling: .mePoints) { params, request in
            try await request.core.myPoints(year: params.year, by: request.principal)
        }
    }
}
