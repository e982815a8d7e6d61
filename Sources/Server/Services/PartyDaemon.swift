import Core
import Domain
import Foundation
import Logging
import Notice
import Scheduler
import ServiceLifecycle
import Store
import UnixSignals
import Wire

#if canImport(Glibc)
import Glibc
#endif

/// The daemon assembled: the data-directory lock, then its services in dependency order: the store, the
/// delivery worker, the attachment collector, the socket listener, the HTTP listener (when configured), the
/// shutdown announcer. swift-service-lifecycle starts them in that order and, on SIGTERM,
/// stops them in reverse: the listener stops accepting and finishes in-flight requests, and the store
/// checkpoints last. `partyd`'s `main` and the in-process test harness both start it this way.
package final class PartyDaemon: Sendable {
    /// The configuration in force.
    package let configuration: DaemonConfiguration
    /// The socket clients connect to.
    package let socketPath: String
    /// The application core every caller uses (tests call it directly with other principals).
    package let core: PartyCore
    /// The socket's dispatcher (tests feed it request lines as other peers).
    package let dispatcher: Dispatcher
    /// Every method the daemon serves (test harnesses add their own methods to a copy).
    package let registry: MethodRegistry
    /// The outbox's delivery worker (tests run its rounds themselves).
    package let delivery: DeliveryWorker
    /// The HTTP listener for members' link pages, when configured (tests ask it for its port).
    package let web: WebService?
    private let lock: DataDirectoryLock
    private let group: ServiceGroup

    /// Takes the data directory, opens (and migrates) the database and prepares the socket. Throws a
    /// ``StartupError`` that explains in Chinese why the daemon cannot start.
    package init(
        configuration: DaemonConfiguration,
        logger: Logger,
        clock: any WallClock = SystemClock(),
        signals: [UnixSignal] = [.sigterm, .sigint],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        onReady: @escaping @Sendable () -> Void = {}
    ) throws {
        self.configuration = configuration
        lock = try DataDirectoryLock(
            directory: configuration.store.dataDir,
            othersMayRead: configuration.store.dataDirOpenToOthers
        )
        let databasePath = configuration.store.databasePath
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: databasePath)
        } catch {
            throw StartupError("无法打开数据库 \(databasePath)：\(error)")
        }
        let endpoint: RPCListener.Endpoint
        if let inherited = SocketActivation.inheritedListener(environment: environment) {
            socketPath = SocketActivation.boundPath(of: inherited) ?? configuration.listener.socketPath
            endpoint = .inherited(inherited, path: socketPath)
        } else {
            try SocketFile.prepare(path: configuration.listener.socketPath)
            socketPath = configuration.listener.socketPath
            endpoint = .path(configuration.listener.socketPath)
        }
        let blobs: BlobStore
        do {
            blobs = try BlobStore(directory: configuration.store.attachmentsPath)
        } catch {
            throw StartupError("无法准备附件目录 \(configuration.store.attachmentsPath)：\(error.localizedDescription)")
        }
        let linkKey: [UInt8]
        do {
            linkKey = try LinkKey.loadOrCreate(at: configuration.store.linkKeyPath)
        } catch {
            throw StartupError("无法准备链接密钥：\(error)")
        }
        core = PartyCore(
            store: store,
            clock: clock,
            timeZone: configuration.core.timeZone,
            ownUID: getuid(),
            accountsRequireUnixUser: configuration.core.accountsRequireUnixUser,
            attachments: AttachmentUploads(
                blobs: blobs,
                limits: configuration.attachments.limits,
                maxChunkBytes: Self.attachmentChunkBytes(maxRequestBytes: configuration.listener.maxRequestBytes)
            ),
            activities: configuration.activities.settings,
            links: MemberLinks(
                key: linkKey,
                lifetime: configuration.http.linkLifetime,
                publicBaseURL: configuration.http.publicBaseURL,
                served: configuration.http.address != nil
            ),
            reminders: configuration.reminders.registry
        )
        let notifier = SystemdNotifier(environment: environment)
        let info = DaemonInfo(configuration: configuration, startedAt: clock.now(), socketPath: socketPath)
        let uploads: ImportSessions
        do {
            uploads = try ImportSessions(directory: configuration.store.uploadsPath)
        } catch {
            throw StartupError("无法准备导入暂存目录 \(configuration.store.uploadsPath)：\(error.localizedDescription)")
        }
        let settings = configuration.delivery
        delivery = DeliveryWorker(
            core: core,
            client: CurlClient(
                limits: .init(
                    maximumConcurrentTransfers: settings.concurrency,
                    totalTimeout: .seconds(Int64(settings.timeoutSeconds))
                )
            ),
            policy: DeliveryPolicy(maximumAttempts: settings.maxAttempts)
        )
        let worker = delivery
        core.outboxSignal.connect { worker.wake() }
        registry = Self.registry(uploads: uploads) { channel, message in await worker.test(channel, message) }
        dispatcher = Dispatcher(
            registry: registry,
            core: core,
            daemon: info,
            logger: logger,
            heavyLimits: configuration.listener.heavyRequestLimits
        )
        let listener = RPCListener(
            endpoint: endpoint,
            dispatcher: dispatcher,
            configuration: configuration.listener,
            logger: logger,
            onReady: {
                notifier.ready(status: "正在 \(info.socketPath) 上服务")
                onReady()
            }
        )
        // Started in this order, stopped in reverse: STOPPING=1 goes out first, then the listener drains, the
        // delivery worker records its last attempts, and the store checkpoints last.
        let core = self.core
        web = configuration.http.address.map { WebService(host: $0.host, port: $0.port, core: core, logger: logger) }
        let scheduler: [any Service] =
            settings.workerRuns ? [SchedulerService(engine: SchedulerEngine(core: core), logger: logger)] : []
        var services: [any Service] =
            [
                StoreService(store: store, logger: logger),
                DeliveryService(
                    core: core,
                    worker: delivery,
                    pollInterval: .seconds(Int64(settings.pollSeconds)),
                    logger: logger,
                    workerRuns: settings.workerRuns
                ),
            ] + scheduler + [
                AttachmentCollectorService(
                    core: core,
                    unlinkedAge: Double(configuration.attachments.unlinkedHours) * 3600,
                    interval: .seconds(3600),
                    logger: logger
                ),
                listener,
            ]
        if let web { services.append(web) }
        services.append(ShutdownAnnouncer(notifier: notifier, logger: logger))
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: signals,
            cancellationSignals: [],
            logger: logger
        )
        // In-flight requests get this long to finish; then they are cancelled, and a cancelled write rolls back.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(Int64(configuration.shutdownGraceSeconds))
        group = ServiceGroup(configuration: groupConfiguration)
    }

    /// Every method the daemon serves, the heavy ones marked; uploads spool into `uploads`, and channel tests
    /// go out through `channelTester`.
    static func registry(uploads: ImportSessions, channelTester: @escaping ChannelTester) -> MethodRegistry {
        var registry = MethodRegistry()
        OrgHandlers.register(in: &registry)
        UserHandlers.register(in: &registry)
        MemberHandlers.register(in: &registry)
        ImportHandlers.register(in: &registry, sessions: uploads)
        NoticeHandlers.register(in: &registry)
        ChannelHandlers.register(in: &registry, tester: channelTester)
        AttachmentHandlers.register(in: &registry)
        BoardHandlers.register(in: &registry)
        ScheduleHandlers.register(in: &registry)
        ReminderHandlers.register(in: &registry)
        ActivityHandlers.register(in: &registry)
        let catalog = registry.catalog
        SystemHandlers.register(in: &registry, catalog: { catalog + systemCatalog })
        // What reads or writes a whole subtree, roster or log: one such call can keep a core busy for seconds.
        registry.markHeavy([
            MemberExport.self, MemberList.self, MemberHistory.self, OrgTree.self, OrgExport.self, OrgHistory.self,
            OrgRevokedList.self, AuditList.self, ImportCommit.self, NoticePost.self, NoticeReceiptsMethod.self,
            ActivityComplianceMethod.self, PointsList.self,
        ])
        return registry
    }

    /// The attachment chunk size: 256 KiB, or less when the request line limit is lowered so far that a
    /// chunk's Base64 (a third larger) and the request around it would not fit.
    static func attachmentChunkBytes(maxRequestBytes: Int) -> Int {
        min(256 * 1024, max(512, (maxRequestBytes - 1024) / 4 * 3))
    }

    private static let systemCatalog: [SystemMethods.Entry] = [
        .init(name: SystemHello.name, summary: SystemHello.summary, access: "anyone"),
        .init(name: SystemMethods.name, summary: SystemMethods.summary, access: "anyone"),
        .init(name: SystemStatus.name, summary: SystemStatus.summary, access: "account"),
    ]

    /// Serves until a shutdown signal (or ``shutdown()``), then stops the services in reverse order and returns.
    package func run() async throws {
        defer { lock.release() }
        try await group.run()
    }

    /// Starts a graceful shutdown, as SIGTERM does.
    package func shutdown() async {
        await group.triggerGracefulShutdown()
    }
}

/// Tells systemd `STOPPING=1` as soon as a graceful shutdown begins.
struct ShutdownAnnouncer: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("graceful shutdown: finishing in-flight requests")
        notifier.stopping()
    }
}
