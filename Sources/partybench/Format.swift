import Foundation

/// Number formatting for the report.
enum Format {
    /// A duration: µs below a millisecond, ms below ten seconds, else seconds.
    static func duration(_ seconds: Double) -> String {
        if seconds < 0.001 { return String(format: "%.0f µs", seconds * 1e6) }
        if seconds < 0.1 { return String(format: "%.2f ms", seconds * 1e3) }
        if seconds < 10 { return String(format: "%.0f ms", seconds * 1e3) }
        return String(format: "%.1f s", seconds)
    }

    /// A ratio partyd / floor, e.g. `×2.4`.
    static func ratio(_ value: Double, over floor: Double) -> String {
        guard floor > 0 else { return "—" }
        let ratio = value / floor
        return ratio < 10 ? String(format: "×%.2f", ratio) : String(format: "×%.0f", ratio)
    }

    /// An integer with thousands separators: 340,000.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A rate per second, rounded.
    static func rate(_ value: Double) -> String { count(Int(value.rounded())) }

    /// Kibibytes as MiB with one decimal.
    static func mebibytes(kibibytes: Int) -> String { String(format: "%.1f MiB", Double(kibibytes) / 1024) }

    /// Bytes as MB (10^6) with one decimal.
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    /// Arguments joined as a shell would need them typed.
    static func command(_ arguments: [String]) -> String {
        arguments.map { argument in
            let safe =
                !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) }
            return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
