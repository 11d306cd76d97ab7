/// A small, fast, seeded generator (SplitMix64): the same seed gives the same draws on every machine.
public struct SeededRandom: Sendable, Hashable, RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An index in 0..<count.
    public mutating func index(_ count: Int) -> Int { count <= 1 ? 0 : Int(next() % UInt64(count)) }
}
