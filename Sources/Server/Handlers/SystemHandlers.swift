import Domain
import Foundation
import Store
import Wire

/// `system.*`: greetings, the method catalog and the daemon's status.
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
        registry.register(SystemStatus.self, access: .account) { _, context in
            let root = context.defaultRoot
            let counts = try await context.store.read { tx in try tx.counts(under: root) }
            let info = context.daemon
            return SystemStatus.Result(
                serverVersion: partyServerVersion,
                protocolVersion: partyProtocolVersion,
                startedAt: RequestContext.timestamp(info.startedAt, in: info.configuration.timeZone),
                uptimeSeconds: Int(context.now.timeIntervalSince(info.startedAt)),
                dataDir: info.configuration.dataDir,
                socketPath: info.socketPath,
                timeZone: info.configuration.timeZone.identifier,
                callerUser: context.caller.userName,
                callerRole: context.caller.role?.rawValue ?? "",
                counts: SystemStatus.Counts(
                    organizations: counts.organizations,
                    revokedOrganizations: counts.revokedOrganizations,
                    members: counts.members,
                    accounts: counts.accounts
                )
            )
        }
    }
}
