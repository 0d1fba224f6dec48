#!/usr/bin/env python3
"""Turns a gold annotation (../shared/spec/gold.md: ../shared/corpus/expected/
NNN.json, ../shared/seeds/expected/…) into a plancheck.extract/1 object
(../shared/spec/extract-json.md), so that `plancheck check` runs on what the
text says as the annotators read it.

What the gold does not have is left out or null, as the reader allows
(docs/cli.md, "Extractions as input"): no units, no spans of milestones and
pilots, no selected_by, no subjects. Where the text is given, references and
times get the span of the place they are written (the first occurrence of a
coded reference's id; each time's words, searched in text order), because
checks read a few positions: the plan's own number is the first plan
reference in the header, and a pilot whose time is the very expression a
milestone's is, is the issuer's own congress. A milestone's and a pilot's
time take the span of the first gold time with the same relation and ends.

Optional milestones (gold.md: either reading is fair) are left out, except
reports of what was done (`status: done`), which checks read as such; with
--optional every one is kept.

usage: gold_to_extract.py GOLD.json [TEXT.txt] [--optional] [--file NAME]
prints the object on standard output.
"""
import json, sys, unicodedata


def _id_parts(ref_id):
    """(number, type, issuer_code) of "172-KH/HU"; Nones when not that shape."""
    if not ref_id or "-" not in ref_id:
        return None, None, None
    number, rest = ref_id.split("-", 1)
    if "/" not in rest:
        return number, None, None
    typ, issuer = rest.split("/", 1)
    return number, typ, issuer


class _Locator:
    """Spans (extract-json.md) of strings in a text: byte offsets into the
    text (NFC, as plancheck normalizes it; the corpus is NFC and has no
    look-alike letters, so offsets are those of the file), line and
    code-point column of the original."""

    def __init__(self, text):
        self.text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
        lower = self.text.lower()
        self.lower = lower if len(lower) == len(self.text) else None

    def find(self, needle, start=0):
        """Index (in characters) of needle at or after start, else without case; -1 if not there."""
        if not needle:
            return -1
        needle = unicodedata.normalize("NFC", needle)
        at = self.text.find(needle, start)
        if at < 0 and self.lower is not None:
            at = self.lower.find(needle.lower(), start)
        return at

    def span(self, index, length):
        before = self.text[:index]
        line = before.count("\n") + 1
        column = index - (before.rfind("\n") + 1) + 1
        start = len(before.encode("utf-8"))
        end = start + len(self.text[index:index + length].encode("utf-8"))
        return {"start": start, "end": end, "line": line, "column": column}


def _time(gold_time, text=None, span=None):
    t = {"text": text if text is not None else gold_time.get("text", ""),
         "relation": gold_time["relation"],
         "period": {"start": gold_time["start"], "end": gold_time["end"]},
         "part": gold_time.get("part"),
         "year_inferred": bool(gold_time.get("year_inferred", False))}
    if span:
        t["span"] = span
    return t


def gold_to_extract(gold, text=None, optional=False, file=None):
    """The plancheck.extract/1 object of a gold annotation (a dict)."""
    loc = _Locator(text) if text is not None else None
    doc = gold.get("document", {})
    out = {
        "schema": "plancheck.extract/1",
        "file": file if file is not None else gold.get("file", ""),
        "document": {"term": doc.get("term"), "national_congress": doc.get("national_congress"),
                     "issuer": doc.get("issuer")},
    }
    refs = []
    for r in gold.get("references", []):
        number, typ, issuer = _id_parts(r.get("id"))
        ref = {"id": r.get("id"), "number": r.get("number") or number or "", "type": typ, "issuer_code": issuer,
               "kind": r.get("kind", "other"), "date": r.get("date"), "issuer": None, "text": r.get("id") or ""}
        if loc and r.get("id"):
            at = loc.find(r["id"])
            if at >= 0:
                ref["span"] = loc.span(at, len(r["id"]))
        refs.append(ref)
    out["references"] = refs

    times, pos = [], 0
    for t in gold.get("times", []):
        span = None
        if loc and t.get("text"):
            at = loc.find(t["text"], pos)
            if at < 0:
                at = loc.find(t["text"])
            if at >= 0:
                span = loc.span(at, len(t["text"]))
                pos = at + len(t["text"])
        times.append(_time(t, span=span))
    out["times"] = times
    out["units"] = []

    def time_like(g):
        """A milestone's or pilot's time: the first gold time with its relation and ends."""
        for t in times:
            if (t["relation"], t["period"]["start"], t["period"]["end"]) == (g["relation"], g["start"], g["end"]):
                return {**t}
        return _time(g, text="")

    milestones = []
    for m in gold.get("milestones", []):
        if m.get("optional") and not optional and m.get("status") != "done":
            continue
        milestones.append({"level": m["level"], "event": m["event"], "time": time_like(m), "subject": "",
                           "source": m.get("source"), "status": m.get("status", "planned")})
    out["milestones"] = milestones
    pilots = []
    for p in gold.get("pilots", []):
        units = p.get("units") or []
        pilots.append({"kind": p["kind"], "level": p.get("level"), "units": units,
                       "count": p["count"] if p.get("count") is not None else len(units), "selected_by": None,
                       "time": time_like(p["time"]) if p.get("time") else None})
    out["pilots"] = pilots
    out["notices"] = [{"code": n.get("code", ""), "message": n.get("message", ""), "suggestion": n.get("suggestion"),
                       "text": n.get("text", "")} for n in gold.get("notices", []) if isinstance(n, dict)]
    return out


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    optional = "--optional" in argv
    file = None
    if "--file" in argv:
        file = argv[argv.index("--file") + 1]
        args.remove(file)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    gold = json.load(open(args[0], encoding="utf-8"))
    text = open(args[1], encoding="utf-8-sig").read() if len(args) > 1 else None
    json.dump(gold_to_extract(gold, text, optional, file), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
