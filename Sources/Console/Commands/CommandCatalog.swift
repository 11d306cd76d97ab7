import Localization

/// The commands' messages and reports (verify, simulate, explore, graph, new, resume, debrief, replay), in
/// CommandCatalog+zh.swift and CommandCatalog+en.swift.
///
/// The catalogue includes the console's (and through it the common words), so a command can also say what the play
/// screen says (`play.cannotStart`, `resume.resumed`). Add a key to both tables with the same placeholders; a test
/// checks that they agree (``Catalog/problems``).
enum CommandCatalog {}

extension Catalog {
    /// The commands' catalogue, including the console's.
    static let commands = Catalog(name: "commands", zh: CommandCatalog.zh, en: CommandCatalog.en, including: [.console])
}
