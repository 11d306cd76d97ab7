import Authoring
import Foundation
import Localization
import ScenarioLanguage
import SystemPackage

/// The tool's version.
public enum SandtableVersion {
    /// The version string shown by `--version` and written into transcripts.
    public static let string = "0.1.0"
}

/// `sandtable check FILE...`: compiles each exercise and prints its diagnostics.
public enum CheckCommand {
    /// Runs the check and returns the exit code: 0 clean or warnings only, 1 with errors (or warnings when strict).
    ///
    /// Each file's diagnostics are written in the language ``Localization/UILanguage/detect(explicit:environment:contentLanguage:)``
    /// chooses from `language` (`--lang`), the locale, and the `language` the file's header declares; the summary
    /// in the language they share (else as for a file that declares none).
    ///
    /// An exercise that compiles and declares a measure's `range` is also explored (``ScoreBoundsStore``, cached):
    /// a declared range that play cannot reach is warned about (W0511), when the exploration finished.
    public static func run(
        files: [String], strict: Bool, json: Bool, color: ColorMode, language: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        var all: [(Diagnostic, UILanguage)] = []
        var languages: Set<UILanguage> = []
        var failed = false
        let paint = Paint(enabled: colorEnabled(mode: color, environment: environment, isTTY: isatty(2) == 1))
        for file in files {
            let result = ScenarioCompiler.compile(path: file)
            let fileLanguage = UILanguage.detect(
                explicit: language, environment: environment, contentLanguage: result.declaredLanguage)
            languages.insert(fileLanguage)
            var diagnostics = result.diagnostics
            if let scenario = result.scenario, !diagnostics.hasErrors,
                scenario.measures.contains(where: \.rangeDeclared),
                let bounds = ScoreBoundsStore.bounds(for: scenario, environment: environment, evenWhenDeclared: true)
            {
                diagnostics += RangeCheck.diagnostics(scenario, bounds: bounds)
            }
            if strict {
                diagnostics = diagnostics.map { d in
                    var d = d
                    if d.severity == .warning { d.severity = .error }
                    return d
                }
            }
            if diagnostics.hasErrors { failed = true }
            all += diagnostics.map { ($0, fileLanguage) }
            if !json {
                let printer = DiagnosticPrinter(sources: result.sources, paint: paint, language: fileLanguage)
                for d in diagnostics { FileHandle.standardError.write(Data((printer.render(d) + "\n").utf8)) }
            }
        }
        if json {
            print(DiagnosticJSON.encode(all))
        } else {
            let summaryLanguage =
                languages.count == 1
                ? languages.first ?? .en
                : UILanguage.detect(explicit: language, environment: environment)
            FileHandle.standardError.write(Data((all.map(\.0).summary(in: summaryLanguage) + "\n").utf8))
        }
        return failed ? 1 : 0
    }

    /// Reads the files that diagnostics point into, for their excerpts: each as the path it is shown by, else
    /// relative to the main file's folder.
    static func loadSources(_ main: String, _ diagnostics: [Diagnostic]) -> [SourceFile] {
        let mainFolder = FilePath(main).removingLastComponent()
        var paths = Set(diagnostics.map(\.location.file))
        paths.insert(main)
        let reader = FileSystemSources()
        return paths.compactMap { path in
            for candidate in [FilePath(path), mainFolder.pushing(FilePath(path))] {
                if case .success(let bytes) = reader.read(candidate),
                    let text = String(validating: bytes, as: UTF8.self)
                {
                    return SourceFile(path: path, text: text)
                }
            }
            return nil
        }
    }
}
