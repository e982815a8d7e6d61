/// What an attachment is, decided from its content (see ``AttachmentSniffer``), never from its name: a file
/// called `照片.jpg` that holds a PDF is a PDF.
package enum AttachmentKind: String, Codable, Sendable, CaseIterable {
    /// JPEG image.
    case jpeg
    /// PNG image.
    case png
    /// GIF image.
    case gif
    /// BMP image.
    case bmp
    /// WebP image.
    case webp
    /// PDF document.
    case pdf
    /// Word document (Office Open XML).
    case docx
    /// Excel workbook (Office Open XML).
    case xlsx
    /// PowerPoint presentation (Office Open XML).
    case pptx
    /// A legacy Office file (DOC, XLS, PPT): an OLE2 compound file, whose application cannot be told from the
    /// first bytes alone.
    case legacyOffice = "ole2"
    /// Plain UTF-8 text.
    case text

    /// Whether the kind is a photo, which has its own (smaller) size limit.
    package var isPhoto: Bool {
        switch self {
        case .jpeg, .png, .gif, .bmp, .webp: true
        default: false
        }
    }

    /// How the kind is named to people.
    package var label: String {
        switch self {
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .gif: "GIF 图片"
        case .bmp: "BMP 图片"
        case .webp: "WebP 图片"
        case .pdf: "PDF 文档"
        case .docx: "Word 文档（DOCX）"
        case .xlsx: "Excel 表格（XLSX）"
        case .pptx: "PowerPoint 演示文稿（PPTX）"
        case .legacyOffice: "旧版 Office 文档（DOC/XLS/PPT）"
        case .text: "纯文本"
        }
    }

    /// The media type a browser is given when the file is downloaded.
    package var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .bmp: "image/bmp"
        case .webp: "image/webp"
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .legacyOffice: "application/x-ole-storage"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// The accepted types, as a refusal lists them.
    package static let acceptedDescription =
        "JPEG、PNG、GIF、BMP、WebP 图片，PDF，Word、Excel、PowerPoint 文档（DOCX、XLSX、PPTX 及旧版 DOC、XLS、PPT），UTF-8 纯文本"
}
