import Domain

/// Reading quiet-hours settings inside a transaction.
package protocol QuietHoursReading {
    /// The setting in force at the organization with `path` and the organization that set it, or nil when no
    /// organization on the way up has one (the standard window applies).
    func quietSetting(at path: OrgPath) throws -> (setting: QuietSetting, orgID: Int64)?
}

/// Changing quiet-hours settings inside a write transaction.
package protocol QuietHoursWriting {
    /// Sets an organization's own setting, or removes it (`nil`: inherit again).
    func setQuietSetting(_ setting: QuietSetting?, orgID: Int64) throws
}
