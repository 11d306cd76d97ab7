import ArgumentParser
import Console
import ScenarioLanguage

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter exercise, NAME.ttx, that passes check.",
        discussion: """
            The starter uses every construct of the language once, with a comment on each. It is written in \
            Chinese unless --lang en is given. An existing file is never overwritten.
            """)

    @Argument(help: "The exercise's name: the file is NAME.ttx and its id is made from NAME.") var name: String
    @Option(help: "The language of the starter's texts and comments: zh or en.") var lang: String = "zh"
    @Option(name: .short, help: "The folder to write it in (default: the current folder).") var o: String?

    func validate() throws {
        if StarterExercise.Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en") }
    }

    func run() throws {
        let code = NewCommand.run(name: name, language: StarterExercise.Language(rawValue: lang) ?? .zh, directory: o)
        if code != 0 { throw ExitCode(code) }
    }
}
