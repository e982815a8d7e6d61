/// Text made safe for HTML: the page code writes markup as literals and every value through ``escape(_:)``,
/// so that nothing a notice's author or a member's record contains can become markup.
enum HTML {
    /// `text` with `& < > " '` replaced by their character references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A whole page: HTML5, UTF-8, a mobile viewport, a little inline CSS, no script. `heading` and `title` are
    /// escaped here; `body` is markup the caller built from escaped values.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A refusal or error page: a heading and one explanation.
    static func message(title: String, text: String) -> String {
        page(
            title: title,
            body: """
                <h1>\(escape(title))</h1>
                <p class="notice-box">\(escape(text))</p>
                <p class="foot">partyd 党建工作平台</p>
                """
        )
    }

    /// Readable on a phone in WeChat's and DingTalk's browsers; big buttons for thumbs.
    private static let style = """
        body{margin:0;background:#f6f6f6;color:#222;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",\
        sans-serif}main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh;\
        box-sizing:border-box}h1{font-size:1.3rem;margin:.5rem 0 1rem;color:#b00}.meta{color:#666;font-size:.9rem}\
        .body{white-space:pre-wrap;word-wrap:break-word;margin:1rem 0;padding:.75rem;background:#fafafa;\
        border-left:3px solid #c00}.state{margin:1rem 0;padding:.75rem;background:#eef7ee;border-radius:6px}\
        .notice-box{padding:.75rem;background:#fff4e5;border-radius:6px}ul.files{padding-left:1.2rem}\
        form{margin:.75rem 0}button{width:100%;padding:.8rem;font-size:1.1rem;border:0;border-radius:6px;\
        background:#c00;color:#fff}button.secondary{background:#666}.badge{display:inline-block;padding:0 .4rem;\
        border-radius:4px;background:#c00;color:#fff;font-size:.8rem}.foot{color:#999;font-size:.8rem;\
        margin-top:2rem}
        """
}
