import Core
import Domain
import Foundation
import Wire

/// Sends a channel's test message at once (the delivery worker's sender): whether it was delivered, and the detail.
typealias ChannelTester = @Sendable (OrgChannel, ChannelTestMessage) async -> (delivered: Bool, detail: String)

/// `channel.*` and `delivery.list`: each decodes, calls its core operation for the peer's principal, and encodes.
enum ChannelHandlers {
    static func register(in registry: inout MethodRegistry, tester: @escaping ChannelTester) {
        registry.register(ChannelTest.self, calling: .channelTest) { params, request in
            try await request.core.testChannel(params.channel, to: params.to, by: request.principal, send: tester)
        }
        registry.register(ChannelAdd.self, calling: .channelAdd) { params, request in
            try await request.core.addChannel(params, by: request.principal)
        }
        registry.register(ChannelList.self, calling: .channelList) { params, request in
            ChannelList.Result(channels: try await request.core.channels(org: params.org, by: request.principal))
        }
        registry.register(ChannelRemove.self, calling: .channelRemove) { params, request in
            try await request.core.removeChannel(params.channel, by: request.principal)
            return OK()
        }
        registry.register(OrgQuietHours.self, calling: .orgQuietHours) { params, request in
            try await request.core.quietHours(code: params.code, by: request.principal)
        }
        registry.register(OrgSetQuietHours.self, calling: .orgSetQuietHours) { params, request in
            try await request.core.setQuietHours(
                code: params.code,
                from: params.from,
                to: params.to,
                off: params.off ?? false,
                by: request.principal
            )
        }
        registry.register(DeliveryRetry.self, calling: .deliveryRetry) { params, request in
            DeliveryRetry.Result(
                requeued: try await request.core.retryDeliveries(params.ids, org: params.org, by: request.principal)
            )
        }
        registry.register(DeliveryList.self, calling: .deliveryList) { params, request in
            DeliveryList.Result(
                deliveries: try await request.core.deliveries(
                    org: params.org,
                    state: params.state,
                    limit: params.limit,
                    by: request.principal
                )
            )
        }
        registry.register(DeliveryShow.self, calling: .deliveryShow) { params, request in
            try await request.core.delivery(params.id, by: request.principal)
        }
    }
}
