extension CommandLineCatalog {
    /// English help texts and command-line errors. Keep the keys and placeholders identical to ``zh``.
    static let en: [String: String] = [
        "root.abstract": "Run tabletop exercises for cross-department collaboration.",

        "play.abstract": "Play an exercise in the terminal (hot-seat when several roles are played).",
        "play.file": "The exercise (.ttx) to play.",
        "play.roles": "Comma-separated role ids that people play (default: all roles). The others are automated.",
        "play.seed": "Seed of the random draws (recorded in the transcript).",
        "play.facilitator": "Run as the facilitator: commands starting with ':' and facilitator notes.",
        "play.out": "Folder for the transcript.",
        "play.noTranscript": "Write no transcript.",
        "play.noPrivacyScreen": "Do not clear the screen when the keyboard passes to another department.",

        "resume.abstract":
            "Go on with a session from its transcript (after quit, Ctrl-D, a closed terminal or a crash).",
        "resume.file": "The transcript (.jsonl) to resume.",
        "resume.force": "Resume even though the exercise changed; replays by ids and reports what no longer matches.",
        "resume.facilitator":
            "Resume a session run by a facilitator, as its facilitator (a signed one also needs the key).",

        "check.abstract": "Check exercises for errors and warnings, like a compiler.",
        "check.files": "The .ttx files to check.",
        "check.strict": "Treat warnings as errors.",

        "lsp.abstract": "Serve editors as a language server (LSP over standard input and output).",
        "lsp.discussion":
            "Started by an editor, not by hand: VS Code, Neovim and Helix set-ups are in docs/editors.md. Diagnostics "
            + "follow what you type, in the exercise's language unless --lang or the editor's locale says otherwise.",
        "lsp.coverageRuns": "How many simulated playthroughs the coverage lenses count.",

        "new.abstract": "Write a commented starter exercise, NAME.ttx, that passes check.",
        "new.discussion":
            "The starter uses every construct of the language once, with a comment on each. It is written in "
            + "Chinese unless --lang en is given. An existing file is never overwritten.",
        "new.name": "The exercise's name: the file is NAME.ttx and its id is made from NAME.",
        "new.lang": "The language of the starter's texts and comments, and of the messages.",
        "new.folder": "The folder to write it in (default: the current folder).",

        "simulate.abstract":
            "Play an exercise many times with random players: runtime errors, coverage, score distributions.",
        "simulate.discussion":
            "Every role is played by a seeded random player; half of the playthroughs have a facilitator who "
            + "arbitrates. Playthrough i uses seed S + i, so `-n 1 --seed SEED --show-text` replays the one that met "
            + "an error. Exits 1 on a compile error or any runtime error.",
        "simulate.file": "The exercise (.ttx) to simulate.",
        "simulate.n": "How many playthroughs.",
        "simulate.seed": "The base seed: playthrough i uses seed + i.",
        "simulate.jobs": "Parallel worker threads (the report does not depend on it).",
        "simulate.showText": "Print the first playthrough (the one with the base seed) in full.",
        "simulate.policy":
            "How the players play: random (the default), expected (a competent team: every choice marked expected, "
            + "requests accepted, expected actions and shares taken in time) or default (passive: default choices, "
            + "nothing unasked).",

        "explore.abstract": "Explore every decision of an exercise: reachable content and the best and worst scores.",
        "explore.discussion":
            "Tries every choice of every role, every option, lead call and arbitration, and (unless --no-actions) "
            + "every action and request answer at every decision point, merging identical states. Chance is drawn "
            + "from the seed; --seeds N explores N seeds from --seed. Stops at --limit distinct states and says so.",
        "explore.file": "The exercise (.ttx) to explore.",
        "explore.limit": "The most distinct states to explore.",
        "explore.seed": "The first seed.",
        "explore.seeds": "How many seeds to explore, from --seed (each draws chance differently).",
        "explore.noActions": "Never take actions or answer requests.",
        "explore.shares": "Also try sharing each known item with all (exercises with open sharing).",
        "explore.timeLimit": "Stop after this many seconds.",

        "graph.abstract":
            "Draw an exercise's scenes, choices, jumps, injects and endings as a graph (DOT or Mermaid).",
        "graph.file": "The exercise (.ttx) to draw.",
        "graph.format": "The kind of graph: Graphviz DOT or a Mermaid flowchart.",

        "debrief.abstract": "Write the after-action report of a session, or of a cohort of sessions of one exercise.",
        "debrief.discussion":
            "Replays each transcript through the exercise engine, so that every score is shown with the events that "
            + "produced it. Given several transcripts of the same exercise, writes a cohort report (rating "
            + "distributions, choice frequencies, score distributions, common failure points). A damaged or tampered "
            + "transcript stops a single report and is skipped in a cohort. Exit codes: 0 written, 1 nothing could "
            + "be reported, 2 bad command line (e.g. transcripts of different exercises).",
        "debrief.files": "The transcripts (.jsonl).",
        "debrief.format": "Output format (markdown is a synonym of md).",
        "debrief.summary":
            "A notes file with the facilitator's assessment for the executive summary: paragraphs separated by blank lines, '#' lines left out.",
        "debrief.due": "Due date to put in the improvement plan (default: left blank for the facilitator).",

        "replay.abstract": "Step through a recorded session: what each role saw and chose, step by step.",
        "replay.discussion":
            "Commands: n or Enter for the next step, p for the previous one; nd and pd for the next and previous "
            + "decision, ni and pi for the next and previous inject, nr ROLE and pr ROLE for that role's next and "
            + "previous turn; j HH:MM (a time of day on the scenario clock) or j +90m, j -30m (from the current step) "
            + "to jump; g N to go to step N (the debrief cites step numbers); q to quit. Reads commands from "
            + "standard input, so it also works through a pipe.",
        "replay.file": "The transcript (.jsonl).",

        "verify.abstract":
            "Check a transcript: its hash chain, sequence, HMAC, and that replaying it reproduces its events.",
        "verify.discussion":
            "Exit codes: 0 valid, 1 tampered, 2 torn (only the end is incomplete), 3 unreadable, 4 unverified (replay "
            + "could not check the content: the exercise was not found, or it was edited).",
        "verify.allowEdited":
            "Accept content recorded with an edited exercise (resumed with --force) instead of calling it unverified.",
        "verify.file": "The transcript (.jsonl).",

        // Option groups
        "option.color": "When to colour the output: on a terminal only (auto), always or never.",
        "option.lang":
            "Language of the messages (default: the locale's; under the C or POSIX locale, the exercise's or the "
            + "session's).",
        "option.keyFile": "A file holding the facilitator's HMAC key (default: $SANDTABLE_HMAC_KEY).",
        "option.exercise": "The exercise (.ttx) to replay against (default: the one the transcript names).",
        "option.output": "Write to this file instead of standard output ('-' for standard output).",
        "option.format": "Output format.",

        // Validation
        "export.abstract": "Export the results of sessions as CSV files or as one SQLite database, for analysis.",
        "export.discussion":
            "Replays each transcript as debrief does and writes its results as tables: sessions, roles, measures, "
            + "objectives, expected_actions, requests, peer_ratings, shares, breaches and skipped (docs/export.md "
            + "gives every column). Transcripts of different exercises may be mixed. A transcript that cannot be "
            + "exported is skipped with a message and listed in the skipped table. Nothing is in place at the "
            + "output until the export is complete. Exit codes: 0 written, 1 nothing could be exported or the "
            + "output could not be written, 2 bad command line.",
        "export.files": "The transcripts (.jsonl).",
        "export.format": "csv: a folder with one CSV file per table; sqlite: one SQLite database file.",
        "export.output": "The folder (csv) or the database file (sqlite) to write; replaced when it exists.",
        "export.bom":
            "Start each CSV file with a UTF-8 byte-order mark, so that spreadsheet programs read Chinese text.",
        "invalid.bomCSV": "--bom is for CSV files; use it with --format csv",
        "invalid.atLeastOne": "{0} must be at least 1",
        "invalid.positive": "{0} must be positive",
        "invalid.showTextJSON": "--show-text prints text; use it with --format text",
    ]
}
