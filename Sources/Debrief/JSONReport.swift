import Foundation

/// The JSON form of session and cohort reports, documented in `docs/debrief.md`: `Codable` types
/// (``JSONReport/Session``, ``JSONReport/Cohort``) written by `JSONEncoder` with sorted keys. Elements are named by
/// their ids, scores are rounded to two decimals, and `text` fields are sentences in the report's language.
///
/// Optional members are written as `null`, never left out (``Nullable``), so every report of a kind has the same
/// members; members that belong to one variant only (a torn line's `bytes`) are left out of the others.
struct JSONReport {
    let options: DebriefOptions

    /// The format's name, at the top of every report.
    static let formatName = "sandtable-debrief"
    /// The format's version: it changes when a member changes meaning or goes.
    static let formatVersion = 1

    /// The exercise a report is of.
    struct Exercise: Codable, Equatable {
        var id: String
        var title: String
        var version: String
        var summary: String
        var sha256: String
    }

    /// Pretty JSON with sorted keys, ending with a newline.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Scores are finite; were one not, it is shown rather than failing the whole report.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Every member is a string, a whole number or a (now) conforming number: encoding cannot fail.
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A score rounded to two decimals (`-0` written as `0`).
    static func number(_ value: Double) -> Double {
        let rounded = NumberText.rounded(value)
        return rounded == 0 ? 0 : rounded
    }
}

/// An optional member written as `null` when absent, rather than left out as `Codable` does by default.
@propertyWrapper
struct Nullable<Value: Codable & Equatable>: Codable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
