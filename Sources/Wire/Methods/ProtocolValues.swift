// The value types that travel in the protocol's results (a member record, an organization's kind and status, an
// account's role, dates) are Domain's own, so that the daemon encodes exactly what it stores. They are re-exported
// one by one, so that a client such as the console reads them through Wire alone and never sees Domain's rules
// (MemberRules, OrgRules, the CSV codecs, identity number checks): validating stays the daemon's job.
@_exported import enum Domain.Gender
import struct Domain.IdentityNumber
@_exported import struct Domain.LocalDate
@_exported import struct Domain.Member
@_exported import enum Domain.MemberCategory
@_exported import enum Domain.MemberFlag
@_exported import enum Domain.MemberStatus
@_exported import enum Domain.OrgKind
@_exported import enum Domain.OrgStatus
@_exported import enum Domain.Role

extension Member {
    /// Whether the record's 身份证号 is the marker the protocol sends when the number is truly unknown (`#`),
    /// so that a client can say so without knowing the rules of identity numbers.
    package var idNumberIsUnknown: Bool { idNumber == IdentityNumber.unknownMarker }
}
