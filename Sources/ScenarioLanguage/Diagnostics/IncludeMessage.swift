/// A message about reading an exercise's files and following its `include` lines.
///
/// The factories are sorted by name; the texts are in the ``Catalog/diagnostics`` catalogue under `CODE.name`.
public struct IncludeMessage: DiagnosticMessage, Hashable {
    /// The stable code, e.g. `E0301`, that documentation and `--format json` use.
    public let code: DiagnosticCode
    /// The catalogue key of the text.
    public let id: MessageID
    /// The values put into the text's placeholders, in order.
    public let arguments: [MessageArgument]

    private init(_ code: DiagnosticCode, _ name: String, _ arguments: MessageArgument...) {
        self.code = code
        self.id = MessageID(domain: .includes, name: name)
        self.arguments = arguments
    }

    /// An `include` line without the file's name in quotes.
    static var expectedIncludePath: Self { Self(.expected, "expectedIncludePath") }
    /// Files that include each other.
    static func includeCycle(_ written: String) -> Self { Self(.includeCycle, "includeCycle", .text(written)) }
    /// An included file that cannot be read, and why.
    static func includeNotFound(_ path: String, reason: MessageArgument) -> Self {
        Self(.includeNotFound, "cannotRead", .text(path), reason)
    }
    /// An include that leaves the main file's folder, as written or through a symbolic link.
    static func includeOutsideFolder(_ written: String) -> Self {
        Self(.includeOutsideFolder, "outsideFolder", .text(written))
    }
    /// A file holding a NUL or a byte that is not UTF-8.
    static func notText(_ path: String) -> Self { Self(.notText, "notText", .text(path)) }
    /// A file saved as UTF-16.
    static func savedAsUTF16(_ path: String) -> Self { Self(.notText, "savedAsUTF16", .text(path)) }
    /// A main file that cannot be read, and why.
    static func unreadableFile(_ path: String, reason: MessageArgument) -> Self {
        Self(.unreadableFile, "cannotRead", .text(path), reason)
    }
}
