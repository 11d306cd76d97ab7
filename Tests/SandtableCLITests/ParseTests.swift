import ArgumentParser
import Authoring
import Console
import Debrief
import Localization
import Testing

@testable import SandtableCLI

/// Parses `arguments` as the whole command line and hands the subcommand to `check`; records the parser's message
/// when it fails or picks another subcommand (swift-argument-parser's `AssertParseCommand`, for Swift Testing).
func assertParse<Command: ParsableCommand>(
    _ type: Command.Type, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation,
    _ check: (Command) -> Void = { _ in }
) {
    do {
        let parsed = try SandtableCommand.parseAsRoot(arguments)
        guard let command = parsed as? Command else {
            Issue.record("parsed as \(parsed), not \(Command.self)", sourceLocation: sourceLocation)
            return
        }
        check(command)
    } catch {
        Issue.record(
            "\(arguments) did not parse: \(SandtableCommand.message(for: error))", sourceLocation: sourceLocation)
    }
}

/// Parses `arguments` and expects the parser to refuse them with `message` (the text after `Error: `).
func assertParseError(
    _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let parsed = try SandtableCommand.parseAsRoot(arguments)
        Issue.record("\(arguments) parsed as \(parsed)", sourceLocation: sourceLocation)
    } catch {
        #expect(SandtableCommand.message(for: error) == message, sourceLocation: sourceLocation)
    }
}

/// The command line parsed in process, as swift-argument-parser's own tests do: typed values, defaults, option
/// groups and the errors the parser gives for bad values (with the valid values listed).
@Suite struct ParseTests {
    @Test func playDefaultsAndTypedValues() {
        assertParse(Play.self, ["play", "x.ttx"]) { play in
            #expect(play.file == "x.ttx")
            #expect(play.roleIDs == nil)
            #expect(play.seed == nil)
            #expect(!play.facilitator)
            #expect(play.language.language == nil)
            #expect(play.color.color == .auto)
            #expect(play.out == "transcripts")
            #expect(!play.noTranscript)
            #expect(play.key.keyFile == nil)
        }
        assertParse(
            Play.self,
            [
                "play", "x.ttx", "--roles", "ema, transport,", "--seed", "42", "--facilitator", "--lang", "zh-Hans",
                "--color", "ALWAYS", "--out", "t", "--no-transcript", "--key-file", "k",
            ]
        ) { play in
            #expect(play.roleIDs == ["ema", "transport"])
            #expect(play.seed == 42)
            #expect(play.facilitator)
            #expect(play.language.language == .zh)
            #expect(play.color.color == .always)
            #expect(play.out == "t")
            #expect(play.noTranscript)
            #expect(play.key.keyFile == "k")
        }
    }

    @Test func badValuesGetTheParsersErrorWithTheValidValues() {
        assertParseError(
            ["play", "x.ttx", "--color", "purple"],
            "The value 'purple' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'.")
        assertParseError(
            ["play", "x.ttx", "--lang", "fr"],
            "The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'zh' and 'en'.")
        assertParseError(
            ["play", "x.ttx", "--seed", "x"], "The value 'x' is invalid for '--seed <seed>'")
        assertParseError(
            ["graph", "x.ttx", "--format", "svg"],
            "The value 'svg' is invalid for '--format <format>'. Please provide one of 'dot' and 'mermaid'.")
        assertParseError(
            ["debrief", "x.jsonl", "--format", "pdf"],
            "The value 'pdf' is invalid for '--format <format>'. Please provide one of 'md', 'html' or 'json'.")
        assertParseError(
            ["simulate", "x.ttx", "--format", "yaml"],
            "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.")
    }

    @Test func lspTakesItsCoverageRunsAndTheStdioFlagEditorsAdd() {
        assertParse(LSP.self, ["lsp", "--stdio", "--coverage-runs", "50", "--lang", "zh"]) { lsp in
            #expect(lsp.coverageRuns == 50)
            #expect(lsp.language.language == .zh)
        }
        assertParse(LSP.self, ["lsp"]) { #expect($0.coverageRuns == 1000) }
        assertParseError(["lsp", "--coverage-runs", "0", "--lang", "en"], "--coverage-runs must be at least 1")
    }

    @Test func resumeChecksItsLanguageAndColour() {
        // `resume` once took any --lang and --color and fell back silently.
        assertParseError(
            ["resume", "x.jsonl", "--lang", "fr"],
            "The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'zh' and 'en'.")
        assertParseError(
            ["resume", "x.jsonl", "--color", "sometimes"],
            "The value 'sometimes' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'."
        )
        assertParse(Resume.self, ["resume", "x.jsonl", "--lang", "en", "--force", "--exercise", "e.ttx"]) { resume in
            #expect(resume.language.language == .en)
            #expect(resume.force)
            #expect(resume.exercise.exercise == "e.ttx")
            #expect(resume.color.color == .auto)
        }
    }

    @Test func authoringCommands() {
        assertParse(Check.self, ["check", "a.ttx", "b.ttx", "--strict", "--format", "json", "--color", "never"]) {
            #expect($0.files == ["a.ttx", "b.ttx"])
            #expect($0.strict)
            #expect($0.format.json)
            #expect($0.color.color == .never)
        }
        assertParseError(["check"], "Missing expected argument '<files> ...'")
        assertParse(Simulate.self, ["simulate", "x.ttx"]) {
            #expect($0.n == 1000)
            #expect($0.seed == 1)
            #expect($0.jobs == 1)
            #expect(!$0.format.json)
        }
        assertParseError(["simulate", "x.ttx", "-n", "0", "--lang", "en"], "-n must be at least 1")
        assertParseError(["simulate", "x.ttx", "--jobs", "0", "--lang", "en"], "--jobs must be at least 1")
        assertParseError(
            ["simulate", "x.ttx", "--show-text", "--format", "json", "--lang", "en"],
            "--show-text prints text; use it with --format text")
        assertParse(
            Explore.self, ["explore", "x.ttx", "--no-actions", "--shares", "--seeds", "3", "--time-limit", "2.5"]
        ) {
            #expect($0.noActions)
            #expect($0.shares)
            #expect($0.seeds == 3)
            #expect($0.timeLimit == 2.5)
            #expect($0.limit == 1_000_000)
        }
        assertParseError(["explore", "x.ttx", "--limit", "0", "--lang", "en"], "--limit must be at least 1")
        assertParseError(["explore", "x.ttx", "--seeds", "0", "--lang", "en"], "--seeds must be at least 1")
        assertParseError(["explore", "x.ttx", "--time-limit", "0", "--lang", "en"], "--time-limit must be positive")
        assertParseError(["explore", "x.ttx", "--time-limit", "nan", "--lang", "en"], "--time-limit must be positive")
        assertParse(Graph.self, ["graph", "x.ttx", "--format", "mermaid", "-o", "g.mmd"]) {
            #expect($0.format == .mermaid)
            #expect($0.output.output == "g.mmd")
        }
        assertParseError(["graph", "x.ttx"], "Missing expected argument '--format <format>'")
        assertParse(New.self, ["new", "drill"]) {
            #expect($0.language == nil)
            #expect($0.starter == .zh)
            #expect($0.o == nil)
        }
        assertParse(New.self, ["new", "drill", "--lang", "en", "-o", "exercises"]) {
            #expect($0.language == .en)
            #expect($0.starter == .en)
            #expect($0.o == "exercises")
        }
    }

    @Test func transcriptCommandsShareTheirOptions() {
        assertParse(Verify.self, ["verify", "t/x.jsonl", "--exercise", "e.ttx", "--key-file", "k"]) {
            #expect($0.file == "t/x.jsonl")
            #expect($0.exercise.exercise == "e.ttx")
            #expect($0.key.keyFile == "k")
        }
        assertParse(Replay.self, ["replay", "x.jsonl", "--lang", "zh", "--color", "never"]) {
            #expect($0.language.language == .zh)
            #expect($0.color.color == .never)
        }
        assertParse(Debrief.self, ["debrief", "a.jsonl", "b.jsonl"]) {
            #expect($0.files == ["a.jsonl", "b.jsonl"])
            #expect($0.format == .markdown)
            #expect($0.output.output == nil)
            #expect($0.due == "")
        }
        assertParse(Debrief.self, ["debrief", "a.jsonl", "--format", "markdown", "--output", "r.md"]) {
            #expect($0.format == .markdown)
            #expect($0.output.output == "r.md")
        }
        assertParse(Debrief.self, ["debrief", "a.jsonl", "--format", "html", "-o", "r.html", "--lang", "en"]) {
            #expect($0.format == .html)
            #expect($0.language.language == .en)
        }
        assertParseError(["debrief"], "Missing expected argument '<files> ...'")
    }

    @Test func sharedOptionsReadTheSameInEveryCommand() {
        // One declaration per option group: the help line of --color is the same wherever it appears.
        func helpLine(_ command: ParsableCommand.Type, _ option: String) -> String? {
            SandtableCommand.helpMessage(for: command, columns: 200).split(separator: "\n")
                .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option) }.map(String.init)
        }
        let colour: [ParsableCommand.Type] = [
            Play.self, Resume.self, Check.self, Simulate.self, Explore.self, Graph.self, Replay.self, Verify.self,
        ]
        let colourLines = Set(colour.compactMap { helpLine($0, "--color") })
        #expect(colourLines.count == 1, "\(colourLines)")
        let keyed: [ParsableCommand.Type] = [Play.self, Resume.self, Replay.self, Verify.self, Debrief.self]
        #expect(Set(keyed.compactMap { helpLine($0, "--key-file") }).count == 1)
        #expect(keyed.allSatisfy { helpLine($0, "--key-file") != nil })
    }

    @Test func everySubcommandHasAnAbstractAndHelp() {
        for command in SandtableCommand.configuration.subcommands {
            #expect(!command.configuration.abstract.isEmpty, "\(command)")
            let help = SandtableCommand.helpMessage(for: command)
            #expect(help.contains("USAGE: sandtable \(command._commandName)"), "\(help)")
        }
    }
}

/// The command line's own texts in both languages: help abstracts, option help and validation errors.
@Suite struct CommandLineTextTests {
    @Test func catalogueIsSound() {
        #expect(Catalog.commandLine.problems == [])
        for command in SandtableCommand.configuration.subcommands {
            let name = command._commandName
            #expect(Strings(.commandLine, language: .zh).has("\(name).abstract"), "\(name)")
        }
    }

    @Test(
        arguments: [
            // arguments, environment, expected
            (["sandtable", "verify", "--help"], ["LANG": "zh_CN.UTF-8"], UILanguage.zh),
            (["sandtable", "verify", "--help", "--lang", "en"], ["LANG": "zh_CN.UTF-8"], .en),
            (["sandtable", "play", "--lang=zh", "--help"], ["LANG": "en_US.UTF-8"], .zh),
            (["sandtable", "--help"], ["LANG": "C.UTF-8"], .en),
            (["sandtable", "--help"], [:], .en),
            (["sandtable", "--lang"], ["LANG": "zh_CN.UTF-8"], .zh),
        ] as [([String], [String: String], UILanguage)])
    func helpLanguage(arguments: [String], environment: [String: String], expected: UILanguage) {
        #expect(HelpText.language(arguments: arguments, environment: environment) == expected)
    }

    @Test func validationErrorsSpeakTheLanguageAskedFor() {
        assertParseError(["simulate", "x.ttx", "-n", "0", "--lang", "en"], "-n must be at least 1")
        assertParseError(["simulate", "x.ttx", "-n", "0", "--lang", "zh"], "-n 至少为 1")
        assertParseError(["explore", "x.ttx", "--time-limit", "0", "--lang", "zh"], "--time-limit 必须大于 0")
        assertParseError(
            ["simulate", "x.ttx", "--show-text", "--format", "json", "--lang", "zh"],
            "--show-text 输出的是文字，请与 --format text 一起使用")
    }
}
