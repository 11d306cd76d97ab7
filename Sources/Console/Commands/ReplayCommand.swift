import Debrief
import Foundation
import Localization
import ScenarioLanguage
import TerminalText
import Transcripts

/// `sandtable replay FILE [--exercise PATH]`: steps through a recorded session. At each step it shows the input, its
/// events in brief, what each role saw and did, the clock, who was waited for, and the scores.
///
/// Commands come from standard input, one a line: `n` or an empty line for the next step, `p` for the previous one,
/// `nd`/`pd` for the next/previous decision, `ni`/`pi` for the next/previous inject, `nr ROLE`/`pr ROLE` for that
/// role's next/previous turn, `j HH:MM` (a time of day on the scenario clock) or `j +90m`/`j -30m` (from the current
/// step) to jump to the first step that reaches that time, `g N` to go to step N, `q` to quit (as does the end of
/// the input). On a terminal it
/// prompts and colours; through a pipe it echoes each command, so its output reads as a log.
public enum ReplayCommand {
    /// Runs the command; returns the exit code (0, 1 when the transcript cannot be replayed, 2 for a bad command
    /// line).
    public static func run(
        file: String, exercise: String?, language: UILanguage?, keyFile: String?, color: ColorMode,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        let header = Transcript.peekHeader(path: file)
        // The replay speaks --lang, else the session's language, else the locale's.
        let lang =
            language ?? header.flatMap { UILanguage(argument: $0.uiLanguage) }
            ?? UILanguage.detect(explicit: nil, environment: environment)
        let strings = Strings(.commands, language: lang)
        let complain = { (message: String) in
            FileHandle.standardError.write(Data((strings["replay.prefix"] + message + "\n").utf8))
        }
        let key: TranscriptKey?
        switch TranscriptKey.load(keyFile: keyFile, environment: environment) {
        case .success(let k): key = k
        case .failure(let error):
            complain(error.message(in: lang))
            return 2
        }
        guard header != nil else {
            complain(strings("replay.cannot", file, strings["command.notATranscript"]))
            return 1
        }
        var notes: [String] = []
        guard let scenario = VerifyCommand.loadExercise(file: file, exercise: exercise, strings: strings, notes: &notes)
        else {
            for note in notes { complain(note) }
            if notes.isEmpty { complain(strings("exercise.unnamed", file)) }
            return 2
        }
        let script: ReplayScript
        switch ReplayScript.load(path: file, scenario: scenario, key: key, language: lang) {
        case .success(let s): script = s
        case .failure(let error):
            complain(error.message)
            return 1
        }
        let interactive = isatty(0) == 1 && TerminalSize.isStandardOutputTerminal
        let paint = Paint(
            enabled: colorEnabled(mode: color, environment: environment, isTTY: TerminalSize.isStandardOutputTerminal))
        var viewer = ReplayViewer(
            script: script, paint: paint, width: max(40, TerminalSize.columns(environment: environment)))
        viewer.run(interactive: interactive) { readLine(strippingNewline: true) }
        return 0
    }

}

/// Shows a ``ReplayScript`` step by step and follows the commands.
struct ReplayViewer {
    let script: ReplayScript
    let paint: Paint
    let width: Int
    private(set) var current = 0
    private var output: (String) -> Void = { print($0) }

    /// A viewer writing to `output`; every line goes through ``SafeText`` first (a transcript's notes and answers
    /// are text from outside).
    init(script: ReplayScript, paint: Paint, width: Int, output: @escaping (String) -> Void = { print($0) }) {
        self.script = script
        self.paint = paint
        self.width = width
        self.output = { output(SafeText.sanitized(keepingStyles: $0)) }
    }

    private func out(_ line: String = "") { output(line) }

    private func wrapped(_ text: String, indent: String = "") {
        for line in TextLayout.wrap(text, width: width, indent: indent) { out(line) }
    }

    /// Runs the loop: shows the first step, then reads commands until `q` or the end of the input.
    mutating func run(interactive: Bool, read: () -> String?) {
        out(paint.bold(script.label("rp.ui.title", script.title)))
        for warning in script.warnings { wrapped(paint.yellow("! ") + warning) }
        wrapped(paint.grey(script.label("rp.ui.steps", String(script.steps.count))))
        guard !script.steps.isEmpty else { return }
        show(0)
        while true {
            if interactive {
                FileHandle.standardOutput.write(Data(script.label("rp.ui.prompt").utf8))
            }
            guard let line = read() else { break }
            let command = line.trimmingCharacters(in: .whitespaces)
            if !interactive { out(paint.grey("> " + command)) }
            if !handle(command) { break }
        }
    }

    /// Follows one command; returns false to quit.
    mutating func handle(_ command: String) -> Bool {
        let parts = command.split(separator: " ", maxSplits: 1).map(String.init)
        let verb = parts.first?.lowercased() ?? ""
        let argument = parts.count > 1 ? parts[1] : ""
        switch verb {
        case "", "n", "next":
            if current + 1 < script.steps.count {
                show(current + 1)
            } else {
                out(paint.grey(script.label("rp.ui.last")))
            }
        case "p", "prev", "previous":
            if current > 0 {
                show(current - 1)
            } else {
                out(paint.grey(script.label("rp.ui.first")))
            }
        case "j", "jump":
            guard let minutes = script.minutes(forJump: argument, from: current) else {
                out(paint.red(script.label("rp.ui.badJump")))
                return true
            }
            show(script.stepIndex(reaching: minutes))
        case "nd", "pd", "ni", "pi":
            let target: ReplayScript.Marks = verb.hasSuffix("d") ? .decision : .inject
            jump(
                to: .marked(target), forward: verb.hasPrefix("n"),
                none: target == .decision ? "rp.ui.noDecision" : "rp.ui.noInject")
        case "nr", "pr":
            guard let role = script.role(named: argument) else {
                out(paint.red(script.label("rp.ui.badRole", DisplayWidth.stripANSI(argument), script.roleList)))
                return true
            }
            jump(to: .role(role), forward: verb == "nr", none: "rp.ui.noRoleStep")
        case "g", "go":
            guard let n = Int(argument.trimmingCharacters(in: .whitespaces)), (1...script.steps.count).contains(n)
            else {
                out(paint.red(script.label("rp.ui.badStep", String(script.steps.count))))
                return true
            }
            show(n - 1)
        case "q", "quit", "exit":
            return false
        default:
            out(paint.red(script.label("rp.ui.unknown", DisplayWidth.stripANSI(command))))
        }
        return true
    }

    /// Shows the nearest step holding the target, or says there is none in that direction.
    private mutating func jump(to target: ReplayScript.Target, forward: Bool, none: String) {
        if let index = script.step(from: current, toNext: target, forward: forward) {
            show(index)
        } else {
            out(paint.grey(script.label(forward ? none + "After" : none + "Before")))
        }
    }

    /// Shows step `index`.
    mutating func show(_ index: Int) {
        current = index
        let step = script.steps[index]
        out()
        out(
            paint.bold(
                "── "
                    + script.label(
                        "rp.ui.step", String(step.number), String(script.steps.count), step.timeBefore,
                        step.time, step.wall) + " ──"))
        wrapped(paint.bold(script.label("rp.ui.input") + ": ") + step.input)
        out(paint.bold(script.label("rp.ui.events") + ":"))
        if step.events.isEmpty { out("  " + paint.grey(script.label("rp.ui.noEvents"))) }
        for event in step.events {
            let lines = TextLayout.wrap(event.text, width: max(20, width - 9))
            for (i, line) in lines.enumerated() {
                out((i == 0 ? "  " + paint.grey(event.time) + " " : "        ") + line)
            }
        }
        let active = step.roles.filter { !$0.saw.isEmpty || !$0.did.isEmpty }
        if !active.isEmpty {
            out(paint.bold(script.label("rp.ui.roles") + ":"))
            var table = Table(
                columns: [
                    TableColumn(script.label("rp.ui.role")), TableColumn(script.label("rp.ui.saw")),
                    TableColumn(script.label("rp.ui.did")),
                ])
            for role in active {
                let who = role.name + " (" + script.label(role.played ? "rp.ui.played" : "rp.ui.automated") + ")"
                table.rows.append([who, role.saw.joined(separator: "\n"), role.did.joined(separator: "\n")])
            }
            for line in table.render(maxWidth: width) { out("  " + line) }
        }
        wrapped(paint.cyan(step.waiting))
        wrapped(paint.grey(step.scores))
    }
}
