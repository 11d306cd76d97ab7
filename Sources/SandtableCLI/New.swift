import ArgumentParser
import Console
import Localization
import ScenarioLanguage

/// `sandtable new NAME`.
struct New: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: HelpText["new.abstract"], discussion: HelpText["new.discussion"])
    }

    @Argument(help: ArgumentHelp(HelpText["new.name"])) var name: String
    @Option(name: .customLong("lang"), help: HelpText.option("new.lang", value: "lang")) var language: UILanguage?
    @Option(name: .short, help: HelpText.option("new.folder", value: "folder")) var o: String?

    /// The starter's language: Chinese unless `--lang en`.
    var starter: StarterExercise.Language {
        switch language ?? .zh {
        case .zh: .zh
        case .en: .en
        }
    }

    func run() throws {
        try finish(NewCommand.run(name: name, language: starter, directory: o, messages: language))
    }
}
