import Configuration
import Domain
import Foundation

/// How large attachments may be, how many a record may carry, and how long an unlinked upload is kept.
package struct AttachmentConfiguration: ModuleConfiguration {
    /// The largest photo (JPEG, PNG, GIF, BMP, WebP) in MB. Key `partyd.attachmentPhotoMaxMB`,
    /// env `PARTYD_ATTACHMENT_PHOTO_MAX_MB`, default 5.
    package var photoMaxMB: Int
    /// The largest file of any other kind in MB. Key `partyd.attachmentFileMaxMB`,
    /// env `PARTYD_ATTACHMENT_FILE_MAX_MB`, default 20.
    package var fileMaxMB: Int
    /// The most attachments one record may carry. Key `partyd.attachmentsPerRecord`,
    /// env `PARTYD_ATTACHMENTS_PER_RECORD`, default 10.
    package var perRecord: Int
    /// Hours an uploaded file nobody has linked to a record is kept before it is collected. Key
    /// `partyd.attachmentUnlinkedHours`, env `PARTYD_ATTACHMENT_UNLINKED_HOURS`, default 24.
    package var unlinkedHours: Int

    /// Creates the settings.
    package init(photoMaxMB: Int = 5, fileMaxMB: Int = 20, perRecord: Int = 10, unlinkedHours: Int = 24) {
        self.photoMaxMB = photoMaxMB
        self.fileMaxMB = fileMaxMB
        self.perRecord = perRecord
        self.unlinkedHours = unlinkedHours
    }

    /// Reads and checks the attachment keys.
    package init(reader config: ConfigReader) throws(ConfigurationError) {
        let photo = config.int(forKey: "attachmentPhotoMaxMB", default: 5)
        let file = config.int(forKey: "attachmentFileMaxMB", default: 20)
        let perRecord = config.int(forKey: "attachmentsPerRecord", default: 10)
        let hours = config.int(forKey: "attachmentUnlinkedHours", default: 24)
        guard (1...1024).contains(photo), (1...1024).contains(file), (1...100).contains(perRecord), hours > 0 else {
            throw ConfigurationError(
                "attachmentPhotoMaxMB 与 attachmentFileMaxMB 须在 1-1024 之间，attachmentsPerRecord 须在 1-100 之间，attachmentUnlinkedHours 须大于 0"
            )
        }
        self.init(photoMaxMB: photo, fileMaxMB: file, perRecord: perRecord, unlinkedHours: hours)
    }

    /// The limits these settings describe.
    package var limits: AttachmentLimits {
        AttachmentLimits(photoMaxBytes: photoMaxMB << 20, fileMaxBytes: fileMaxMB << 20, maxPerRecord: perRecord)
    }
}
