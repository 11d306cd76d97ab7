/// The escape sequences that terminals send for Home, End, Delete and the word-wise arrows, bound to libedit's
/// editor functions on top of its emacs map.
///
/// libedit binds the arrows and whatever the terminfo entry of `TERM` names, which misses what tmux, screen,
/// PuTTY and the Linux console actually send (`ESC[1~` for Home under tmux with `TERM=xterm-256color`, where
/// libedit then inserted `~`). The table lists every common form; they do not collide with each other or with
/// libedit's arrows, so all are bound whatever `TERM` says. `ESC O C`/`ESC O D`, which PuTTY sends for Ctrl-arrow,
/// are also what xterm sends for a plain arrow in application mode, so they stay plain arrows.
///
/// The user's `~/.editrc` is read after these bindings and so overrides any of them.
enum KeyBindings {
    /// One key: the libedit key string (`\e` is Escape) and the editor function it runs.
    struct Binding: Equatable, Sendable {
        /// The key sequence in `bind` syntax.
        var keys: String
        /// The name of a libedit editor function (see `editrc(5)`).
        var function: String
    }

    static let home = "ed-move-to-beg"
    static let end = "ed-move-to-end"
    static let deleteForward = "ed-delete-next-char"
    static let wordLeft = "ed-prev-word"
    static let wordRight = "em-next-word"
    static let deleteWordForward = "em-delete-next-word"

    /// Every binding, grouped by key.
    static let all: [Binding] =
        [
            // Home: xterm normal and application mode, VT220/tmux/screen/PuTTY/Linux console, rxvt.
            ("\\e[H", home), ("\\eOH", home), ("\\e[1~", home), ("\\e[7~", home),
            // End: the same families.
            ("\\e[F", end), ("\\eOF", end), ("\\e[4~", end), ("\\e[8~", end),
            // Delete (forward).
            ("\\e[3~", deleteForward),
            // Ctrl-Right / Ctrl-Left: xterm and tmux (`ESC[1;5C`), older xterm and screen (`ESC[5C`), rxvt (`ESC Oc`);
            // Alt-Right / Alt-Left (`ESC[1;3C`) the same.
            ("\\e[1;5C", wordRight), ("\\e[5C", wordRight), ("\\eOc", wordRight), ("\\e[1;3C", wordRight),
            ("\\e[1;5D", wordLeft), ("\\e[5D", wordLeft), ("\\eOd", wordLeft), ("\\e[1;3D", wordLeft),
            // Ctrl-Delete.
            ("\\e[3;5~", deleteWordForward),
        ].map { Binding(keys: $0.0, function: $0.1) }
}
