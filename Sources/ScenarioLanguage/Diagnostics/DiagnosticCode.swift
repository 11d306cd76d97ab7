/// The stable codes of every diagnostic the checker reports. `docs/language.md` lists each with an example.
///
/// Codes never change meaning once released: add new ones, retire old ones, never reuse.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading the file.
    /// The file is not UTF-8 text.
    case notText = "E0001"
    /// A `"` text is not closed on its line.
    case unterminatedText = "E0002"
    /// A character that cannot start any token.
    case unexpectedCharacter = "E0003"
    /// Tabs and spaces mixed in one block's indentation, or a dedent to no open level.
    case inconsistentIndentation = "E0004"
    /// A `"""` block is never closed.
    case unterminatedTextBlock = "E0005"
    /// A malformed number, duration, clock time or percentage.
    case invalidLiteral = "E0006"
    /// Blocks nested deeper than the language allows.
    case nestingTooDeep = "E0008"
    /// The file could not be read (missing, a directory, unreadable).
    case unreadableFile = "E0009"

    // Syntax.
    /// An indented block where the line above takes none.
    case unexpectedBlock = "E0010"
    /// Something else was expected at this point of a line.
    case expected = "E0011"
    /// A line at the top level that starts no known declaration.
    case unknownDeclaration = "E0012"
    /// A line inside a block that starts no known statement or property.
    case unknownStatement = "E0013"
    /// Text left over at the end of a line.
    case extraTokens = "E0014"
    /// The exercise has no `exercise` header.
    case missingHeader = "E0015"
    /// The exercise has no scenes.
    case noScenes = "E0016"
    /// A property given twice, or a second `exercise` header.
    case duplicateProperty = "E0017"
    /// A reserved word (`all`, `team`, `true`, `false`, `and`, `or`, `not`, `time`) used as an id.
    case reservedWord = "E0018"

    // Includes.
    /// An included file does not exist.
    case includeNotFound = "E0101"
    /// An include leaves the exercise's folder.
    case includeOutsideFolder = "E0102"
    /// Files include each other in a cycle.
    case includeCycle = "E0103"

    // Names.
    /// A name that is declared nowhere.
    case undefinedID = "E0201"
    /// Two elements of one kind share an id.
    case duplicateID = "E0202"
    /// A name of another kind than the place expects.
    case wrongKind = "E0203"

    // Types and values.
    /// An expression of the wrong type.
    case typeMismatch = "E0301"
    /// A function called with the wrong number of arguments.
    case argumentCount = "E0302"
    /// A call to a function that does not exist.
    case unknownFunction = "E0303"
    /// A value out of its allowed range (a weight below zero, a range upside down, a chance over 100%).
    case invalidValue = "E0304"

    // Structure.
    /// More than one `default` choice in an ask or option in a decision.
    case multipleDefaults = "E0401"
    /// An ask without choices, or a decision without options.
    case noChoices = "E0402"
    /// A measure change with no acting role and no `for`.
    case needsRole = "E0403"
    /// A statement in a place where it cannot run (an `ask` inside a choice).
    case notAllowedHere = "E0404"
    /// More than one role marked `lead`.
    case multipleLeads = "E0405"
    /// A decision that needs a lead role when the exercise has none.
    case noLead = "E0406"
    /// `elif` or `else` without an `if` or `chance` before it.
    case danglingElse = "E0407"
    /// A cycle of jumps that passes no question: the exercise would loop forever.
    case infiniteLoop = "E0408"

    // Warnings.
    /// A scene that no path reaches.
    case unreachableScene = "W0501"
    /// A scene that can end without a `goto` or an `end`.
    case deadEnd = "W0502"
    /// A declared element that nothing uses.
    case unused = "W0504"
    /// A measure that no effect changes.
    case idleMeasure = "W0505"
    /// A choice or option with no effect.
    case choiceWithoutEffect = "W0506"
    /// A role that is never asked anything.
    case roleNeverAsked = "W0507"
    /// An objective none of whose rules can hold.
    case objectiveUnattainable = "W0508"
    /// A condition that can never hold, or always holds.
    case constantCondition = "W0509"
    /// An item derived from a less sensitive one (`derived from`): deriving removes detail, it adds no secrets.
    case derivedMoreSensitive = "W0510"
    /// A measure's declared `range` that no play can reach (found by exploring, by `check`).
    case unreachableRange = "W0511"
    /// A vote's threshold or quorum that no coalition of its roles can reach.
    case thresholdUnreachable = "W0512"
    /// A vote weight that can be negative.
    case weightCanBeNegative = "W0513"

    /// The severity of diagnostics with this code: `E` codes are errors, `W` codes warnings.
    public var severity: Severity { rawValue.hasPrefix("E") ? .error : .warning }

    /// Whether diagnostics with this code are errors (else warnings).
    public var isError: Bool { severity == .error }
}
