/// An organization's quiet hours as the protocol shows them.
package struct QuietHoursView: Codable, Sendable, Equatable {
    /// The organization's code.
    package var orgCode: String
    /// The window in force (`22:00–08:00`), nil when quiet hours are off.
    package var window: String?
    /// Where the setting comes from: this organization's code, an organization above it, or nil for the
    /// standard window.
    package var setBy: String?

    /// Creates the view.
    package init(orgCode: String, window: String?, setBy: String?) {
        self.orgCode = orgCode
        self.window = window
        self.setBy = setBy
    }
}
