import Configuration
import Domain
import Foundation

/// Organizational life's local practice. The holiday calendar is read once, when the daemon starts: after an
/// administrator updates the file, restart partyd (`systemctl restart partyd`) for it to take effect.
package struct ActivityConfiguration: ModuleConfiguration {
    /// The settings the core uses.
    package var settings: ActivitySettings
    /// The holiday calendar file read, if any. Key `partyd.holidayCalendar`, env `PARTYD_HOLIDAY_CALENDAR`,
    /// default `/etc/partyd/holidays.json` when it exists (else weekends only).
    package var holidayCalendarPath: String?

    /// The packaged calendar's place.
    package static let defaultHolidayCalendar = "/etc/partyd/holidays.json"

    /// Creates the settings (tests: weekends only unless given a calendar).
    package init(settings: ActivitySettings = .standard, holidayCalendarPath: String? = nil) {
        self.settings = settings
        self.holidayCalendarPath = holidayCalendarPath
    }

    /// Reads `holidayCalendar`, `activityRecordDueDays` (default 3, 0–30), `activityBasePoints` (default 60),
    /// `activityPoints` (`支委会=3,党课=2`: overrides of the points per kind) and `activityCadence`
    /// (`党课=每年,其他=每月`, or `不要求`: overrides of the required cadence).
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        var settings = ActivitySettings.standard
        settings.recordDueWorkingDays = config.int(forKey: "activityRecordDueDays", default: 3)
        settings.basePoints = config.int(forKey: "activityBasePoints", default: 60)
        guard (0...30).contains(settings.recordDueWorkingDays), settings.basePoints >= 0 else {
            throw ConfigurationError("activityRecordDueDays 须在 0-30 之间，activityBasePoints 不能为负")
        }
        do {
            if let text = config.string(forKey: "activityPoints"), !text.isEmpty {
                let overrides = try ActivitySettings.overrides(text, key: "activityPoints") {
                    value throws(DomainError) in
                    guard let points = Int(value), (0...1000).contains(points) else {
                        throw DomainError.invalid("activityPoints", "activityPoints 的分值“\(value)”应为 0-1000 的整数")
                    }
                    return points
                }
                settings.points.merge(overrides) { $1 }
            }
            if let text = config.string(forKey: "activityCadence"), !text.isEmpty {
                let overrides = try ActivitySettings.overrides(text, key: "activityCadence") {
                    value throws(DomainError) -> ActivityCadence? in
                    ["不要求", "none"].contains(value) ? nil : try ActivityCadence.parse(value, field: "activityCadence")
                }
                for (kind, cadence) in overrides { settings.cadence[kind] = cadence }
            }
        } catch {
            throw ConfigurationError(error.message)
        }
        let explicit = config.string(forKey: "holidayCalendar")
        let path = explicit ?? Self.defaultHolidayCalendar
        if explicit != nil || FileManager.default.fileExists(atPath: path) {
            settings.calendar = try Self.readCalendar(path)
            self.init(settings: settings, holidayCalendarPath: path)
        } else {
            self.init(settings: settings)
        }
    }

    /// Reads and checks the holiday calendar at `path`.
    package static func readCalendar(_ path: String) throws(ConfigurationError) -> WorkingCalendar {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("无法读取节假日文件 \(path)")
        }
        do {
            return try WorkingCalendar.parse(data)
        } catch {
            throw ConfigurationError("节假日文件 \(path)：\(error.message)")
        }
    }
}
