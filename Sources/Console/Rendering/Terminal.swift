import Foundation
import TerminalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of the terminal that standard output goes to.
public enum TerminalSize {
    /// Columns to lay output out in: the terminal's width (`ioctl(TIOCGWINSZ)` on standard output) when standard
    /// output is a terminal that reports one; else `COLUMNS` when it is a positive whole number; else 80.
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        resolve(terminalColumns: terminalColumns(of: STDOUT_FILENO), environment: environment)
    }

    /// Whether standard output is a terminal.
    public static var isStandardOutputTerminal: Bool {
        isatty(STDOUT_FILENO) == 1
    }

    /// Rows of the terminal that standard output goes to; nil when it is not a terminal or reports none.
    public static func rows() -> Int? {
        windowSize(of: STDOUT_FILENO).map { Int($0.ws_row) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The decision of ``columns(environment:)`` given what the terminal reported (nil when not a terminal).
    static func resolve(terminalColumns: Int?, environment: [String: String]) -> Int {
        if let terminalColumns, terminalColumns > 0 {
            return terminalColumns
        }
        if let text = environment["COLUMNS"]?.trimmingCharacters(in: .whitespaces), let value = Int(text),
            value > 0
        {
            return value
        }
        return 80
    }

    /// The width the terminal on `descriptor` reports, or nil when it is not a terminal or reports nothing.
    private static func terminalColumns(of descriptor: Int32) -> Int? {
        windowSize(of: descriptor).map { Int($0.ws_col) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The window size the terminal on `descriptor` reports (`ioctl(TIOCGWINSZ)`), or nil when it is not one.
    private static func windowSize(of descriptor: Int32) -> winsize? {
        guard isatty(descriptor) == 1 else {
            return nil
        }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 else {
            return nil
        }
        return size
    }
}

/// When to colour output, as given by `--color auto|always|never`.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour only on a terminal, and never when `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    /// Always colour, even through a pipe or with `NO_COLOR` set: an explicit request wins.
    case always
    /// Never colour.
    case never

    /// Parses a command-line value, ignoring case and surrounding spaces; nil for anything else.
    public init?(argument: String) {
        self.init(rawValue: argument.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// Whether to emit colour: `never` → false, `always` → true, `auto` → only when `isTTY`, `NO_COLOR` is unset or
/// empty (https://no-color.org) and `TERM` is not `dumb`.
public func colorEnabled(mode: ColorMode, environment: [String: String], isTTY: Bool) -> Bool {
    switch mode {
    case .never:
        return false
    case .always:
        return true
    case .auto:
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        if environment["TERM"] == "dumb" {
            return false
        }
        return isTTY
    }
}

/// Applies ``Style``s to text when colour is enabled, and returns the text untouched when it is not.
///
/// Styles are applied per line, so that each line of a multi-line text starts and ends its own escape sequence
/// (lines can then be wrapped, paged or prefixed independently).
public struct Paint: Sendable, Hashable {
    /// Whether escape sequences are emitted.
    public let isEnabled: Bool

    /// Creates a painter; use ``colorEnabled(mode:environment:isTTY:)`` to decide `enabled`.
    public init(enabled: Bool) {
        self.isEnabled = enabled
    }

    /// A painter that never emits escape sequences.
    public static let plain = Paint(enabled: false)

    /// `text` with `styles` applied (or unchanged when disabled, or when no style is given).
    public func callAsFunction(_ text: String, _ styles: Style...) -> String {
        apply(styles, to: text)
    }

    /// `text` with `styles` applied (or unchanged when disabled, or when no style is given).
    public func apply(_ styles: [Style], to text: String) -> String {
        guard isEnabled, !styles.isEmpty else {
            return text
        }
        let start = Style.sequence(styles)
        let reset = Style.reset
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : start + $0 + reset }
            .joined(separator: "\n")
    }

    /// Bold text.
    public func bold(_ text: String) -> String { apply([.bold], to: text) }
    /// Faint text.
    public func dim(_ text: String) -> String { apply([.dim], to: text) }
    /// Red text, for errors.
    public func red(_ text: String) -> String { apply([.red], to: text) }
    /// Green text, for success.
    public func green(_ text: String) -> String { apply([.green], to: text) }
    /// Yellow text, for warnings.
    public func yellow(_ text: String) -> String { apply([.yellow], to: text) }
    /// Blue text.
    public func blue(_ text: String) -> String { apply([.blue], to: text) }
    /// Magenta text.
    public func magenta(_ text: String) -> String { apply([.magenta], to: text) }
    /// Cyan text.
    public func cyan(_ text: String) -> String { apply([.cyan], to: text) }
    /// Grey text, for secondary information.
    public func grey(_ text: String) -> String { apply([.grey], to: text) }
}
