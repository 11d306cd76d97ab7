#!/usr/bin/env python3
"""Smoke test of ttx.tmLanguage.json without an editor.

Compiles every regular expression with Python's `regex` module (close to the Oniguruma engine that TextMate and VS
Code use), tokenizes .ttx files the way a TextMate engine does (at each position the earliest match wins, the first
rule on a tie; begin/end rules may span lines), and checks the scopes of a few known pieces of the language.

Usage: editors/test-grammar.py [FILE.ttx ...]   (default: the bundled exercises)
"""

import json
import pathlib
import sys

import regex

here = pathlib.Path(__file__).resolve().parent
grammar = json.loads((here / "ttx.tmLanguage.json").read_text(encoding="utf-8"))


def flatten(patterns):
    rules = []
    for rule in patterns:
        if "include" in rule:
            rules += flatten([grammar["repository"][rule["include"][1:]]])
        elif "patterns" in rule and "begin" not in rule and "match" not in rule:
            rules += flatten(rule["patterns"])
        else:
            compiled = dict(rule)
            for key in ("match", "begin", "end"):
                if key in rule:
                    compiled[key + "_re"] = regex.compile(rule[key])
            if "patterns" in rule:
                compiled["inner"] = flatten(rule["patterns"])
            rules.append(compiled)
    return rules


top = flatten(grammar["patterns"])


def tokenize(text):
    """Yields (line number, text, scope) for every scoped piece of the text."""
    tokens = []
    open_rule = None  # a begin/end rule still open at the end of a line
    for number, line in enumerate(text.split("\n"), 1):
        pos = 0
        while pos <= len(line):
            if open_rule is not None:
                end = open_rule["end_re"].search(line, pos)
                stop = end.start() if end else len(line)
                if stop > pos:
                    tokens.append((number, line[pos:stop], open_rule.get("name", "")))
                if not end:
                    break
                tokens.append((number, end.group(0), open_rule.get("name", "")))
                pos = end.end()
                open_rule = None
                if end.end() == end.start():
                    break
                continue
            best = None
            for rule in top:
                pattern = rule.get("match_re") or rule.get("begin_re")
                found = pattern.search(line, pos)
                if found and (best is None or found.start() < best[1].start()):
                    best = (rule, found)
            if best is None:
                break
            rule, found = best
            if "match_re" in rule:
                captures = rule.get("captures", {})
                if rule.get("name"):
                    tokens.append((number, found.group(0), rule["name"]))
                if captures:
                    for group, capture in captures.items():
                        if found.group(int(group)):
                            tokens.append((number, found.group(int(group)), capture["name"]))
                elif not rule.get("name"):
                    tokens.append((number, found.group(0), ""))
                pos = max(found.end(), pos + 1)
            else:
                tokens.append((number, found.group(0), rule.get("name", "")))
                open_rule = rule
                pos = found.end()
    return tokens


def scope_of(tokens, line, piece):
    return [scope for (n, text, scope) in tokens if n == line and text == piece]


failures = 0


def expect(tokens, line, piece, scope):
    global failures
    scopes = scope_of(tokens, line, piece)
    if not any(s.startswith(scope) for s in scopes):
        failures += 1
        print(f"line {line}: expected '{piece}' as {scope}, got {scopes or 'nothing'}")


sample = """exercise demo "演示"  # 注释
  clock 06:00
scene 第一幕 "开始"
  \"\"\"
  积水 30m
  \"\"\"
  ask 交通局 "怎么办？" timeout 30m
    choice push "推送" expected
      share forecast with all
      sharing += 10 for weather
  chance 40%
    goto 第二幕
objective warn "预警"
  P when shared(forecast, all) and time <= 1h30m
  else U
info list "名单" sensitivity secret
  range 0..20
"""
tokens = tokenize(sample)
expect(tokens, 1, "exercise", "keyword.other.declaration")
expect(tokens, 1, "demo", "entity.name.type")
expect(tokens, 1, "演示", "string.quoted.double")
expect(tokens, 1, "# 注释", "comment.line")
expect(tokens, 2, "06:00", "constant.numeric.clock")
expect(tokens, 3, "第一幕", "entity.name.function.scene")
expect(tokens, 5, "  积水 30m", "string.quoted.triple")
expect(tokens, 7, "交通局", "entity.name.tag")
expect(tokens, 7, "30m", "constant.numeric.duration")
expect(tokens, 8, "push", "entity.name.tag")
expect(tokens, 8, "expected", "keyword.other")
expect(tokens, 9, "all", "constant.language")
expect(tokens, 10, "+=", "keyword.operator.assignment")
expect(tokens, 10, "10", "constant.numeric")
expect(tokens, 11, "40%", "constant.numeric.percentage")
expect(tokens, 12, "第二幕", "entity.name.function")
expect(tokens, 14, "P", "constant.language.rating")
expect(tokens, 14, "shared", "support.function")
expect(tokens, 14, "and", "keyword.operator.logical")
expect(tokens, 14, "1h30m", "constant.numeric.duration")
expect(tokens, 15, "U", "constant.language.rating")
expect(tokens, 16, "secret", "constant.language.enum")
expect(tokens, 17, "..", "keyword.operator.range")

files = [pathlib.Path(f) for f in sys.argv[1:]] or sorted((here.parent / "exercises").glob("*.ttx"))
for path in files:
    text = path.read_text(encoding="utf-8")
    tokens = tokenize(text)
    unscoped = [t for t in tokens if not t[2]]
    print(f"{path.name}: {len(tokens)} tokens, {len(unscoped)} without a scope")

if failures:
    print(f"{failures} failures")
    sys.exit(1)
print("grammar ok")
