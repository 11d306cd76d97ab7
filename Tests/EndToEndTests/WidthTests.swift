import Foundation
import TerminalText
import Testing

/// The tutorial played through a pipe at 40, 60, 80 and 120 columns, in Chinese and English: every line of the
/// play screen fits the width (measured in display columns), and the layout is kept as golden output.
@Suite struct WidthTests {
    static let widths = [40, 60, 80, 120]

    /// The golden of a width; 80 columns is the tutorial's usual golden.
    static func golden(_ language: String, _ width: Int) -> String {
        width == 80 ? "tutorial-\(language).out" : "tutorial-\(language).\(width).out"
    }

    @Test(arguments: ["zh", "en"], widths)
    func tutorialFitsTheWidth(language: String, width: Int) throws {
        let input = try String(
            contentsOf: Harness.root.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial-\(language).input"),
            encoding: .utf8)
        let file = language == "zh" ? "tutorial.ttx" : "tutorial.en.ttx"
        let (result, out) = try Harness.runInScratchFolder(
            ["play", "exercises/\(file)", "--seed", "42", "--lang", language], input: input,
            environment: ["COLUMNS": String(width)])
        #expect(result.status == 0, "\(result.stderr)")
        let text = PlayThroughPipeTests.normalise(result.stdout, transcripts: out)
        var wide: [String] = []
        // Measured as printed, before the start time in the transcript's name is replaced by a marker.
        for (number, line) in result.stdout.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where DisplayWidth.width(String(line)) > width {
            wide.append("\(number + 1): \(DisplayWidth.width(String(line))) columns: \(line)")
        }
        let report = wide.prefix(10).joined(separator: "\n")
        #expect(wide.isEmpty, "\(wide.count) lines wider than \(width):\n\(report)")
        try Harness.assertGolden(text, Self.golden(language, width))
    }
}
