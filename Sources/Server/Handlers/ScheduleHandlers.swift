import Core
import Domain
import Foundation
import Wire

/// `schedule.*`: each decodes, calls its core operation for the peer's principal, and encodes.
enum ScheduleHandlers {
    static func register(in registry: inout MethodRegistry) {
        registry.register(ScheduleAdd.self, calling: .scheduleAdd) { params, request in
            try await request.core.addScheduledJob(params, by: request.principal)
        }
        registry.register(ScheduleList.self, calling: .scheduleList) { params, request in
            ScheduleList.Result(jobs: try await request.core.scheduledJobs(org: params.org, by: request.principal))
        }
        registry.register(ScheduleRemove.self, calling: .scheduleRemove) { params, request in
            try await request.core.removeScheduledJob(params.job, by: request.principal)
            return OK()
        }
        registry.register(ScheduleNext.self, calling: .scheduleNext) { params, request in
            FireTimes(
                times: try await request.core.nextFireTimes(params.job, count: params.count, by: request.principal)
            )
        }
        registry.register(SchedulePreview.self, calling: .schedulePreview) { params, request in
            FireTimes(
                times: try await request.core.previewRule(
                    params.rule,
                    zone: params.zone,
                    count: params.count,
                    by: request.principal
                )
            )
        }
    }
}
