import Domain

/// Parameters naming one organization by its code.
package struct OrgCodeParams: Codable, Sendable {
    /// 组织代码.
    package var code: String
    /// Creates the parameters.
    package init(code: String) { self.code = code }
}

/// `org.add`: creates an organization under a parent (or at the top).
package enum OrgAdd: RPCMethod {
    package typealias Params = OrgFields
    package typealias Result = OrgDetail
    package static let name = "org.add"
    package static let summary = "新建党组织"
}

/// `org.show`: one organization with its counts.
package enum OrgShow: RPCMethod {
    package typealias Params = OrgCodeParams
    package typealias Result = OrgDetail
    package static let name = "org.show"
    package static let summary = "查看党组织详情"
}

/// `org.tree`: the tree under a root, in pre-order, with subtree counts.
package enum OrgTree: RPCMethod {
    /// Where to start and how deep to list.
    package struct Params: Codable, Sendable {
        /// The root's code; defaults to the caller's scope (or every top-level organization for an admin).
        package var root: String?
        /// Levels below the root to list (0 = the root only); counts always cover the whole subtree.
        package var depth: Int?
        /// Creates the parameters.
        package init(root: String? = nil, depth: Int? = nil) {
            self.root = root
            self.depth = depth
        }
    }
    /// The listing.
    package struct Result: Codable, Sendable {
        /// Nodes in pre-order.
        package var nodes: [OrgTreeNode]
        /// Creates the listing.
        package init(nodes: [OrgTreeNode]) { self.nodes = nodes }
    }
    package static let name = "org.tree"
    package static let summary = "组织树（含各子树组织数与党员数）"
}

/// `org.edit`: changes descriptive fields; an empty string clears an optional field.
package enum OrgEdit: RPCMethod {
    package typealias Params = OrgEdits
    package typealias Result = OrgDetail
    package static let name = "org.edit"
    package static let summary = "修改党组织信息"
}

/// `org.rename`: changes the name (kept in history).
package enum OrgRename: RPCMethod {
    /// The organization and its new name.
    package struct Params: Codable, Sendable {
        /// 组织代码.
        package var code: String
        /// 新名称.
        package var name: String
        /// Creates the parameters.
        package init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }
    package typealias Result = OrgDetail
    package static let name = "org.rename"
    package static let summary = "党组织更名"
}

/// `org.setKind`: changes the kind, keeping parent and children legal.
package enum OrgSetKind: RPCMethod {
    /// The organization and its new kind.
    package struct Params: Codable, Sendable {
        /// 组织代码.
        package var code: String
        /// 新组织类别.
        package var kind: String
        /// Creates the parameters.
        package init(code: String, kind: String) {
            self.code = code
            self.kind = kind
        }
    }
    package typealias Result = OrgDetail
    package static let name = "org.setKind"
    package static let summary = "变更党组织类别"
}

/// `org.move`: 整建制转移, moves a subtree under another parent.
package enum OrgMove: RPCMethod {
    /// The organization and its new parent.
    package struct Params: Codable, Sendable {
        /// 组织代码.
        package var code: String
        /// The new parent's code.
        package var to: String
        /// Creates the parameters.
        package init(code: String, to: String) {
            self.code = code
            self.to = to
        }
    }
    package typealias Result = OrgDetail
    package static let name = "org.move"
    package static let summary = "整建制转移（将组织及其下级移到新的上级组织）"
}

/// `org.merge`: moves children and members into another organization and revokes this one.
package enum OrgMerge: RPCMethod {
    /// The organization merged and the one receiving it.
    package struct Params: Codable, Sendable {
        /// 组织代码 of the organization that disappears.
        package var code: String
        /// The receiving organization's code.
        package var into: String
        /// The date of the merge (defaults to today).
        package var date: String?
        /// Creates the parameters.
        package init(code: String, into: String, date: String? = nil) {
            self.code = code
            self.into = into
            self.date = date
        }
    }
    package typealias Result = OrgDetail
    package static let name = "org.merge"
    package static let summary = "合并党组织（下级组织与党员并入目标组织，原组织撤销）"
}

/// `org.revoke`: 撤销 an empty organization.
package enum OrgRevoke: RPCMethod {
    /// The organization, the date and the reason.
    package struct Params: Codable, Sendable {
        /// 组织代码.
        package var code: String
        /// 撤销日期.
        package var date: String
        /// 撤销原因.
        package var reason: String
        /// Creates the parameters.
        package init(code: String, date: String, reason: String) {
            self.code = code
            self.date = date
            self.reason = reason
        }
    }
    package typealias Result = OrgDetail
    package static let name = "org.revoke"
    package static let summary = "撤销党组织（须无党员、无下级组织）"
}

/// `org.revoked`: the revoked organizations within the caller's scope.
package enum OrgRevokedList: RPCMethod {
    /// An optional root to look under.
    package struct Params: Codable, Sendable {
        /// The root's code; defaults to the caller's scope.
        package var root: String?
        /// Creates the parameters.
        package init(root: String? = nil) { self.root = root }
    }
    /// The revoked organizations.
    package struct Result: Codable, Sendable {
        /// Ordered by code.
        package var organizations: [OrgDetail]
        /// Creates the list.
        package init(organizations: [OrgDetail]) { self.organizations = organizations }
    }
    package static let name = "org.revoked"
    package static let summary = "已撤销党组织列表"
}

/// `org.delete`: removes an organization with no children and no member records.
package enum OrgDelete: RPCMethod {
    package typealias Params = OrgCodeParams
    package typealias Result = OK
    package static let name = "org.delete"
    package static let summary = "删除党组织（须无党员、无下级组织）"
}

/// `org.history`: every change to an organization.
package enum OrgHistory: RPCMethod {
    /// The changes.
    package struct Result: Codable, Sendable {
        /// Oldest first.
        package var entries: [HistoryEntry]
        /// Creates the list.
        package init(entries: [HistoryEntry]) { self.entries = entries }
    }
    package typealias Params = OrgCodeParams
    package static let name = "org.history"
    package static let summary = "党组织变更历史"
}

/// `org.quietHours`: the quiet hours in force at an organization.
package enum OrgQuietHours: RPCMethod {
    package typealias Params = OrgCodeParams
    package typealias Result = QuietHoursView
    package static let name = "org.quietHours"
    package static let summary = "查看党组织的静默时段（非紧急消息在此时段内暂不发送）"
}

/// `org.setQuietHours`: sets, turns off, or resets an organization's quiet hours.
package enum OrgSetQuietHours: RPCMethod {
    /// The new setting: `from` and `to`, or `off`, or neither (inherit again).
    package struct Params: Codable, Sendable {
        /// The organization's code.
        package var code: String
        /// Start, HH:MM.
        package var from: String?
        /// End, HH:MM.
        package var to: String?
        /// No quiet hours.
        package var off: Bool?
        /// Creates the parameters.
        package init(code: String, from: String? = nil, to: String? = nil, off: Bool? = nil) {
            self.code = code
            self.from = from
            self.to = to
            self.off = off
        }
    }
    package typealias Result = QuietHoursView
    package static let name = "org.setQuietHours"
    package static let summary = "设置党组织的静默时段（下级组织沿用），或关闭、恢复沿用上级"
}
