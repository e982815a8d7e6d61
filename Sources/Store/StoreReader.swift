import Domain

/// What can be read inside a transaction.
package protocol StoreReader: MemberReader, NoticeReader, ChannelReader, QuietHoursReading, AttachmentReader,
    BoardReader, ActivityReader, ScheduleReader, LinkReader, ReminderReader
{
    /// The organization with `code`, whatever its status.
    func organization(code: String) throws -> Organization?
    /// The organization with `id`.
    func organization(id: Int64) throws -> Organization?
    /// Codes of the organizations with these ids.
    func codes(of ids: Set<Int64>) throws -> [Int64: String]
    /// Every organization in the subtree at `root` (itself included), or everywhere when nil; parents before children.
    func subtree(of root: OrgPath?, includeRevoked: Bool) throws -> [Organization]
    /// Revoked organizations in the subtree at `root` (or everywhere).
    func revokedOrganizations(under root: OrgPath?) throws -> [Organization]
    /// The kinds of the active direct children of `orgID`.
    func childKinds(of orgID: Int64) throws -> Set<OrgKind>
    /// The number of direct children of `orgID`; revoked ones only when asked.
    func childCount(of orgID: Int64, includeRevoked: Bool) throws -> Int
    /// Members registered in `orgID`: on the roll only, or every record including history.
    func memberCount(in orgID: Int64, includeHistory: Bool) throws -> Int
    /// Members on the roll per organization, for organizations in the subtree at `root` (or everywhere).
    func activeMemberCountsByOrganization(under root: OrgPath?) throws -> [Int64: Int]
    /// The history of an organization, oldest first.
    func history(of orgID: Int64) throws -> [StoredHistoryEntry]
    /// The account of a Unix user.
    func account(unixUser: String) throws -> Account?
    /// Every account, ordered by user name.
    func accounts() throws -> [Account]
    /// The newest audit entries, optionally only those about organizations under `scope`, older than `before`.
    func auditEntries(under scope: OrgPath?, before: Int64?, limit: Int) throws -> [StoredAuditEntry]
    /// Record counts in the subtree at `root` (or everywhere); accounts count where their scope lies.
    func counts(under root: OrgPath?) throws -> StoreCounts
}

/// What can be changed inside a write transaction, besides reading. Audit and history are not written here:
/// they come from the ``Change`` the transaction returns, so that no change can leave them out.
package protocol StoreWriter:
    StoreReader, MemberWriter, NoticeWriter, ChannelWriter, OutboxRequeuer, QuietHoursWriting, AttachmentWriter,
    BoardWriter, ActivityWriter, ScheduleWriter, LinkWriter, ReminderWriter
{
    /// Inserts an organization and returns it with its id and path.
    func insertOrganization(_ new: NewOrganization) throws -> Organization
    /// Saves the descriptive fields, kind and status of an existing organization (not its place in the tree).
    func updateOrganization(_ org: Organization) throws
    /// Moves `org` and its whole subtree under `newParent`.
    func moveSubtree(_ org: Organization, under newParent: Organization) throws
    /// Deletes an organization that has no children and no members.
    func deleteOrganization(id: Int64) throws
    /// Moves every member record of `fromOrgID` to `toOrgID`; returns how many.
    func moveMembers(from fromOrgID: Int64, to toOrgID: Int64) throws -> Int
    /// Inserts an account.
    func insertAccount(_ account: Account) throws
    /// Sets (or, with nil, clears) an account's e-mail address.
    func setAccountEmail(unixUser: String, email: String?) throws
    /// Deletes an account; returns whether it existed.
    func deleteAccount(unixUser: String) throws -> Bool
}
