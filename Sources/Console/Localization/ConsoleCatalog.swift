import Localization

/// The console's UI strings: the play screen and the commands' messages, in ConsoleCatalog+zh.swift and
/// ConsoleCatalog+en.swift.
///
/// To add a string, add the same key to both tables with the same placeholders; a test checks that they agree
/// (``Catalog/problems``). Words shared with other modules (sensitivity levels, the facilitator, duration units)
/// come from ``Catalog/common``.
enum ConsoleCatalog {}

extension Catalog {
    /// The console's catalogue, including the common words.
    static let console = Catalog(name: "console", zh: ConsoleCatalog.zh, en: ConsoleCatalog.en)
}
