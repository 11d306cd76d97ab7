/// A summary of many values on a 0–100 scale: count, minimum, mean, maximum and a ten-bin histogram.
///
/// Values are added one at a time and summaries merge, so that partial results computed in parallel combine into
/// the same summary as a serial run (merge in a fixed order for a bit-identical mean).
public struct Distribution: Sendable, Hashable, Codable {
    /// How many values were added.
    public private(set) var count = 0
    /// The smallest value, or 0 when empty.
    public private(set) var min = 0.0
    /// The largest value, or 0 when empty.
    public private(set) var max = 0.0
    /// The sum of the values.
    public private(set) var sum = 0.0
    /// Counts per bin: bin `k` holds values in `[10k, 10k+10)`, the last bin also 100; values outside 0–100 go to
    /// the first or last bin.
    public private(set) var bins = [Int](repeating: 0, count: Distribution.binCount)

    /// The number of histogram bins.
    public static let binCount = 10

    /// Creates an empty distribution.
    public init() {}

    /// The mean, or 0 when empty.
    public var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// Adds a value.
    public mutating func add(_ value: Double) {
        let v = value.isNaN ? 0 : value
        if count == 0 {
            min = v
            max = v
        } else {
            if v < min { min = v }
            if v > max { max = v }
        }
        count += 1
        sum += v
        bins[Self.bin(of: v)] += 1
    }

    /// Adds every value of another distribution.
    public mutating func merge(_ other: Distribution) {
        guard other.count > 0 else { return }
        if count == 0 {
            min = other.min
            max = other.max
        } else {
            min = Swift.min(min, other.min)
            max = Swift.max(max, other.max)
        }
        count += other.count
        sum += other.sum
        for k in bins.indices { bins[k] += other.bins[k] }
    }

    /// The bin a value falls into.
    static func bin(of value: Double) -> Int {
        guard value > 0 else { return 0 }
        return Swift.min(binCount - 1, Int(value / 10))
    }

    private enum CodingKeys: String, CodingKey {
        case count, min, max, sum, mean, bins
    }

    /// Decodes a distribution (the `mean` key, if present, is recomputed rather than read).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decode(Int.self, forKey: .count)
        min = try c.decode(Double.self, forKey: .min)
        max = try c.decode(Double.self, forKey: .max)
        sum = try c.decode(Double.self, forKey: .sum)
        bins = try c.decode([Int].self, forKey: .bins)
    }

    /// Encodes the count, minimum, mean, maximum, sum and bins.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        try c.encode(sum, forKey: .sum)
        try c.encode(mean, forKey: .mean)
        try c.encode(bins, forKey: .bins)
    }
}
