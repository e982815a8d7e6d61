import Foundation

/// Chinese for the messages swift-argument-parser writes about a wrong command line.
///
/// The library's errors are internal types; what it shows of them publicly is the English text of
/// `message(for:)`. That text is built from a small, fixed set of templates (`ErrorMessageGenerator` in its
/// `UsageGenerator.swift`), so each template is recognized here and rewritten. A message matching no template
/// (a command's own `ValidationError`, already Chinese) is returned unchanged.
package enum ParserMessages {
    /// The Chinese for one message of the library, possibly several lines.
    package static func translate(_ message: String) -> String {
        // An unknown composite short option is reported as two alternatives joined by "   or: ".
        let alternatives = message.components(separatedBy: "\n   or: ")
        if alternatives.count > 1 {
            return alternatives.map(translateOne).joined(separator: "\n   或：")
        }
        return translateOne(message)
    }

    /// One template's Chinese, or the message unchanged.
    private static func translateOne(_ message: String) -> String {
        if let name = between(message, "Missing expected argument '", "'") {
            return "缺少必需的参数 \(name)"
        }
        if let list = after(message, "Missing one of: ") {
            return "缺少参数，须给出其中之一：\(quotedList(list))"
        }
        if let name = between(message, "Missing value for '", "'") {
            return "\(name) 缺少值"
        }
        if let rest = after(message, "Unknown option '") {
            return unknownOption(rest)
        }
        if let value = between(message, "Unexpected argument '", "'") {
            return "多余的参数“\(value)”"
        }
        if let range = message.range(of: " unexpected arguments: "), message.first?.isNumber == true {
            return "多余的参数：\(quotedList(String(message[range.upperBound...])))"
        }
        if let rest = after(message, "The value '") {
            return invalidValue(rest) ?? message
        }
        if let rest = after(message, "The option '"), let quote = rest.firstIndex(of: "'") {
            let name = rest[..<quote]
            let value = between(String(rest[quote...]), "but '", "' was specified") ?? ""
            return "选项 \(name) 不接受值，却给出了“\(value)”"
        }
        if message.hasPrefix("Value to be set with ") {
            return duplicate(message)
        }
        if message == "Missing required subcommand." {
            return "缺少命令"
        }
        if let option = after(message, "Invalid option: ") {
            return "无效的选项“\(option)”"
        }
        if message.hasPrefix("Can't ") {
            return completion(message)
        }
        if message.hasPrefix("Internal error.") {
            return "内部错误：解析命令行时出错（\(message)）"
        }
        return message
    }

    /// `Unknown option '--x'` with or without `. Did you mean '--y'?`.
    private static func unknownOption(_ rest: String) -> String {
        guard let quote = rest.firstIndex(of: "'") else { return "未知选项" }
        let name = String(rest[..<quote])
        if let suggestion = between(String(rest[quote...]), "Did you mean '", "'") {
            return Suggestions.unknownOption(name, suggestion: suggestion)
        }
        return Suggestions.unknownOption(name, suggestion: nil)
    }

    /// `The value 'v' is invalid for 'X'` followed by nothing, `: reason`, or a list of the accepted values.
    private static func invalidValue(_ rest: String) -> String? {
        guard let end = rest.range(of: "' is invalid") else { return nil }
        let value = rest[..<end.lowerBound]
        var tail = String(rest[end.upperBound...])
        var subject = "参数"
        if let name = between(tail, " for '", "'") {
            subject = name
            tail = String(tail.dropFirst(" for '".count + name.count + 1))
        }
        if tail.hasPrefix(".") && !tail.hasPrefix(". Please") {
            tail.removeFirst()
        }
        let head = "\(subject) 的值“\(value)”无效"
        if let reason = after(tail, ": ") {
            return "\(head)：\(reason)"
        }
        if let list = after(tail, ". Please provide one of the following:\n") {
            let values = list.split(separator: "\n").map { $0.trimmingPrefix("  - ") }
            return "\(head)，应为：" + values.joined(separator: "、")
        }
        if var list = after(tail, ". Please provide one of ") {
            if list.hasSuffix(".") { list.removeLast() }
            let values = list.replacingOccurrences(of: " or ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
            return "\(head)，应为：\(quotedList(values))"
        }
        return head
    }

    /// `Value to be set with flag '--a' had already been set with flag '--b'`.
    private static func duplicate(_ message: String) -> String {
        let parts = message.components(separatedBy: "'")
        guard parts.count >= 4 else { return "选项重复给出" }
        return "\(parts[3]) 与 \(parts[1]) 只能给出其一"
    }

    /// The completion-script errors: an unknown shell, or none detected.
    private static func completion(_ message: String) -> String {
        let shells = message.split(separator: "\n").last.map { $0.trimmingPrefix("    ") } ?? ""
        if let shell = between(message, "for '", "'") {
            return "无法为“\(shell)”生成补全脚本；请用 --generate-completion-script <shell>，可选：\(shells)"
        }
        return "无法识别当前的 shell；请用 --generate-completion-script <shell>，可选：\(shells)"
    }

    /// `'a', 'b', 'c'` as `“a”、“b”、“c”`.
    private static func quotedList(_ list: String) -> String {
        list.components(separatedBy: ", ")
            .map { $0.trimmingCharacters(in: ["'"]) }
            .filter { !$0.isEmpty }
            .map { "“\($0)”" }
            .joined(separator: "、")
    }

    /// The text after `prefix`, if `text` starts with it.
    private static func after(_ text: String, _ prefix: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    /// The text between the first `open` and the next `close` after it.
    private static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open) else { return nil }
        guard let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}
