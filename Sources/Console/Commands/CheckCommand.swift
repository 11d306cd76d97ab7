import Foundation
import ScenarioLanguage

/// The tool's version.
public enum SandtableVersion {
    /// The version string shown by `--version` and written into transcripts.
    public static let string = "0.1.0"
}

/// `sandtable check FILE...`: compiles each exercise and prints its diagnostics.
public enum CheckCommand {
    /// Runs the check and returns the exit code: 0 clean or warnings only, 1 with errors (or warnings when strict).
    public static func run(files: [String], strict: Bool, json: Bool, color: ColorMode) -> Int32 {
        var all: [Diagnostic] = []
        var failed = false
        let paint = Paint(
            enabled: colorEnabled(
                mode: color, environment: ProcessInfo.processInfo.environment,
                isTTY: isatty(2) == 1))
        for file in files {
            let result = ScenarioCompiler.compile(path: file)
            var diagnostics = result.diagnostics
            if strict {
                diagnostics = diagnostics.map { d in
                    var d = d
                    if d.severity == .warning { d.severity = .error }
                    return d
                }
            }
            if diagnostics.hasErrors { failed = true }
            all += diagnostics
            if !json {
                let printer = DiagnosticPrinter(sources: result.sources, paint: paint)
                for d in diagnostics { FileHandle.standardError.write(Data((printer.render(d) + "\n").utf8)) }
            }
        }
        if json {
            print(DiagnosticJSON.encode(all))
        } else {
            let summary = DiagnosticPrinter.summary(all)
            FileHandle.standardError.write(Data(((all.isEmpty ? "ok: no problems found" : summary) + "\n").utf8))
        }
        return failed ? 1 : 0
    }

    /// Reads the files that diagnostics point into, for their excerpts.
    static func loadSources(_ main: String, _ diagnostics: [Diagnostic]) -> [SourceFile] {
        // Not NSString.deletingLastPathComponent: it traps on "." on Linux.
        let mainDir = main.lastIndex(of: "/").map { String(main[..<$0]) } ?? ""
        var paths = Set(diagnostics.map(\.location.file))
        paths.insert(main)
        return paths.compactMap { path in
            let candidates = [path, mainDir.isEmpty ? path : (mainDir as NSString).appendingPathComponent(path)]
            for p in candidates {
                if let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) {
                    return SourceFile(path: path, text: text)
                }
            }
            return nil
        }
    }
}
