#!/usr/bin/env python3
"""Generates the East Asian Width table of DisplayWidth from the Unicode data file.

    scripts/generate-width-table.py            rewrite the Swift table from scripts/data/EastAsianWidth-*.txt
    scripts/generate-width-table.py --check    exit 1 (and say so) when the Swift table is not what the data gives
    scripts/generate-width-table.py FILE       use another copy of EastAsianWidth.txt (e.g. a newer version)

A code point is wide (two terminal columns) when its East_Asian_Width is W (Wide) or F (Fullwidth). Ambiguous (A)
counts as narrow, as terminals draw it by default; zero-width characters are decided in DisplayWidth.swift, not here.
Code points the file does not list take the file's defaults: its `# @missing` lines, and, for versions that state
the wide defaults only in the header's prose (15.1 and before), the blocks listed there.

To move to a new Unicode version: put the new EastAsianWidth.txt in scripts/data/ as EastAsianWidth-<version>.txt,
remove the old one, run this script, and run the tests (TerminalTextTests re-derive the table from the file).
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "data"
OUTPUT = ROOT / "Sources" / "TerminalText" / "DisplayWidth+EastAsianWidth.swift"
CODE_POINTS = 0x110000

# Long property value names, as `@missing` lines of derived files spell them.
LONG_NAMES = {"Ambiguous": "A", "Fullwidth": "F", "Halfwidth": "H", "Neutral": "N", "Narrow": "Na", "Wide": "W"}
VALUES = set(LONG_NAMES.values())

# The header of EastAsianWidth.txt up to 15.1 says, in prose only, that unassigned code points in these ranges
# default to W. They are applied only when the header still lists each of them and no `@missing` line gives W.
PROSE_WIDE_DEFAULTS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]

LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*(\w+)\s*(?:#\s*(.*))?$")
MISSING = re.compile(r"^#\s*@missing:\s*([0-9A-F]{4,6})\.\.([0-9A-F]{4,6})\s*;\s*(\w+)\s*$")
VERSION = re.compile(r"^#\s*EastAsianWidth-(\d+\.\d+\.\d+)\.txt\s*$")


class DataError(Exception):
    """A data file this script cannot read as EastAsianWidth.txt."""


def value_of(name, where):
    value = LONG_NAMES.get(name, name)
    if value not in VALUES:
        raise DataError(f"{where}: unknown East_Asian_Width value {name!r}")
    return value


def parse(path):
    """Returns (version, a list of CODE_POINTS values, names of explicitly listed range ends)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    match = VERSION.match(lines[0]) if lines else None
    if not match:
        raise DataError(f"{path}: the first line does not name an EastAsianWidth-<version>.txt")
    version = match.group(1)
    if path.name.startswith("EastAsianWidth-") and path.name != f"EastAsianWidth-{version}.txt":
        raise DataError(f"{path}: the file says it is version {version}")
    widths = ["N"] * CODE_POINTS
    names = {}
    wide_missing = False
    explicit = []
    for number, line in enumerate(lines, start=1):
        where = f"{path.name}:{number}"
        stripped = line.strip()
        missing = MISSING.match(stripped)
        if missing:
            first, last = int(missing.group(1), 16), int(missing.group(2), 16)
            value = value_of(missing.group(3), where)
            wide_missing = wide_missing or value == "W"
            widths[first : last + 1] = [value] * (last - first + 1)
            continue
        if not stripped or stripped.startswith("#"):
            continue
        data = LINE.match(stripped)
        if not data:
            raise DataError(f"{where}: malformed line {line!r}")
        first = int(data.group(1), 16)
        last = int(data.group(2) or data.group(1), 16)
        if last < first or last >= CODE_POINTS:
            raise DataError(f"{where}: bad range {data.group(1)}..{data.group(2)}")
        explicit.append((first, last, value_of(data.group(3), where)))
        comment = re.sub(r"^\S+\s+(\[\d+\]\s+)?", "", data.group(4) or "")
        first_name, _, last_name = comment.partition("..")
        names[first] = first_name.strip()
        names[last] = (last_name or first_name).strip()
    if not explicit:
        raise DataError(f"{path}: no data lines")
    if not wide_missing:
        for first, last in PROSE_WIDE_DEFAULTS:
            if f"U+{first:04X}..U+{last:04X}" not in text:
                raise DataError(f"{path}: the header no longer lists the wide default U+{first:04X}..U+{last:04X}")
            widths[first : last + 1] = ["W"] * (last - first + 1)
    for first, last, value in explicit:
        widths[first : last + 1] = [value] * (last - first + 1)
    return version, widths, names


def wide_ranges(widths):
    """Maximal runs of W or F, as (first, last) pairs in order."""
    ranges = []
    start = None
    for code_point, value in enumerate(widths):
        wide = value in ("W", "F")
        if wide and start is None:
            start = code_point
        elif not wide and start is not None:
            ranges.append((start, code_point - 1))
            start = None
    if start is not None:
        ranges.append((start, CODE_POINTS - 1))
    return ranges


def swift_source(version, data_path, ranges, names):
    def label(code_point):
        return names.get(code_point, "unassigned")

    out = [
        f"// Generated by scripts/generate-width-table.py from {data_path}: do not edit by hand.",
        "",
        "extension DisplayWidth {",
        "    /// The Unicode version of the East Asian Width data ``wideRanges`` was generated from.",
        f'    static let eastAsianWidthVersion = "{version}"',
        "",
        "    /// The code points whose East_Asian_Width is Wide (W) or Fullwidth (F), including the unassigned code",
        "    /// points the data file gives W by default; sorted, disjoint and never adjacent.",
        "    static let wideRanges: [ClosedRange<UInt32>] = [",
    ]
    for first, last in ranges:
        entry = f"        0x{first:04X}...0x{last:04X},"
        comment = label(first) if first == last else f"{label(first)}..{label(last)}"
        line = f"{entry}  // {comment}"
        if len(line) > 120:
            line = line[:119] + "…"
        out.append(line)
    out += ["    ]", "}", ""]
    return "\n".join(out)


def main(arguments):
    check = "--check" in arguments
    files = [argument for argument in arguments if argument != "--check"]
    if any(argument.startswith("-") for argument in files) or len(files) > 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if files:
        path = pathlib.Path(files[0])
    else:
        candidates = sorted(DATA.glob("EastAsianWidth-*.txt"))
        if len(candidates) != 1:
            print(f"expected one EastAsianWidth-<version>.txt in {DATA}, found {len(candidates)}", file=sys.stderr)
            return 1
        path = candidates[0]
    try:
        version, widths, names = parse(path)
    except (DataError, OSError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    ranges = wide_ranges(widths)
    resolved = path.resolve()
    shown = resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else path.name
    source = swift_source(version, shown, ranges, names)
    relative = OUTPUT.relative_to(ROOT)
    if check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != source:
            print(f"{relative} is not what {path.name} gives: run scripts/generate-width-table.py", file=sys.stderr)
            return 1
        print(f"{relative} matches {path.name} ({len(ranges)} wide ranges)")
        return 0
    OUTPUT.write_text(source, encoding="utf-8")
    print(f"wrote {relative}: {len(ranges)} wide ranges from {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
