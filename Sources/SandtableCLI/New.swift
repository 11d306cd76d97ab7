import ArgumentParser
import Console
import Localization
import ScenarioLanguage

/// `sandtable new NAME`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter exercise, NAME.ttx, that passes check.",
        discussion: """
            The starter uses every construct of the language once, with a comment on each. It is written in \
            Chinese unless --lang en is given. An existing file is never overwritten.
            """)

    @Argument(help: "The exercise's name: the file is NAME.ttx and its id is made from NAME.") var name: String
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("The language of the starter's texts and comments, and of the messages.", valueName: "lang"))
    var language: UILanguage = .zh
    @Option(name: .short, help: ArgumentHelp("The folder to write it in (default: the current folder).", valueName: "folder"))
    var o: String?

    func run() throws {
        let starter: StarterExercise.Language =
            switch language {
            case .zh: .zh
            case .en: .en
            }
        try finish(NewCommand.run(name: name, language: starter, directory: o))
    }
}
