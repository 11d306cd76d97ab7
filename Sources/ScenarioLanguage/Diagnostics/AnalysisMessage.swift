/// A message of the analysis that runs once the whole exercise is compiled: flow (unreachable scenes, dead ends,
/// loops), elements nothing uses, and conditions that never change.
///
/// The factories are sorted by name; the texts are in the ``Catalog/diagnostics`` catalogue under `CODE.name`.
public struct AnalysisMessage: DiagnosticMessage, Hashable {
    /// The stable code, e.g. `E0301`, that documentation and `--format json` use.
    public let code: DiagnosticCode
    /// The catalogue key of the text.
    public let id: MessageID
    /// The values put into the text's placeholders, in order.
    public let arguments: [MessageArgument]

    private init(_ code: DiagnosticCode, _ name: String, _ arguments: MessageArgument...) {
        self.code = code
        self.id = MessageID(domain: .analysis, name: name)
        self.arguments = arguments
    }

    /// A choice that changes nothing and that no condition tests.
    static func choiceWithoutEffect(_ choice: String) -> Self {
        Self(.choiceWithoutEffect, "choiceWithoutEffect", .text(choice))
    }
    /// A condition that always holds.
    static var conditionAlwaysHolds: Self { Self(.constantCondition, "alwaysHolds") }
    /// A condition that never holds.
    static var conditionNeverHolds: Self { Self(.constantCondition, "neverHolds") }
    /// A vote's threshold or quorum that no coalition can reach: `what` needs `needed`, at most `most` can be cast.
    static func thresholdUnreachable(_ decision: String, what: String, needed: String, most: String) -> Self {
        Self(.thresholdUnreachable, "thresholdUnreachable", .text(decision), .text(what), .text(needed), .text(most))
    }
    /// A weight that can be negative.
    static func weightCanBeNegative(_ role: String, why: String) -> Self {
        Self(.weightCanBeNegative, "weightCanBeNegative", .text(role), .text(why))
    }
    /// A scene that can run out of statements.
    static func deadEnd(_ scene: String) -> Self { Self(.deadEnd, "deadEnd", .text(scene)) }
    /// A measure no effect changes.
    static func idleMeasure(_ measure: String) -> Self { Self(.idleMeasure, "idleMeasure", .text(measure)) }
    /// An inject with no trigger that nothing triggers.
    static func injectNeverFires(_ inject: String) -> Self { Self(.unused, "injectNeverFires", .text(inject)) }
    /// Scenes that jump to each other without a question; `cycle` ends where it starts.
    static func loop(_ cycle: [String]) -> Self {
        Self(.infiniteLoop, "loop", .text(cycle.joined(separator: " → ")))
    }
    /// An objective none of whose rules can hold.
    static func objectiveUnattainable(_ objective: String) -> Self {
        Self(.objectiveUnattainable, "objectiveUnattainable", .text(objective))
    }
    /// An objective without rules whose `else` is U.
    static func objectiveWithoutRules(_ objective: String) -> Self {
        Self(.objectiveUnattainable, "objectiveWithoutRules", .text(objective))
    }
    /// A measure whose declared range `declared` no play reaches: play reaches only `reached`, so the best play
    /// scores at most `best` of 100. Found by exploring the exercise (``DiagnosticCode/unreachableRange``), so it
    /// is made outside the compiler, by whoever explored.
    public static func unreachableRange(_ measure: String, declared: String, reached: String, best: String) -> Self {
        Self(.unreachableRange, "unreachableRange", .text(measure), .text(declared), .text(reached), .text(best))
    }
    /// A measure whose declared range's high end play reaches but not its low end: even the worst play scores at
    /// least `worst` of 100.
    public static func unreachableRangeLow(_ measure: String, declared: String, reached: String, worst: String) -> Self
    {
        Self(.unreachableRange, "unreachableRangeLow", .text(measure), .text(declared), .text(reached), .text(worst))
    }
    /// A request nothing sends.
    static func requestNeverSent(_ request: String) -> Self { Self(.unused, "requestNeverSent", .text(request)) }
    /// A role that takes part but is never asked.
    static func roleNeverAsked(_ role: String) -> Self { Self(.roleNeverAsked, "roleNeverAsked", .text(role)) }
    /// A scene that jumps to itself without a question.
    static func selfLoop(_ scene: String) -> Self { Self(.infiniteLoop, "selfLoop", .text(scene)) }
    /// An ending no `end` reaches.
    static func unreachedEnding(_ ending: String) -> Self { Self(.unused, "unreachedEnding", .text(ending)) }
    /// A scene no path reaches.
    static func unreachableScene(_ scene: String) -> Self { Self(.unreachableScene, "unreachableScene", .text(scene)) }
    /// A variable no condition reads.
    static func unreadVariable(_ variable: String) -> Self { Self(.unused, "unreadVariable", .text(variable)) }
    /// An item nothing shares, knows or tests.
    static func unusedItem(_ item: String) -> Self { Self(.unused, "unusedItem", .text(item)) }
    /// A role that takes no part at all.
    static func unusedRole(_ role: String) -> Self { Self(.unused, "unusedRole", .text(role)) }
}
