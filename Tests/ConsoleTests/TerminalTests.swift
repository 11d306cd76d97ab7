import TerminalText
import Testing

@testable import Console

@Suite struct TerminalTests {
    @Test func columnsPreferTheTerminalThenCOLUMNSThen80() {
        #expect(TerminalSize.resolve(terminalColumns: 132, environment: ["COLUMNS": "40"]) == 132)
        #expect(TerminalSize.resolve(terminalColumns: nil, environment: ["COLUMNS": "40"]) == 40)
        #expect(TerminalSize.resolve(terminalColumns: 0, environment: ["COLUMNS": "40"]) == 40)
        #expect(TerminalSize.resolve(terminalColumns: nil, environment: ["COLUMNS": "0"]) == 80)
        #expect(TerminalSize.resolve(terminalColumns: nil, environment: ["COLUMNS": "-3"]) == 80)
        #expect(TerminalSize.resolve(terminalColumns: nil, environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalSize.resolve(terminalColumns: nil, environment: [:]) == 80)
        #expect(TerminalSize.columns(environment: ["COLUMNS": "57"]) > 0)
    }

    @Test(
        arguments: [
            // mode, NO_COLOR, isTTY, expected
            (ColorMode.auto, nil, true, true),
            (.auto, nil, false, false),
            (.auto, "1", true, false),
            (.auto, "", true, true),
            (.always, nil, false, true),
            (.always, "1", false, true),
            (.never, nil, true, false),
            (.never, "", true, false),
        ] as [(ColorMode, String?, Bool, Bool)])
    func colourDecision(mode: ColorMode, noColor: String?, isTTY: Bool, expected: Bool) {
        var environment = ["TERM": "xterm-256color"]
        environment["NO_COLOR"] = noColor
        #expect(colorEnabled(mode: mode, environment: environment, isTTY: isTTY) == expected)
    }

    @Test func dumbTerminalGetsNoColourInAutoMode() {
        #expect(!colorEnabled(mode: .auto, environment: ["TERM": "dumb"], isTTY: true))
        #expect(colorEnabled(mode: .always, environment: ["TERM": "dumb"], isTTY: true))
    }

    @Test func colorModeParsing() {
        #expect(ColorMode(argument: "AUTO") == .auto)
        #expect(ColorMode(argument: " never ") == .never)
        #expect(ColorMode(rawValue: "always") == .always)
        #expect(ColorMode(argument: "sometimes") == nil)
        #expect(ColorMode.allCases.map(\.rawValue) == ["auto", "always", "never"])
    }

    @Test func paintAppliesStylesOnlyWhenEnabled() {
        let on = Paint(enabled: true)
        #expect(on("警告", .bold, .red) == "\u{1B}[1;31m警告\u{1B}[0m")
        #expect(on.grey("x") == "\u{1B}[90mx\u{1B}[0m")
        #expect(on("a\n\nb", .green) == "\u{1B}[32ma\u{1B}[0m\n\n\u{1B}[32mb\u{1B}[0m")
        #expect(on("plain") == "plain")
        #expect(on.bold("粗体").displayWidth == 4)
        let off = Paint(enabled: false)
        #expect(off("警告", .bold, .red) == "警告")
        #expect(Paint.plain.cyan("x") == "x")
    }
}
