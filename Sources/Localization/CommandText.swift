/// How a path or other word is written inside a command that a message suggests (`sandtable resume {0}`,
/// `mkdir -p {0}`), so that copying the command into a POSIX shell gives the program exactly that word.
public enum CommandText {
    /// `word` as one shell word: unchanged when every character is a letter, a digit or one of `_-./:@%+=,`;
    /// otherwise in single quotes, each `'` written `'\''`. An empty word is `''`.
    public static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || "_-./:@%+=,".unicodeScalars.contains(scalar)
            }
        if plain { return word }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
