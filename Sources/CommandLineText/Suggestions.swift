/// The nearest valid name to a mistyped one, and the Chinese that offers it.
package enum Suggestions {
    /// `未知选项“--cod”。是否要用“--code”？`, or without the question when nothing is near.
    package static func unknownOption(_ name: String, suggestion: String?) -> String {
        guard let suggestion else { return "未知选项“\(name)”" }
        return "未知选项“\(name)”。是否要用“\(suggestion)”？"
    }

    /// `没有“org frob”这个命令。是否要用“org show”？`, or without the question when nothing is near.
    package static func unknownCommand(_ path: String, suggestion: String?) -> String {
        guard let suggestion else { return "没有“\(path)”这个命令" }
        return "没有“\(path)”这个命令。是否要用“\(suggestion)”？"
    }

    /// The candidate closest to `typed` by edit distance, if it is close enough to be what was meant: at most a
    /// third of the longer name's characters differ (and at least one may), ties going to the earlier candidate.
    package static func nearest(to typed: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != typed {
            let distance = editDistance(typed, candidate)
            let allowed = max(1, max(typed.count, candidate.count) / 3)
            guard distance <= allowed else { continue }
            if distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The Levenshtein distance between two strings, counted in characters.
    package static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
