import Core
import Domain
import Foundation
import Store
import Wire

/// `system.*`: greetings and the method catalog (the protocol's own, open to anyone), and the daemon's status.
enum SystemHandlers {
    static func register(in registry: inout MethodRegistry, catalog: @escaping @Sendable () -> [SystemMethods.Entry]) {
        registry.register(SystemHello.self, access: .anyone) { _, _ in
            SystemHello.Result(
                server: "partyd",
                serverVersion: partyServerVersion,
                protocolVersion: partyProtocolVersion
            )
        }
        registry.register(SystemMethods.self, access: .anyone) { _, _ in
            SystemMethods.Result(methods: catalog())
        }
        registry.register(SystemStatus.self, calling: .systemStatus) { _, request in
            let report = try await request.core.status(by: request.principal)
            let info = request.daemon
            let zone = info.configuration.core.timeZone
            return SystemStatus.Result(
                serverVersion: partyServerVersion,
                protocolVersion: partyProtocolVersion,
                startedAt: LocalTime.text(info.startedAt, in: zone),
                uptimeSeconds: Int(report.now.timeIntervalSince(info.startedAt)),
                dataDir: info.configuration.store.dataDir,
                socketPath: info.socketPath,
                timeZone: zone.identifier,
                callerUser: report.caller.userName,
                callerRole: report.caller.role?.rawValue ?? "",
                counts: SystemStatus.Counts(
                    organizations: report.counts.organizations,
                    revokedOrganizations: report.counts.revokedOrganizations,
                    members: report.counts.members,
                    accounts: report.counts.accounts
                )
            )
        }
    }
}
