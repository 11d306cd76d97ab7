/// The position of an element in one of a ``Scenario``'s arrays, typed by the kind of element: a ``RoleIndex``
/// cannot be passed where an ``ItemIndex`` or a ``DecisionIndex`` is meant, though each is an `Int` underneath.
///
/// A wrapper with no cost at run time (one stored `Int`, everything inlinable). Index an array of the element with
/// it directly (`scenario.roles[role]`); arrays kept per element of another kind (a score per role) use
/// ``rawValue``. An integer literal is accepted where an index is expected, so that tests and fixtures can name the
/// first role `0`.
@frozen
public struct ElementIndex<Element>: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The position in the array.
    public var rawValue: Int

    /// The index at a position.
    @inlinable
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// The index at a literal position.
    @inlinable
    public init(integerLiteral value: Int) { self.rawValue = value }

    /// Indices sort in declaration order.
    @inlinable
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// How many elements lie between this index and another.
    @inlinable
    public func distance(to other: Self) -> Int { other.rawValue - rawValue }

    /// The index `n` elements further on.
    @inlinable
    public func advanced(by n: Int) -> Self { Self(rawValue + n) }

    /// The position, as a number: events and errors describe themselves with plain numbers, as before the indices
    /// were typed.
    public var description: String { String(rawValue) }
}

/// The index of a ``Role`` in ``Scenario/roles``.
public typealias RoleIndex = ElementIndex<Role>
/// The index of an ``InfoItem`` in ``Scenario/items``.
public typealias ItemIndex = ElementIndex<InfoItem>
/// The index of a ``Decision`` in ``Scenario/decisions``.
public typealias DecisionIndex = ElementIndex<Decision>

extension Array {
    /// The element at a typed index.
    @inlinable
    public subscript(index: ElementIndex<Element>) -> Element {
        get { self[index.rawValue] }
        set { self[index.rawValue] = newValue }
    }

    /// The typed indices of the elements, in order.
    @inlinable
    public var elementIndices: Range<ElementIndex<Element>> { ElementIndex(startIndex)..<ElementIndex(endIndex) }
}
