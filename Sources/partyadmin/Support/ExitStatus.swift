import ArgumentParser

/// The console's exit codes, as lightning-cli's, so that scripts can tell a refusal from an outage.
enum ExitStatus {
    /// partyd answered with an error (a rule, a permission, a missing record): the request changed nothing.
    static let daemonError = ExitCode(1)
    /// A file named on the command line could not be used: the CSV to import cannot be read or is not UTF-8,
    /// or the export cannot be written. The same code as a refusal, because the daemon would refuse such a file
    /// too, and nothing was changed.
    static let fileError = ExitCode(1)
    /// partyd could not be reached, or the conversation with it broke off.
    static let cannotConnect = ExitCode(2)
    /// The command line is wrong; ArgumentParser's own code for this (64) is replaced by lightning-cli's.
    static let usage = ExitCode(3)
}
