import Domain
import Foundation
import GRDB

extension SQLiteAccess: AttachmentReader, AttachmentWriter {
    /// An `attachment` row as stored content.
    static func attachment(_ row: Row) throws -> StoredAttachment {
        let kindText: String = row["kind"]
        guard let kind = AttachmentKind(rawValue: kindText) else {
            throw StoreCorruption(detail: "attachment row \(row["id"] ?? "?") has kind \(kindText)")
        }
        return StoredAttachment(
            id: row["id"],
            sha256: row["sha256"],
            size: row["size"],
            kind: kind,
            createdAt: instant(row["created_at"]),
            createdBy: row["created_by"]
        )
    }

    /// An `attachment_link` row.
    static func link(_ row: Row) throws -> AttachmentLinkRecord {
        let ownerKind: String = row["owner_kind"]
        guard let owner = AttachmentOwner(kind: ownerKind, id: row["owner_id"]) else {
            throw StoreCorruption(detail: "attachment link of unknown owner kind \(ownerKind)")
        }
        return AttachmentLinkRecord(
            attachmentID: row["attachment_id"],
            owner: owner,
            name: row["name"],
            tag: (row["tag"] as String?).flatMap(AttachmentTag.init(rawValue:)),
            position: row["position"]
        )
    }

    func attachment(id: Int64) throws -> StoredAttachment? {
        try Row.fetchOne(db, sql: "SELECT * FROM attachment WHERE id = ?", arguments: [id]).map(Self.attachment)
    }

    func attachment(sha256: String) throws -> StoredAttachment? {
        try Row.fetchOne(db, sql: "SELECT * FROM attachment WHERE sha256 = ?", arguments: [sha256])
            .map(Self.attachment)
    }

    func attachmentUpload(_ id: Int64, by uploader: Principal) throws -> AttachmentUploadRecord? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT name, uploaded_at FROM attachment_upload
                WHERE attachment_id = ? AND uploader_kind = ? AND uploader_id = ? AND uploader = ?
                """,
            // The name too: a uid given to another user name later does not inherit the claim.
            arguments: [id, uploader.kind, uploader.id, uploader.displayName]
        ).map {
            AttachmentUploadRecord(attachmentID: id, name: $0["name"], uploadedAt: Self.instant($0["uploaded_at"]))
        }
    }

    func attachmentLinks(of id: Int64) throws -> [AttachmentLinkRecord] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM attachment_link WHERE attachment_id = ? ORDER BY created_at, owner_kind, owner_id",
            arguments: [id]
        ).map(Self.link)
    }

    func attachmentLinks(owner: AttachmentOwner) throws -> [AttachmentLinkRecord] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM attachment_link WHERE owner_kind = ? AND owner_id = ? ORDER BY position",
            arguments: [owner.kind, owner.id]
        ).map(Self.link)
    }

    func unreferencedAttachments(claimedBefore cutoff: Date) throws -> [StoredAttachment] {
        try Row.fetchAll(
            db,
            sql: "SELECT a.* FROM attachment a WHERE \(Self.unreferenced) ORDER BY a.id",
            arguments: [Self.milliseconds(cutoff)]
        ).map(Self.attachment)
    }

    func storedDigests(among digests: [String]) throws -> Set<String> {
        guard !digests.isEmpty else { return [] }
        let list = String(data: try JSONEncoder().encode(digests), encoding: .utf8) ?? "[]"
        return Set(
            try String.fetchAll(
                db,
                sql: "SELECT sha256 FROM attachment WHERE sha256 IN (SELECT value FROM json_each(?))",
                arguments: [list]
            )
        )
    }

    func recordAttachmentUpload(
        sha256: String,
        size: Int,
        kind: AttachmentKind,
        name: String,
        by uploader: Principal
    ) throws -> (attachment: StoredAttachment, isNew: Bool) {
        var isNew = false
        if try attachment(sha256: sha256) == nil {
            try db.execute(
                sql: "INSERT INTO attachment (sha256, size, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [sha256, size, kind.rawValue, now, uploader.displayName]
            )
            isNew = true
        }
        guard let stored = try attachment(sha256: sha256) else {
            throw StoreCorruption(detail: "attachment \(sha256) vanished inside its transaction")
        }
        // Uploading the same content again renews the claim (and its name) rather than adding a second one.
        try db.execute(
            sql: """
                INSERT INTO attachment_upload (attachment_id, uploader_kind, uploader_id, uploader, name, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (attachment_id, uploader_kind, uploader_id)
                DO UPDATE SET uploader = excluded.uploader, name = excluded.name, uploaded_at = excluded.uploaded_at
                """,
            arguments: [stored.id, uploader.kind, uploader.id, uploader.displayName, name, now]
        )
        return (stored, isNew)
    }

    func insertAttachmentLinks(_ links: [AttachmentLinkRecord]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO attachment_link (attachment_id, owner_kind, owner_id, name, tag, position, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        )
        for link in links {
            try statement.execute(arguments: [
                link.attachmentID, link.owner.kind, link.owner.id, link.name, link.tag?.rawValue, link.position, now,
            ])
        }
    }

    func removeAttachmentLinks(owner: AttachmentOwner) throws -> Int {
        try db.execute(
            sql: "DELETE FROM attachment_link WHERE owner_kind = ? AND owner_id = ?",
            arguments: [owner.kind, owner.id]
        )
        return db.changesCount
    }

    func removeAttachmentUploads(claimedBefore cutoff: Date) throws -> Int {
        try db.execute(
            sql: "DELETE FROM attachment_upload WHERE uploaded_at < ?",
            arguments: [Self.milliseconds(cutoff)]
        )
        return db.changesCount
    }

    func deleteUnreferencedAttachments(_ ids: [Int64], claimedBefore cutoff: Date) throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        // Checked again here, in the deleting transaction: a link or an upload since the candidates were read
        // keeps the content.
        return try String.fetchAll(
            db,
            sql: """
                DELETE FROM attachment AS a WHERE a.id IN (SELECT value FROM json_each(?)) AND \(Self.unreferenced)
                RETURNING sha256
                """,
            arguments: [list, Self.milliseconds(cutoff)]
        )
    }

    /// Content `a` that no record links and nobody has claimed at or after the cutoff (the one argument).
    private static let unreferenced = """
        NOT EXISTS (SELECT 1 FROM attachment_link l WHERE l.attachment_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM attachment_upload u WHERE u.attachment_id = a.id AND u.uploaded_at >= ?)
        """
}
