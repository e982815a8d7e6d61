import Foundation
import Synchronization

/// A minimal SMTP server on 127.0.0.1 (EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that records each
/// accepted message's envelope and DATA, and can refuse one stage with a given reply. No STARTTLS: tests check that
/// a client requiring it gives up.
package final class SMTPReceiver: Sendable {
    /// A point in the dialogue where the receiver can refuse.
    package enum Stage: Sendable, Hashable {
        /// The 220 greeting.
        case greeting
        /// The answer to MAIL FROM.
        case mail
        /// The answer to RCPT TO.
        case recipient
        /// The answer to DATA (instead of 354).
        case data
        /// The answer after the message's final dot.
        case endOfData
    }

    /// One received message.
    package struct Mail: Sendable, Hashable {
        /// The address in MAIL FROM, without brackets.
        package var sender: String
        /// The addresses in RCPT TO, without brackets.
        package var recipients: [String]
        /// The DATA with dot-stuffing undone and without the final dot line.
        package var data: [UInt8]
        /// The user and password given with AUTH PLAIN, if any.
        package var login: [String]?
    }

    /// Shared with the connection threads.
    private final class Recorder: Sendable {
        let mails = Mutex<[Mail]>([])
    }

    private let server: LoopbackServer
    private let recorder: Recorder

    /// Starts the receiver; `refusal` answers that stage with its reply text (e.g. `451 4.3.0 稍后再试`); with
    /// `authentication`, it offers AUTH PLAIN and accepts any login.
    package init(refusal: (stage: Stage, reply: String)? = nil, authentication: Bool = false) throws {
        let recorder = Recorder()
        self.recorder = recorder
        let refusalStage = refusal?.stage
        let refusalReply = refusal?.reply ?? ""
        server = try LoopbackServer { connection in
            Self.serve(
                connection,
                recorder: recorder,
                refuse: { $0 == refusalStage ? refusalReply : nil },
                auth: authentication
            )
        }
    }

    /// The receiver's URL, e.g. `smtp://127.0.0.1:41234`.
    package var url: String { "smtp://127.0.0.1:\(server.port)" }
    /// The messages accepted so far, in order.
    package var mails: [Mail] { recorder.mails.withLock { $0 } }
    /// Connections accepted so far.
    package var acceptedConnections: Int { server.acceptedConnections }

    /// Stops the receiver.
    package func stop() { server.stop() }

    private static func serve(
        _ connection: SocketConnection,
        recorder: Recorder,
        refuse: (Stage) -> String?,
        auth: Bool
    ) {
        if let reply = refuse(.greeting) {
            connection.write(reply + "\r\n")
            connection.waitForClose(timeout: .seconds(5))
            return
        }
        connection.write("220 partyd-test ESMTP\r\n")
        var mail = Mail(sender: "", recipients: [], data: [], login: nil)
        var login: [String]?
        while let line = connection.readLine() {
            let verb = line.prefix(while: { $0 != " " }).uppercased()
            let argument = line.drop(while: { $0 != " " }).dropFirst()
            switch verb {
            case "EHLO":
                connection.write(
                    "250-partyd-test\r\n250-8BITMIME\r\n" + (auth ? "250-AUTH PLAIN\r\n" : "") + "250 SIZE 1048576\r\n"
                )
            case "HELO", "NOOP":
                connection.write("250 OK\r\n")
            case "AUTH":
                var response = argument.split(separator: " ").dropFirst().first.map(String.init)
                if response == nil {
                    connection.write("334 \r\n")
                    response = connection.readLine()
                }
                let decoded = Data(base64Encoded: response ?? "").map { [UInt8]($0) } ?? []
                login = decoded.split(separator: 0, omittingEmptySubsequences: false).dropFirst()
                    .map { String(decoding: $0, as: UTF8.self) }
                connection.write("235 2.7.0 Authentication successful\r\n")
            case "MAIL":
                if let reply = refuse(.mail) {
                    connection.write(reply + "\r\n")
                    continue
                }
                mail = Mail(sender: address(in: argument), recipients: [], data: [], login: login)
                connection.write("250 2.1.0 OK\r\n")
            case "RCPT":
                if let reply = refuse(.recipient) {
                    connection.write(reply + "\r\n")
                    continue
                }
                mail.recipients.append(address(in: argument))
                connection.write("250 2.1.5 OK\r\n")
            case "DATA":
                if let reply = refuse(.data) {
                    connection.write(reply + "\r\n")
                    continue
                }
                connection.write("354 End data with <CR><LF>.<CR><LF>\r\n")
                guard let data = readData(connection) else { return }
                if let reply = refuse(.endOfData) {
                    connection.write(reply + "\r\n")
                    continue
                }
                mail.data = data
                recorder.mails.withLock { $0.append(mail) }
                connection.write("250 2.0.0 Queued\r\n")
            case "RSET":
                connection.write("250 2.0.0 OK\r\n")
            case "QUIT":
                connection.write("221 2.0.0 Bye\r\n")
                return
            default:
                connection.write("502 5.5.2 Command not recognized\r\n")
            }
        }
    }

    private static func address(in argument: Substring) -> String {
        guard let open = argument.firstIndex(of: "<"), let close = argument.firstIndex(of: ">") else { return "" }
        return String(argument[argument.index(after: open)..<close])
    }

    private static func readData(_ connection: SocketConnection) -> [UInt8]? {
        var data: [UInt8] = []
        while let line = connection.readLine() {
            if line == "." { return data }
            let unstuffed = line.hasPrefix(".") ? String(line.dropFirst()) : line
            data += Array(unstuffed.utf8) + [13, 10]
        }
        return nil
    }
}
