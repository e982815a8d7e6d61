import Domain
import Foundation
import NIOCore
import PartyTesting
import Server
import Testing
import Wire

@Suite("Protocol robustness")
struct ProtocolTests {
    @Test func helloAndMethods() async throws {
        try await withTestDaemon { _, client in
            let hello = try await client.call(SystemHello.self)
            #expect(hello.protocolVersion == partyProtocolVersion)
            let methods = try await client.call(SystemMethods.self).methods.map(\.name)
            for name in ["system.hello", "system.status", "org.add", "org.tree", "user.add", "audit.list"] {
                #expect(methods.contains(name))
            }
            let status = try await client.call(SystemStatus.self)
            #expect(status.callerRole == "admin")
        }
    }

    @Test func malformedInputGetsStableCodes() async throws {
        try await withTestDaemon { _, client in
            #expect(try await rawError(client, "{not json")?.code == RPCErrorCode.parseError)
            #expect(try await rawError(client, "\u{FF}\u{FE}")?.code == RPCErrorCode.parseError)
            #expect(try await rawError(client, "[1,2]")?.code == RPCErrorCode.invalidRequest)
            #expect(try await rawError(client, "42")?.code == RPCErrorCode.invalidRequest)
            #expect(
                try await rawError(client, #"{"jsonrpc":"1.0","id":1,"method":"system.hello"}"#)?.code
                    == RPCErrorCode.invalidRequest
            )
            #expect(try await rawError(client, #"{"jsonrpc":"2.0","id":1}"#)?.code == RPCErrorCode.invalidRequest)
            #expect(
                try await rawError(client, #"{"jsonrpc":"2.0","id":1,"method":"org.nope"}"#)?.code
                    == RPCErrorCode.methodNotFound
            )
            let wrongType = try await rawError(
                client,
                #"{"jsonrpc":"2.0","id":1,"method":"org.add","params":{"code":1,"name":"x","kind":"党委"}}"#
            )
            #expect(wrongType?.code == RPCErrorCode.invalidParams)
            #expect(wrongType?.data.field == "code")
            let missing = try await rawError(
                client,
                #"{"jsonrpc":"2.0","id":1,"method":"org.add","params":{"name":"x"}}"#
            )
            #expect(missing?.code == RPCErrorCode.invalidParams)
            #expect(
                try await rawError(client, #"{"jsonrpc":"2.0","id":1,"method":"org.show","params":[1]}"#)?.code
                    == RPCErrorCode.invalidParams
            )
            // Inputs from a fuzzing pass, kept as regressions: deep nesting, huge numbers, odd ids, control bytes.
            let deep = String(repeating: "[", count: 200_000)
            #expect(try await rawError(client, deep)?.code == RPCErrorCode.parseError)
            let deepParams = #"{"jsonrpc":"2.0","id":1,"method":"org.add","params":"# + deep + "}"
            #expect(try await rawError(client, deepParams)?.code == RPCErrorCode.parseError)
            #expect(
                try await rawError(client, #"{"jsonrpc":"2.0","id":{"x":1},"method":"system.hello"}"#)?.code
                    == RPCErrorCode.invalidRequest
            )
            #expect(try await rawError(client, "\u{01}\u{02}")?.code == RPCErrorCode.parseError)
            let huge = try await rawError(
                client,
                #"{"jsonrpc":"2.0","id":1,"method":"org.tree","params":{"depth":99999999999999999999}}"#
            )
            #expect(huge?.code == RPCErrorCode.invalidParams)
            #expect(huge?.data.message.contains("The given data") == false)
            // A notification gets no reply, so the next request's answer is the next line.
            try await client.send(Array(#"{"jsonrpc":"2.0","method":"system.hello"}"#.utf8) + [10])
            #expect(try await client.call(SystemHello.self).server == "partyd")
            // Nothing was created by any of it.
            #expect(try await client.call(OrgTree.self, .init()).nodes.isEmpty)
        }
    }

    @Test func oversizedFrameIsRefusedAndClosedWithoutHurtingOthers() async throws {
        try await withTestDaemon(configure: { $0.listener.maxRequestBytes = 64 * 1024 }) { daemon, bystander in
            let client = try await daemon.client()
            let huge =
                #"{"jsonrpc":"2.0","id":1,"method":"org.add","params":{"code":"X","name":""#
                + String(repeating: "长", count: 40_000) + #"","kind":"党委"}}"#
            let reply = try await client.exchange(Array((huge + "\n").utf8))
            struct Reply: Decodable { let error: RPCErrorObject }
            let error = try JSONDecoder().decode(Reply.self, from: Data(reply.readableBytesView)).error
            #expect(error.code == RPCErrorCode.invalidRequest)
            #expect(error.data.reason == "rpc.request_too_large")
            try await client.waitForClose()
            #expect(try await bystander.call(SystemHello.self).server == "partyd")
            #expect(try await bystander.call(OrgTree.self, .init()).nodes.isEmpty)
        }
    }

    @Test func vanishingAndStalledClientsDoNotBlockOthers() async throws {
        try await withTestDaemon { daemon, client in
            // A client that sends half a request and vanishes.
            let quitter = try await daemon.client()
            try await quitter.send(Array(#"{"jsonrpc":"2.0","id":1,"method":"org.add","params":{"code":"Q","#.utf8))
            await quitter.close()
            // A client that sends half a request and stalls.
            let staller = try await daemon.client()
            try await staller.send(Array(#"{"jsonrpc":"2.0","id":1,"method":"#.utf8))
            #expect(try await client.call(SystemHello.self).server == "partyd")
            #expect(try await client.call(OrgTree.self, .init()).nodes.isEmpty, "the half-sent request did nothing")
            await staller.close()
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        try await withTestDaemon(configure: { $0.listener.idleTimeoutSeconds = 1 }) { daemon, _ in
            let idle = try await daemon.client()
            _ = try await idle.call(SystemHello.self)
            // Bounded: the daemon closes within its 1 s timeout; the test fails rather than hangs if not.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await idle.waitForClose()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(20))
                    return false
                }
                let first = try await group.next()
                #expect(first == true)
                group.cancelAll()
            }
        }
    }

    @Test func manyConcurrentClients() async throws {
        try await withTestDaemon { daemon, client in
            _ = try await client.call(OrgAdd.self, .init(code: "R", name: "根", kind: "党委"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        let c = try await daemon.client()
                        for j in 0..<10 {
                            _ = try await c.call(
                                OrgAdd.self,
                                .init(code: "R\(i)-\(j)", name: "支部\(i)-\(j)", kind: "党支部", parent: "R")
                            )
                        }
                        await c.close()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await client.call(OrgShow.self, .init(code: "R")).subtreeOrgCount == 161)
        }
    }
}
