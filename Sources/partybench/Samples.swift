/// Repeated timings of one operation, in seconds.
struct Samples {
    /// Every timing, in the order taken.
    var values: [Double]

    /// The median (the mean of the middle two for an even count); 0 when empty.
    var median: Double { percentile(50) }

    /// The fastest timing; 0 when empty.
    var min: Double { values.min() ?? 0 }

    /// The value below which `percent` % of the timings lie (nearest rank on the sorted timings).
    func percentile(_ percent: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        if percent == 50 {
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(sorted.count, Swift.max(1, rank)) - 1]
    }

    /// Runs `body` `repetitions` times and keeps the wall-clock time of each run.
    static func measure(repetitions: Int, _ body: () async throws -> Void) async rethrows -> Samples {
        var values: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            try await body()
            values.append((ContinuousClock.now - start).seconds)
        }
        return Samples(values: values)
    }

    /// Runs `body` `repetitions` times; `body` returns its own timing (for work that times a child process).
    static func collect(repetitions: Int, _ body: () throws -> Double) rethrows -> Samples {
        var values: [Double] = []
        for _ in 0..<repetitions { values.append(try body()) }
        return Samples(values: values)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
