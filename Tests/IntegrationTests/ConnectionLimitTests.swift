import Domain
import Foundation
import NIOCore
import PartyTesting
import Server
import Synchronization
import Testing
import Wire

/// What one user can do to the daemon through the socket: hold connections, buffer bytes, trickle, abandon
/// heavy requests. The admission decision is tested as a value; the listener is tested in process, its peers
/// taken for principals without root (an auditor, a user without an account) so that it runs as anyone.
@Suite("Connection and request limits")
struct ConnectionLimitTests {
    // MARK: the decisions, as values

    @Test func admissionLimitsEachUserAndKeepsTheReserveForAdministrators() {
        var admission = ConnectionAdmission(
            limits: ConnectionLimits(total: 6, reservedForAdministrators: 2, perUser: 3, perAdministrator: 5)
        )
        for _ in 0..<3 { #expect(admission.admit(uid: 1000, administrator: false) == nil) }
        #expect(admission.admit(uid: 1000, administrator: false) == .perUser(uid: 1000, limit: 3))
        #expect(admission.admit(uid: 1001, administrator: false) == nil)
        // Four open: the last two places are the administrators'.
        #expect(admission.admit(uid: 1002, administrator: false) == .total)
        #expect(admission.admit(uid: 0, administrator: true) == nil)
        #expect(admission.admit(uid: 0, administrator: true) == nil)
        #expect(admission.admit(uid: 0, administrator: true) == .total)
        admission.release(uid: 1000)
        #expect(admission.open == 5)
        #expect(admission.perUID[1000] == 2)
        #expect(admission.admit(uid: 0, administrator: true) == nil)
        #expect(ConnectionRefusal.total.error.data.reason == "rpc.too_many_connections")
        #expect(ConnectionRefusal.total.error.code == RPCErrorCode.unavailable)
    }

    @Test func connectionsBeingIdentifiedCountAndAreBounded() {
        var admission = ConnectionAdmission(
            limits: ConnectionLimits(
                total: 4,
                reservedForAdministrators: 2,
                perUser: 4,
                perAdministrator: 4,
                identifying: 2
            )
        )
        #expect(admission.beginIdentification() == nil)
        #expect(admission.beginIdentification() == nil)
        #expect(admission.beginIdentification() == .identifying)
        #expect(admission.admit(uid: 0, administrator: true) == nil)
        // Two identifying and one open: a non-administrator is turned away at the reserve, even its own.
        #expect(admission.admit(uid: 7, administrator: false, identified: true) == .total)
        #expect(admission.identifying == 1)
        admission.abandonIdentification()
        #expect(admission.identifying == 0)
        #expect(admission.admit(uid: 7, administrator: false) == nil)
    }

    @Test func heavyRequestsAreLimitedPerPrincipalAndForNonAdministrators() {
        var quota = HeavyRequestQuota(limits: HeavyRequestLimits(total: 2, perPrincipal: 1))
        let a = Principal.unixUser(uid: 60_001, name: "a")
        let b = Principal.unixUser(uid: 60_002, name: "b")
        let c = Principal.unixUser(uid: 60_003, name: "c")
        #expect(quota.begin(a, administrator: false) == nil)
        #expect(quota.begin(a, administrator: false)?.data.reason == "rpc.busy")
        #expect(quota.begin(b, administrator: false) == nil)
        #expect(quota.begin(c, administrator: false)?.data.reason == "rpc.busy")
        #expect(quota.begin(.unixUser(uid: 0, name: "root"), administrator: true) == nil)
        quota.end(a, administrator: false)
        #expect(quota.begin(c, administrator: false) == nil)
    }

    @Test func heavyMethodsAreMarkedInTheRegistry() async throws {
        try await withTestDaemon { daemon, _ in
            let registry = daemon.daemon.registry
            for name in [
                "member.export", "member.list", "member.history", "org.tree", "org.export", "audit.list",
                "import.commit",
            ] {
                #expect(registry.entry(name)?.heavy == true, "\(name)")
            }
            for name in ["member.show", "org.show", "system.status", "system.hello"] {
                #expect(registry.entry(name)?.heavy == false, "\(name)")
            }
        }
    }

    // MARK: the listener

    @Test func peerWithoutAccountGetsOneRefusalAndIsClosed() async throws {
        try await withTestDaemon { daemon, _ in
            let listener = try await TestListener.start(
                on: daemon,
                principal: { _ in .unixUser(uid: 60_100, name: "stranger") }
            )
            let client = try await listener.client()
            // Even the methods open to anyone: the connection exists only to say why there is none.
            let error = await expectRefusal(code: RPCErrorCode.unauthenticated, reason: "auth.no_account") {
                _ = try await client.call(SystemHello.self)
            }
            #expect(error?.data.message.contains("stranger") == true)
            #expect(error?.data.message.contains("没有 partyd 账户") == true)
            try await client.waitForClose()
            await client.close()
            await listener.stop()
        }
    }

    @Test func peerWithoutAccountThatSaysNothingIsRefusedAndClosed() async throws {
        try await withTestDaemon { daemon, _ in
            let listener = try await TestListener.start(
                on: daemon,
                configure: { $0.requestTimeoutSeconds = 1 },
                principal: { _ in .unixUser(uid: 60_101, name: "silent") }
            )
            let client = try await listener.client()
            try await within(seconds: 20) { try await client.waitForClose() }
            await client.close()
            await listener.stop()
        }
    }

    @Test func connectionsPerUserAreLimitedAndFreedOnClose() async throws {
        try await withTestDaemon { daemon, admin in
            try await seedTree(admin)
            _ = try await admin.call(UserAdd.self, .init(unixUser: "audc", role: "auditor", org: "C"))
            let listener = try await TestListener.start(
                on: daemon,
                configure: { $0.maxConnectionsPerUser = 3 },
                principal: { _ in .unixUser(uid: 60_200, name: "audc") }
            )
            var clients: [RPCClient] = []
            for _ in 0..<3 {
                let client = try await listener.client()
                _ = try await client.call(SystemStatus.self)
                clients.append(client)
            }
            let refused = try await listener.client()
            await expectRefusal(code: RPCErrorCode.unavailable, reason: "rpc.too_many_connections") {
                _ = try await refused.call(SystemStatus.self)
            }
            try await refused.waitForClose()
            await refused.close()
            await clients.removeFirst().close()
            // The place is given back once the server has seen the close; bounded retries, no sleeping.
            var admitted = false
            for _ in 0..<200 where !admitted {
                let again = try await listener.client()
                admitted = (try? await again.call(SystemStatus.self)) != nil
                await again.close()
            }
            #expect(admitted)
            for client in clients { await client.close() }
            await listener.stop()
        }
    }

    @Test func administratorsKeepTheirReserveAndTheirOwnLimit() async throws {
        try await withTestDaemon { daemon, admin in
            try await seedTree(admin)
            _ = try await admin.call(UserAdd.self, .init(unixUser: "audc", role: "auditor", org: "C"))
            let next = Mutex(Principal.unixUser(uid: 60_300, name: "audc"))
            let listener = try await TestListener.start(
                on: daemon,
                configure: {
                    $0.maxConnections = 4
                    $0.adminReservedConnections = 2
                    $0.maxConnectionsPerUser = 10
                    $0.maxConnectionsPerAdmin = 10
                },
                principal: { _ in next.withLock { $0 } }
            )
            var clients: [RPCClient] = []
            for _ in 0..<2 {
                let client = try await listener.client()
                _ = try await client.call(SystemStatus.self)
                clients.append(client)
            }
            let third = try await listener.client()
            await expectRefusal(code: RPCErrorCode.unavailable, reason: "rpc.too_many_connections") {
                _ = try await third.call(SystemStatus.self)
            }
            await third.close()
            // root still gets in, up to the total.
            next.withLock { $0 = .unixUser(uid: 0, name: "root") }
            for _ in 0..<2 {
                let client = try await listener.client()
                _ = try await client.call(SystemStatus.self)
                clients.append(client)
            }
            let fifth = try await listener.client()
            await expectRefusal(code: RPCErrorCode.unavailable, reason: "rpc.too_many_connections") {
                _ = try await fifth.call(SystemStatus.self)
            }
            await fifth.close()
            for client in clients { await client.close() }
            await listener.stop()
        }
    }

    @Test func requestLineThatTricklesIsRefusedAndClosed() async throws {
        try await withTestDaemon { daemon, _ in
            let listener = try await TestListener.start(on: daemon, configure: { $0.requestTimeoutSeconds = 1 })
            let client = try await listener.client()
            let reply = try await within(seconds: 20) {
                try await client.exchange(Array("{\"jsonrpc\":\"2.0\",".utf8))
            }
            struct Reply: Decodable { let error: RPCErrorObject? }
            let error = try JSONDecoder().decode(Reply.self, from: Data(reply.readableBytesView)).error
            #expect(error?.data.reason == "rpc.request_timeout")
            try await within(seconds: 20) { try await client.waitForClose() }
            await client.close()
            await listener.stop()
        }
    }

    @Test func unfinishedLinesShareOneBudget() async throws {
        try await withTestDaemon { daemon, admin in
            try await seedTree(admin)
            _ = try await admin.call(UserAdd.self, .init(unixUser: "audc", role: "auditor", org: "C"))
            let listener = try await TestListener.start(
                on: daemon,
                configure: {
                    $0.maxRequestBytes = 4096
                    $0.maxBufferedBytes = 6000
                },
                principal: { _ in .unixUser(uid: 60_400, name: "audc") }
            )
            let first = try await listener.client()
            _ = try await first.call(SystemStatus.self)
            try await first.send(Array(repeating: UInt8(ascii: " "), count: 4000))
            try await eventually { listener.listener.bufferedBytes == 4000 }
            let second = try await listener.client()
            let reply = try await second.exchange(Array(repeating: UInt8(ascii: " "), count: 4000))
            struct Reply: Decodable { let error: RPCErrorObject? }
            let error = try JSONDecoder().decode(Reply.self, from: Data(reply.readableBytesView)).error
            #expect(error?.data.reason == "rpc.buffers_full")
            try await second.waitForClose()
            await second.close()
            await first.close()
            try await eventually { listener.listener.bufferedBytes == 0 }
            await listener.stop()
        }
    }

    @Test func requestOfAClientThatLeavesIsCancelled() async throws {
        try await withTestDaemon { daemon, _ in
            let probe = BlockingProbe()
            let listener = try await TestListener.start(on: daemon, methods: probe.register)
            let client = try await listener.client()
            // Several pipelined, then gone: the first is cancelled and the rest never start.
            let line = #"{"jsonrpc":"2.0","id":1,"method":"test.block"}"# + "\n"
            try await client.send(Array(String(repeating: line, count: 5).utf8))
            try await probe.waitStarted(1)
            await client.close()
            try await within(seconds: 20) { try await probe.waitCancelled(1) }
            try await eventually { listener.dispatcher.heavyRequestsRunning == 0 }
            #expect(probe.started == 1)
            await listener.stop()
        }
    }

    @Test func idleTimerSparesAConnectionWhoseRequestIsBeingAnswered() async throws {
        try await withTestDaemon { daemon, _ in
            let probe = BlockingProbe()
            let listener = try await TestListener.start(
                on: daemon,
                configure: { $0.idleTimeoutSeconds = 1 },
                methods: probe.register
            )
            let client = try await listener.client()
            async let answer = client.call(TestHold.self)
            try await probe.waitStarted(1)
            // Longer than the idle timeout: the request is still being answered, so the connection stays.
            try await Task.sleep(for: .milliseconds(2500))
            probe.release()
            #expect(try await answer == OK())
            await client.close()
            await listener.stop()
        }
    }

    @Test func heavyRequestsOverTheLimitAreRefusedAtOnceAndShortOnesStillAnswered() async throws {
        try await withTestDaemon { daemon, admin in
            try await seedTree(admin)
            for name in ["auda", "audb", "audc"] {
                _ = try await admin.call(UserAdd.self, .init(unixUser: name, role: "auditor", org: "C"))
            }
            let probe = BlockingProbe()
            let next = Mutex(Principal.unixUser(uid: 60_501, name: "auda"))
            let listener = try await TestListener.start(
                on: daemon,
                configure: {
                    $0.maxHeavyRequests = 2
                    $0.maxHeavyRequestsPerUser = 1
                },
                methods: probe.register,
                principal: { _ in next.withLock { $0 } }
            )
            func connect(_ principal: Principal) async throws -> RPCClient {
                next.withLock { $0 = principal }
                let client = try await listener.client()
                _ = try await client.call(SystemHello.self)
                return client
            }
            let auda = Principal.unixUser(uid: 60_501, name: "auda")
            let a1 = try await connect(auda)
            let a2 = try await connect(auda)
            let b = try await connect(.unixUser(uid: 60_502, name: "audb"))
            let c = try await connect(.unixUser(uid: 60_503, name: "audc"))
            let root = try await connect(.unixUser(uid: 0, name: "root"))
            let line = Array((#"{"jsonrpc":"2.0","id":1,"method":"test.block"}"# + "\n").utf8)
            try await a1.send(line)
            try await probe.waitStarted(1)
            await expectRefusal(code: RPCErrorCode.unavailable, reason: "rpc.busy") {
                _ = try await a2.call(TestBlock.self)
            }
            try await b.send(line)
            try await probe.waitStarted(2)
            await expectRefusal(code: RPCErrorCode.unavailable, reason: "rpc.busy") {
                _ = try await c.call(TestBlock.self)
            }
            // Short requests go on while the heavy ones run, and administrators are not refused for others' work.
            _ = try await a2.call(SystemStatus.self)
            _ = try await c.call(OrgShow.self, .init(code: "C"))
            try await root.send(line)
            try await probe.waitStarted(3)
            for client in [a1, a2, b, c, root] { await client.close() }
            try await within(seconds: 20) { try await probe.waitCancelled(3) }
            await listener.stop()
        }
    }
}

/// A heavy test method that runs until cancelled.
enum TestBlock: RPCMethod {
    typealias Params = NoParams
    typealias Result = OK
    static let name = "test.block"
    static let summary = "测试：阻塞直到取消"
}

/// A light test method that runs until the test releases it.
enum TestHold: RPCMethod {
    typealias Params = NoParams
    typealias Result = OK
    static let name = "test.hold"
    static let summary = "测试：等待放行"
}

/// Counts how many test requests started and were cancelled, and lets the test wait for those counts.
final class BlockingProbe: Sendable {
    private struct State {
        var started = 0
        var cancelled = 0
        var released = false
    }

    private let state = Mutex(State())
    private let changes: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init() { (changes, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1)) }

    var started: Int { state.withLock { $0.started } }

    /// Registers `test.block` (heavy) and `test.hold`.
    func register(_ registry: inout MethodRegistry) {
        registry.register(TestBlock.self, access: .anyone) { _, _ in
            self.state.withLock { $0.started += 1 }
            self.signal.yield()
            do {
                try await Task.sleep(for: .seconds(600))
            } catch {
                self.state.withLock { $0.cancelled += 1 }
                self.signal.yield()
                throw error
            }
            return OK()
        }
        registry.markHeavy([TestBlock.self])
        registry.register(TestHold.self, access: .anyone) { _, _ in
            self.state.withLock { $0.started += 1 }
            self.signal.yield()
            while !self.state.withLock({ $0.released }) {
                try await Task.sleep(for: .milliseconds(20))
            }
            return OK()
        }
    }

    func release() { state.withLock { $0.released = true } }

    func waitStarted(_ count: Int) async throws {
        try await wait { $0.started >= count }
    }

    func waitCancelled(_ count: Int) async throws {
        try await wait { $0.cancelled >= count }
    }

    private func wait(_ done: @escaping @Sendable (State) -> Bool) async throws {
        try await within(seconds: 20) {
            // A change signalled before the wait began stays buffered, so checking first loses nothing.
            if self.state.withLock({ done($0) }) { return }
            for await _ in self.changes where self.state.withLock({ done($0) }) { return }
        }
    }
}

/// Runs `body`, failing if it takes longer than `seconds` (a test must not hang on a missing close).
func within<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        guard let first = try await group.next(), let value = first else {
            group.cancelAll()
            throw TestTimeout(seconds: seconds)
        }
        group.cancelAll()
        return value
    }
}

/// Polls a condition the daemon offers no signal for, at most 500 times.
func eventually(_ condition: @Sendable () -> Bool) async throws {
    for _ in 0..<500 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw TestTimeout(seconds: 5)
}

/// A bounded wait that ran out.
struct TestTimeout: Error, CustomStringConvertible {
    let seconds: Int
    var description: String { "not done within \(seconds) s" }
}
