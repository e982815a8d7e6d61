#if canImport(Glibc)
import Glibc
#endif

/// The machine's user database, as the socket's peer credentials will name users.
enum UnixUsers {
    /// Whether a Unix user named `name` exists (through NSS, so LDAP or SSSD users count).
    static func exists(_ name: String) -> Bool {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwnam_r(name, &entry, &buffer, buffer.count, &result)
        return status == 0 && result != nil
    }
}
