/// A value of the language: a number, a duration in minutes, a flag, or text.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// A duration in minutes.
    case duration(Int)
    /// A flag.
    case bool(Bool)
    /// Text.
    case text(String)

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .number: .number
        case .duration: .duration
        case .bool: .bool
        case .text: .text
        }
    }

    /// The value as written in a script.
    public var description: String {
        switch self {
        case .number(let n): formatNumber(n)
        case .duration(let m): formatDuration(m)
        case .bool(let b): b ? "true" : "false"
        case .text(let t): "\"\(t)\""
        }
    }
}

/// The type of an expression.
public enum ValueType: String, Sendable, Hashable, Codable {
    /// A number.
    case number
    /// A duration.
    case duration
    /// A flag (true or false).
    case bool = "flag"
    /// Text.
    case text
}

/// Formats a number without a trailing `.0`.
public func formatNumber(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    return String(n)
}

/// Formats minutes as a duration literal, e.g. `1h30m`.
public func formatDuration(_ minutes: Int) -> String {
    if minutes == Int.max / 4 { return "never" }
    var parts = ""
    var m = abs(minutes)
    if m >= 1440, m % 1440 == 0 || m >= 2880 {
        parts += "\(m / 1440)d"
        m %= 1440
    }
    if m >= 60 {
        parts += "\(m / 60)h"
        m %= 60
    }
    if m > 0 || parts.isEmpty { parts += "\(m)m" }
    return (minutes < 0 ? "-" : "") + parts
}

/// The duration used for "never" (for example `shared_at` of an item that was never shared).
public let neverMinutes = Int.max / 4

/// A binary operator.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and, or
}

/// Who a function asks about: a role, or every role.
public enum RoleOrAll: Sendable, Hashable {
    /// One role.
    case role(Int)
    /// Every role.
    case all
}

/// A compiled, type-checked expression.
public indirect enum Expr: Sendable {
    /// A constant.
    case constant(Value)
    /// A state variable.
    case variable(Int)
    /// A measure's raw value, for one role or the team total.
    case measure(Int, role: Int?)
    /// Elapsed scenario time.
    case time
    /// Logical not.
    case not(Expr)
    /// Arithmetic negation.
    case negate(Expr)
    /// A binary operation.
    case binary(BinaryOperator, Expr, Expr)
    /// `knows(role, item)`.
    case knows(role: Int, item: ItemIndex)
    /// `shared(item, role|all)`.
    case shared(item: ItemIndex, RoleOrAll)
    /// `shared_at(item, role|all)`.
    case sharedAt(item: ItemIndex, RoleOrAll)
    /// `breached(item)`.
    case breached(ItemIndex)
    /// `cleared(role, item)`: the role may hold the item now.
    case cleared(role: Int, item: ItemIndex)
    /// `leaked(item)` (any party) or `leaked_to(item, party)`.
    case leaked(ItemIndex, party: Int?)
    /// `visited(scene)`.
    case visited(Int)
    /// `chose(choice[, role])`.
    case chose(Int, role: Int?)
    /// `did(action[, role])`.
    case did(Int, role: Int?)
    /// `decided(decision, option)`.
    case decided(DecisionIndex, option: Int)
    /// `resolved_by(decision) == HOW`.
    case resolvedBy(DecisionIndex, SettledBy)
    /// `position(decision, role) == OPTION` (nil: `abstain`): the role's last position in it.
    case position(DecisionIndex, role: Int, option: Int?)
    /// `fired(inject)`.
    case fired(Int)
    /// `hit`, `late` or `missed` of an expectation.
    case expectation(Int, ExpectationState)
    /// `on_time`, `late`, `refused` or `answered` of a request.
    case request(Int, RequestQuery)
    /// `points(role)`.
    case points(Int)
    /// `min(...)` or `max(...)`.
    case extreme(isMax: Bool, [Expr])

    /// States of an expectation that a script can test.
    public enum ExpectationState: String, Sendable { case hit, late, missed }
    /// Outcomes of a request that a script can test.
    public enum RequestQuery: String, Sendable {
        /// Answered before its deadline.
        case onTime = "on_time"
        /// Answered after its deadline.
        case late
        /// Refused.
        case refused
        /// Answered at all, in time or not.
        case answered
    }
}
