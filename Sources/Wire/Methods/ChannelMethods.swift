import Domain

/// `channel.add`: adds a chat robot or webhook to an organization.
package enum ChannelAdd: RPCMethod {
    package typealias Params = ChannelFields
    package typealias Result = ChannelView
    package static let name = "channel.add"
    package static let summary = "为党组织添加投递渠道（企业微信、钉钉、飞书机器人或 Webhook）"
}

/// `channel.list`: channels in a subtree.
package enum ChannelList: RPCMethod {
    /// Which subtree.
    package struct Params: Codable, Sendable {
        /// The organization's code; defaults to the caller's scope.
        package var org: String?
        /// Creates the parameters.
        package init(org: String? = nil) { self.org = org }
    }
    /// The channels.
    package struct Result: Codable, Sendable {
        /// By organization.
        package var channels: [ChannelView]
        /// Creates the listing.
        package init(channels: [ChannelView]) { self.channels = channels }
    }
    package static let name = "channel.list"
    package static let summary = "投递渠道列表"
}

/// `channel.remove`: removes a channel; its pending deliveries are given up.
package enum ChannelRemove: RPCMethod {
    /// Which channel.
    package struct Params: Codable, Sendable {
        /// The channel's number.
        package var channel: Int64
        /// Creates the parameters.
        package init(channel: Int64) { self.channel = channel }
    }
    package typealias Result = OK
    package static let name = "channel.remove"
    package static let summary = "删除投递渠道"
}

/// `delivery.list`: outbox rows, newest first.
package enum DeliveryList: RPCMethod {
    /// Which rows.
    package struct Params: Codable, Sendable {
        /// Channels of this organization's subtree; defaults to the caller's scope.
        package var org: String?
        /// pending, sent or dead.
        package var state: String?
        /// At most this many (default 100).
        package var limit: Int?
        /// Creates the parameters.
        package init(org: String? = nil, state: String? = nil, limit: Int? = nil) {
            self.org = org
            self.state = state
            self.limit = limit
        }
    }
    /// The rows.
    package struct Result: Codable, Sendable {
        /// Newest first.
        package var deliveries: [DeliveryView]
        /// Creates the listing.
        package init(deliveries: [DeliveryView]) { self.deliveries = deliveries }
    }
    package static let name = "delivery.list"
    package static let summary = "投递记录（待投递、已送达、已放弃）"
}

/// `delivery.retry`: puts given-up deliveries back in line.
package enum DeliveryRetry: RPCMethod {
    /// Which rows.
    package struct Params: Codable, Sendable {
        /// These rows only; every given-up row (of the subtree) when absent.
        package var ids: [Int64]?
        /// Channels of this organization's subtree; defaults to the caller's scope.
        package var org: String?
        /// Creates the parameters.
        package init(ids: [Int64]? = nil, org: String? = nil) {
            self.ids = ids
            self.org = org
        }
    }
    /// What was requeued.
    package struct Result: Codable, Sendable {
        /// Rows put back in line.
        package var requeued: Int
        /// Creates the result.
        package init(requeued: Int) { self.requeued = requeued }
    }
    package static let name = "delivery.retry"
    package static let summary = "重新投递已放弃的消息"
}

/// `delivery.show`: one outbox row with every attempt made to deliver it.
package enum DeliveryShow: RPCMethod {
    /// Which row.
    package struct Params: Codable, Sendable {
        /// The row's number.
        package var id: Int64
        /// Creates the parameters.
        package init(id: Int64) { self.id = id }
    }
    package typealias Result = DeliveryView
    package static let name = "delivery.show"
    package static let summary = "查看一条投递及其每次尝试（时间、结果、错误）"
}

/// `channel.test`: sends a test message through a channel at once and reports what came of it.
package enum ChannelTest: RPCMethod {
    /// Which channel, and for a mail server the address to write to.
    package struct Params: Codable, Sendable {
        /// The channel's number.
        package var channel: Int64
        /// For a mail server: the recipient's address.
        package var to: String?
        /// Creates the parameters.
        package init(channel: Int64, to: String? = nil) {
            self.channel = channel
            self.to = to
        }
    }
    package typealias Result = ChannelTestResult
    package static let name = "channel.test"
    package static let summary = "发送一条测试消息，检验渠道配置（地址、密钥、关键词）是否正确"
}
