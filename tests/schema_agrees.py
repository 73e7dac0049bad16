#!/usr/bin/python3
"""The deck's JSON Schema and `kiosk --check` judge every deck alike.

An author meets both: the editor validates deck.json with content/deck.schema.json while they type,
and the kiosk (`--check`, the importer, the display) loads it with its own reader. When the two
disagree, the editor either marks a deck the kiosk shows, or passes one the kiosk refuses. This
test builds decks (the default deck, every test deck, and variants that each change one thing),
validates each with a real JSON Schema validator (Debian's python3-jsonschema) and with
`kiosk --check`, and fails listing every deck where the verdicts differ.

The verdicts compared: the schema's "valid" against --check's "no error" (exit 0). Warnings do
not refuse a deck (the kiosk shows it), so a deck with only warnings is accepted. There are a few
rules only --check can know (ONLY_CHECK below), and one that the schema can only state as an error
(SCHEMA_STRICTER): decks that meet them must show exactly that difference, no other.

Usage: schema_agrees.py KIOSK SOURCE_DIR [--require] [--verbose]
  --require: a missing validator fails the test instead of skipping it (deploy/test.sh's build).
Exit 0: all agree; 1: disagreements (listed); 77: skipped, no validator (CTest's SKIP_RETURN_CODE).
"""
import copy
import json
import math
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Rules only --check knows, each with why a schema cannot state it. A deck breaking one of them
# must be valid for the schema and refused by --check.
ONLY_CHECK = {
    "finding-exists": "a slide's \"finding\" names a finding of the same deck: a reference "
    "across the document, which JSON Schema cannot follow",
    "unique-findings": "finding ids and numbers are unique: JSON Schema's uniqueItems compares "
    "whole items, not one field of them",
    "min-max-slide": "timing.min_slide_s is at most max_slide_s (or its default, 30): a "
    "comparison between two values",
    "bytes": "a text holds at most 4000 bytes of UTF-8: JSON Schema counts characters, so its "
    "maxLength 4000 is only the upper bound (reached by ASCII text)",
    "image-file": "an image slide's file exists in the content folder and is a PNG, JPEG or SVG "
    "within the size limits: files, not the document",
    "fits": "the text fits on screen at 800x480, 1920x1080 and 1080x1920: that takes the fonts "
    "and the layout",
    "file-size": "deck.json is at most 1 MiB: the file, not the document",
    "nesting": "JSON nested at most 16 levels deep: the parser's limit, met before any schema "
    "applies (only \"$schema\", which the kiosk ignores, may hold any JSON)",
}

# Where the schema says "error" and --check only warns (and the kiosk shows the deck), because
# JSON Schema has no warnings; the deck must be invalid for the schema and draw this warning.
SCHEMA_STRICTER = {
    "other-kind-field": (
        "a field of another slide kind (points left on a slide turned into a title) is "
        "ignored, with a warning: an editor marks it, as it should be removed",
        "unknown field, ignored",
    ),
}

AGREE = "agree"


@dataclass
class Case:
    name: str
    text: bytes  # deck.json, byte for byte
    files: dict = field(default_factory=dict)  # other files in the folder: name -> bytes
    expect: str = AGREE  # or a key of ONLY_CHECK or SCHEMA_STRICTER
    folder: Path | None = None  # an existing content folder, checked where it is


def png_bytes(width=4, height=3):
    """A small valid PNG, for image slides."""

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) +
            chunk(b"IEND", b""))


PICTURE = {"pic.png": png_bytes()}

# The minimal deck of tests/support/deck_builder.h: one finding, a title and a points slide.
MINIMAL = {
    "schema": 1, "id": "test", "title": "Test", "version": "1", "language": "nl",
    "findings": [{"id": "f1", "number": 1, "short_title": "Een", "title": "Eerste",
                  "details": ["Meer tekst."]}],
    "slides": [
        {"kind": "title", "title": "Hallo"},
        {"kind": "points", "title": "Punten", "points": ["a **b**", "c"], "finding": "f1"},
    ],
}

# A valid value for every slide field, to build a slide of any kind.
SLIDE_SAMPLES = {
    "title": "Titel", "subtitle": "Ondertitel", "note": "Noot", "text": "Een korte tekst.",
    "attribution": "Bron", "caption": "Bijschrift", "points": ["een", "twee"], "numbered": True,
    "contacts": [{"name": "An", "phone": "02 209 01 01", "email": "an@serv.be", "role": "Pers"}],
    "image": {"src": "pic.png", "fit": "cover"}, "url": "https://www.serv.be",
    "finding": "f1", "duration_s": 5, "notes": "voor auteurs",
}


def nested(levels):
    """Objects nested `levels` deep; in a deck's field, one more with the deck itself."""
    value = {}
    for _ in range(levels - 1):
        value = {"n": value}
    return value


def as_text(deck):
    return json.dumps(deck, ensure_ascii=False, indent=1).encode()


def pointer_parts(pointer):
    return [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/")]


def set_at(deck, pointer, value):
    *parents, last = pointer_parts(pointer)
    target = deck
    for p in parents:
        target = target[p]
    target[last] = value


def delete_at(deck, pointer):
    *parents, last = pointer_parts(pointer)
    target = deck
    for p in parents:
        target = target[p]
    del target[last]


class Corpus:
    """Collects the decks; each variant is a deep copy of a base deck with one change."""

    def __init__(self):
        self.cases = []

    def add(self, name, deck, expect=AGREE, files=None):
        text = deck if isinstance(deck, bytes) else as_text(deck)
        self.cases.append(Case(name, text, dict(files or PICTURE), expect))

    def vary(self, name, change, base=MINIMAL, expect=AGREE, files=None):
        deck = copy.deepcopy(base)
        change(deck)
        self.add(name, deck, expect, files)

    def set(self, name, pointer, value, base=MINIMAL, expect=AGREE):
        self.vary(name, lambda d: set_at(d, pointer, value), base, expect)

    def delete(self, name, pointer, base=MINIMAL, expect=AGREE):
        self.vary(name, lambda d: delete_at(d, pointer), base, expect)

    def slide(self, name, slide, expect=AGREE, files=None):
        self.vary(name, lambda d: d["slides"].append(slide), expect=expect, files=files)


def real_decks(corpus, source):
    """The default deck and every test deck, checked in their own folders."""
    tests = sorted(p.parent for p in (source / "tests/data").glob("*/deck.json"))
    folders = [source / "content"] + tests
    for folder in folders:
        text = (folder / "deck.json").read_bytes()
        corpus.cases.append(Case(str(folder.relative_to(source)), text, folder=folder))


def issue_cases(corpus, default):
    """The disagreements the organiser found, on the default deck."""
    v = lambda name, pointer, value, expect=AGREE: corpus.set(name, pointer, value, default, expect)
    v("default: a short_title of five words", "/findings/0/short_title",
      "Sectoren zien het overwegend positief")
    v("default: an upper-case deck id", "/id", "SERV-Rondetafels-2017")
    v("default: language 'Nederlands'", "/language", "Nederlands")
    qr = next(i for i, s in enumerate(default["slides"]) if s["kind"] == "qr")
    v("default: blank slide text", f"/slides/{qr}/text", "   ")
    v("default: a QR url of 300 characters, multibyte", f"/slides/{qr}/url",
      "https://www.serv.be/" + "é" * 280)
    v("default: an unknown top-level field", "/titel", "x")
    corpus.delete("default: a finding removed, its slides still naming it", "/findings/0",
                  default, "finding-exists")


def top_level_cases(corpus, schema):
    for key in schema["required"]:
        corpus.delete(f"missing {key}", f"/{key}")
    corpus.set("schema 2", "/schema", 2)
    corpus.set("schema 1.0", "/schema", 1.0)
    corpus.set("schema as a string", "/schema", "1")
    corpus.set("$schema: any path", "/$schema", "https://example.org/other.json")
    corpus.set("$schema: not a string (ignored by the kiosk)", "/$schema", {"a": [1, 2]})
    corpus.set("unknown field", "/titel", "x")
    corpus.set("unknown field, far from any name", "/colour", "#000000")
    corpus.set("id with upper case", "/id", "Test")
    corpus.set("id with spaces and accents", "/id", "mijn déck 2017")
    corpus.set("id blank", "/id", "  ")
    for key in ("title", "version"):
        corpus.set(f"{key} empty", f"/{key}", "")
        corpus.set(f"{key} blank", f"/{key}", " \n ")
        corpus.set(f"{key} emphasis only", f"/{key}", "****")
        corpus.set(f"{key} null", f"/{key}", None)
        corpus.set(f"{key} a number", f"/{key}", 5)
    for tag in ("nl", "NL", "nl-BE", "fr-BE", "de-CH-1996", "zh-Hant-TW", "gsw"):
        corpus.set(f"language {tag!r}", "/language", tag)
    for tag in ("Nederlands", "n", "nl_BE", "nl-", "nl--BE", "nl BE", "", "nl\n", "nl-abcdefghi"):
        corpus.set(f"language {tag!r}", "/language", tag)
    corpus.add("not a JSON object", b"[]\n")
    corpus.add("a trailing comma", as_text(MINIMAL)[:-2] + b",\n}")
    corpus.add("saved as Latin-1", as_text(MINIMAL).replace(b'"Test"', b'"T\xe9st"', 1))
    corpus.add("NaN as a number", as_text(MINIMAL).replace(b'"schema": 1', b'"schema": NaN'))
    corpus.add("a lone surrogate escape in a text",
               as_text(MINIMAL).replace(b'"Hallo"', b'"Hallo \\ud800"'))
    corpus.add("a number past a double in duration_s", as_text(MINIMAL).replace(
        b'"kind": "title",', b'"kind": "title", "duration_s": 1e400,'))
    corpus.add("file over 1 MiB", as_text(MINIMAL) + b" " * (1 << 20), "file-size")
    corpus.set("JSON 16 levels deep (in $schema)", "/$schema", nested(16 - 1))
    corpus.set("JSON 17 levels deep (in $schema)", "/$schema", nested(17 - 1), expect="nesting")


def section_cases(corpus, schema):
    """ui, theme and timing: every field the schema lists, valid and not."""
    props = schema["properties"]
    for key in props["ui"]["properties"]:
        corpus.set(f"ui.{key}", f"/ui", {key: "Tekst {n}"})
        corpus.set(f"ui.{key} empty", f"/ui", {key: ""})
        corpus.set(f"ui.{key} a number", f"/ui", {key: 3})
        corpus.set(f"ui.{key} null", f"/ui", {key: None})
    corpus.set("ui unknown field", "/ui", {"read_mor": "x"})
    corpus.set("ui not an object", "/ui", "Lees meer")
    corpus.set("ui null", "/ui", None)
    for key in props["theme"]["properties"]:
        for colour in ("#0B1F3A", "#abcdef", "#ABCDEF"):
            corpus.set(f"theme.{key} {colour}", "/theme", {key: colour})
        for colour in ("", "#12345", "#1234567", "123456", "#GGGGGG", "red", "#123456\n",
                       " #123456", 123456, None):
            corpus.set(f"theme.{key} {colour!r}", "/theme", {key: colour})
    corpus.set("theme unknown field", "/theme", {"foreground": "#FFFFFF"})
    timing_cases(corpus, props["timing"]["properties"])


def timing_cases(corpus, timing):
    # min_slide_s 1 and max_slide_s 600 let either reach its own limit without meeting the other.
    base = {"min_slide_s": 1, "max_slide_s": 600}
    for key, rule in timing.items():
        for bound, step in (("minimum", -math.inf), ("maximum", math.inf)):
            at = rule[bound]
            corpus.set(f"timing.{key} at its {bound} {at}", "/timing", {**base, key: at})
            past = math.nextafter(float(at), step)
            corpus.set(f"timing.{key} just past its {bound}", "/timing", {**base, key: past})
        corpus.set(f"timing.{key} a string", "/timing", {**base, key: "10"})
        corpus.set(f"timing.{key} true", "/timing", {**base, key: True})
    corpus.set("timing.min_slide_s above max_slide_s", "/timing",
               {"min_slide_s": 20, "max_slide_s": 10}, expect="min-max-slide")
    corpus.set("timing.min_slide_s above the default max_slide_s", "/timing",
               {"min_slide_s": 40}, expect="min-max-slide")
    corpus.set("timing unknown field", "/timing", {"duration": 5})


def finding_cases(corpus, schema):
    finding = schema["$defs"]["finding"]
    for key in finding["required"]:
        corpus.delete(f"finding without {key}", f"/findings/0/{key}")
    corpus.vary("no findings: an empty list",
                lambda d: (d.update(findings=[]), d["slides"][1].pop("finding")))
    corpus.vary("no findings at all", lambda d: (d.pop("findings"), d["slides"][1].pop("finding")))
    corpus.set("finding unknown field", "/findings/0/titel", "x")
    corpus.set("finding not an object", "/findings/0", "f1")
    for number in (1, 99, 1.0):
        corpus.set(f"finding number {number}", "/findings/0/number", number)
    for number in (0, 100, 1.5, -1, "1", None):
        corpus.set(f"finding number {number!r}", "/findings/0/number", number)
    for title in ("Overwegend positief", "Overheid, regelgeving en onderwijs",
                  "Sectoren zien het overwegend positief", "Een titel van " + "heel " * 10 + "lang",
                  "x" * 48, "x" * 49, "**Nadruk**", "Twee\nregels"):
        corpus.set(f"short_title {title!r}", "/findings/0/short_title", title)
    for key in ("short_title", "title"):
        corpus.set(f"finding {key} blank", f"/findings/0/{key}", "  ")
        corpus.set(f"finding {key} empty", f"/findings/0/{key}", "")
    corpus.set("details empty list", "/findings/0/details", [])
    corpus.set("details with an empty paragraph", "/findings/0/details", ["Tekst.", ""])
    corpus.set("details with a blank paragraph", "/findings/0/details", ["Tekst.", " ** ** "])
    corpus.set("details with a number", "/findings/0/details", ["Tekst.", 3])
    corpus.set("details 40 paragraphs", "/findings/0/details", ["Alinea."] * 40)
    corpus.set("details 41 paragraphs", "/findings/0/details", ["Alinea."] * 41)
    id_cases(corpus)
    count_cases(corpus, "findings", 20)


def id_cases(corpus):
    """A finding's id, and a slide naming it: the same rule on both sides."""

    def rename(new_id):
        def change(deck):
            deck["findings"][0]["id"] = new_id
            deck["slides"][1]["finding"] = new_id
        return change

    for good in ("f1", "a-b-2017", "-", "x" * 64):
        corpus.vary(f"finding id {good!r}", rename(good))
    for bad in ("F1", "a b", "a_b", "é", "a\n", "", "  ", "x" * 65, "a/b"):
        corpus.vary(f"finding id {bad!r}", rename(bad))
    corpus.set("finding id a number", "/findings/0/id", 1)
    corpus.set("slide names a finding that is not there", "/slides/1/finding", "f2",
               expect="finding-exists")
    corpus.set("slide names a finding with an empty id", "/slides/1/finding", "")
    corpus.set("slide names a finding with an odd id", "/slides/1/finding", "F 1")
    corpus.set("slide finding null", "/slides/1/finding", None)
    second = {"id": "f2", "number": 2, "short_title": "Twee", "title": "Tweede", "details": ["x"]}
    corpus.vary("two findings", lambda d: d["findings"].append(second))
    corpus.vary("two findings with one id", lambda d: d["findings"].append({**second, "id": "f1"}),
                expect="unique-findings")
    corpus.vary("two findings with one number",
                lambda d: d["findings"].append({**second, "number": 1}), expect="unique-findings")


def count_cases(corpus, key, limit):
    """A list at its limit and one past it."""
    if key == "findings":
        item = lambda i: {"id": f"f{i + 1}", "number": i + 1, "short_title": "Kort",
                          "title": "Titel", "details": ["x"]}
    else:
        item = lambda i: {"kind": "title", "title": f"Dia {i + 1}"}
    for n in (limit, limit + 1):
        corpus.set(f"{n} {key}", f"/{key}", [item(i) for i in range(n)])


def kind_cases(corpus, schema):
    """Every slide kind: its fields from the schema, each required one left out, and every other
    kind's field on it (ignored by the kiosk with a warning)."""
    kinds = schema["$defs"]["slide"]["properties"]["kind"]["enum"]
    fields_of = {k: schema["$defs"][f"{k}Slide"]["properties"] for k in kinds}
    every_field = set().union(*fields_of.values())
    for kind in kinds:
        fields = fields_of[kind]
        required = schema["$defs"][f"{kind}Slide"]["required"]
        full = {f: SLIDE_SAMPLES.get(f, kind) for f in fields}
        full["kind"] = kind
        corpus.slide(f"{kind} slide, every field", full)
        least = {f: full[f] for f in required}
        corpus.slide(f"{kind} slide, required fields only", least)
        for f in required:
            if f != "kind":
                corpus.slide(f"{kind} slide without {f}", {k: v for k, v in least.items() if k != f})
        for f in sorted(every_field - set(fields)):
            corpus.slide(f"{kind} slide with {f} (another kind's field)",
                         {**least, f: SLIDE_SAMPLES[f]}, expect="other-kind-field")
        corpus.slide(f"{kind} slide with a misspelt field", {**least, "titel": "x"})
    for kind in ("Title", "video", "", " title", 5, None):
        corpus.slide(f"slide kind {kind!r}", {"kind": kind, "title": "x"})
    corpus.slide("slide without kind", {"title": "x"})
    corpus.slide("slide not an object", "title")
    corpus.set("slides empty", "/slides", [])
    corpus.set("slides not a list", "/slides", {"kind": "title", "title": "x"})
    count_cases(corpus, "slides", 200)


def slide_field_cases(corpus):
    """The common fields, points, contacts, images and QR codes."""
    s = lambda name, slide, expect=AGREE: corpus.slide(name, slide, expect)
    for d in (0.5, 600, 5):
        s(f"duration_s {d}", {"kind": "title", "title": "x", "duration_s": d})
    for d in (math.nextafter(0.5, 0), math.nextafter(600.0, 700), 0, -3, "5", None):
        s(f"duration_s {d!r}", {"kind": "title", "title": "x", "duration_s": d})
    for value in ("", "   ", None, 3):
        s(f"notes {value!r}", {"kind": "title", "title": "x", "notes": value})
        s(f"subtitle {value!r}", {"kind": "title", "title": "x", "subtitle": value})
    for text in ("   ", "", "\n", "** **", "****", "** ** ****", "*", "***", "**x**", " . "):
        s(f"paragraph text {text!r}", {"kind": "paragraph", "text": text})
    points = {"kind": "points", "title": "P"}
    s("points: 7", {**points, "points": ["p"] * 7})
    s("points: 8", {**points, "points": ["p"] * 8})
    s("points: none", {**points, "points": []})
    s("points: a blank one", {**points, "points": ["p", "  "]})
    s("points: a number", {**points, "points": ["p", 3]})
    s("points: numbered 'yes'", {**points, "points": ["p"], "numbered": "yes"})
    closing = {"kind": "closing", "title": "Contact"}
    s("contacts: 6", {**closing, "contacts": [{"name": "An"}] * 6})
    s("contacts: 7", {**closing, "contacts": [{"name": "An"}] * 7})
    s("contacts: none", {**closing, "contacts": []})
    s("contact without name", {**closing, "contacts": [{"phone": "02"}]})
    s("contact with a blank name", {**closing, "contacts": [{"name": " "}]})
    s("contact with an unknown field", {**closing, "contacts": [{"name": "An", "mail": "a@b"}]})
    s("contact as a string", {**closing, "contacts": ["An"]})
    image_cases(corpus)
    qr_cases(corpus)


def image_cases(corpus):
    def image(name, src, expect=AGREE, files=None, **extra):
        slide = {"kind": "image", "title": "Beeld", "image": {"src": src, **extra}}
        corpus.slide(name, slide, expect, files)

    image("image pic.png", "pic.png")
    image("image in a folder", "beelden/pic.png", files={"beelden/pic.png": png_bytes()})
    image("image ./pic.png", "./pic.png")
    for length in (200, 201):
        name = "a" * (length - 4) + ".png"
        image(f"image named with {length} characters", name, files={name: png_bytes()})
    for bad in ("../pic.png", "beelden/../pic.png", "..", "/tmp/pic.png", "C:/pic.png",
                "beelden\\pic.png", "beelden//pic.png", "pic .png", "pïc.png", "pic.png\n", "",
                "  ", "~/pic.png"):
        image(f"image src {bad!r}", bad)
    image("image missing", "missing.png", expect="image-file")
    image("image not a picture", "pic.png", expect="image-file", files={"pic.png": b"not a png"})
    image("image fit contain", "pic.png", fit="contain")
    for fit in ("fill", "", "Cover", None):
        image(f"image fit {fit!r}", "pic.png", fit=fit)
    image("image with an unknown field", "pic.png", alt="x")
    corpus.slide("image as a string", {"kind": "image", "image": "pic.png"})
    corpus.slide("image null", {"kind": "image", "image": None})
    for n in (50, 51):
        corpus.vary(f"{n} image slides", lambda d, n=n: d["slides"].extend(
            [{"kind": "image", "image": {"src": "pic.png"}}] * n))


def qr_cases(corpus):
    base = "https://www.serv.be/"
    urls = {
        "300 ASCII characters": base + "a" * (300 - len(base)),
        "301 ASCII characters": base + "a" * (301 - len(base)),
        "300 characters, multibyte": base + "é" * (300 - len(base)),
        "a short one with an accent": "https://www.serv.be/café",
        "percent-encoded": "https://www.serv.be/caf%C3%A9",
        "blank": "   ",
        "empty": "",
        "with a space": "https://www.serv.be/a b",
        "with a trailing line feed": "https://www.serv.be\n",
        "a number": 5,
    }
    for name, url in urls.items():
        corpus.slide(f"qr url {name}", {"kind": "qr", "title": "Scan", "url": url})


def text_cases(corpus):
    """The rules every text shares: length, characters, line breaks. In notes, which are never
    drawn, so that the layout's own limits (only --check's) stay out of it."""
    note = lambda name, text, expect=AGREE: corpus.slide(
        name, {"kind": "title", "title": "x", "notes": text}, expect)
    note("text of 4000 ASCII characters", "x" * 4000)
    note("text of 4001 ASCII characters", "x" * 4001)
    note("text of 4000 bytes, 2000 characters (é)", "é" * 2000)
    note("text of 4001 bytes, 2001 characters", "é" * 2000 + "x", "bytes")
    note("text of 4000 characters, 8000 bytes", "é" * 4000, "bytes")
    note("text of 4001 characters, 8002 bytes", "é" * 4001)
    note("text of 1000 emoji, 4000 bytes", "🎉" * 1000)
    note("text of 20 line breaks", "a" + "\n" * 20 + "b")
    note("text of 21 line breaks", "a" + "\n" * 21 + "b")
    note("text of 21 line breaks, the last at the end", "a" + "\n" * 21)
    for name, char in (("a tab", "\t"), ("a CR", "\r"), ("a bell", "\x07"), ("DEL", "\x7f"),
                       ("a C1 control", "\x85"), ("U+FFFE", "\ufffe"), ("U+FFFF", "\uffff"),
                       ("NUL", "\x00")):
        note(f"text with {name}", f"a{char}b")
    for name, char in (("U+2028", "\u2028"), ("a no-break space", "\xa0"), ("U+FFFD", "\ufffd"),
                       ("an emoji", "🎉"), ("a combining accent", "e\u0301")):
        note(f"text with {name}", f"a{char}b")
    note("text with an unclosed **", "**a")
    corpus.slide("points too long to fit on any screen",
                 {"kind": "points", "points": ["\n" * 20 + "x" * 3000] * 7}, "fits")
    corpus.slide("a paragraph of 60 words", {"kind": "paragraph", "text": "woord " * 60})


def build_corpus(source, schema):
    corpus = Corpus()
    real_decks(corpus, source)
    default = json.loads((source / "content/deck.json").read_text())
    issue_cases(corpus, default)
    top_level_cases(corpus, schema)
    section_cases(corpus, schema)
    finding_cases(corpus, schema)
    kind_cases(corpus, schema)
    slide_field_cases(corpus)
    text_cases(corpus)
    return corpus.cases


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def schema_verdict(validator, text):
    """(valid, why not): strict JSON (no NaN, UTF-8 only), then the schema."""
    try:
        deck = json.loads(text.decode("utf-8"), parse_constant=refuse_constant)
    except ValueError as e:
        return False, f"not JSON: {e}"
    errors = sorted(validator.iter_errors(deck), key=lambda e: list(e.absolute_path))
    if not errors:
        return True, ""
    first = errors[0]
    where = "/" + "/".join(str(p) for p in first.absolute_path)
    return False, f"{where}: {first.message[:100]}"


def check_verdict(kiosk, folder):
    """(exit code, output) of kiosk --check FOLDER: 0 accepted, 1 refused, anything else a crash."""
    run = subprocess.run([kiosk, "--check", str(folder)], capture_output=True, text=True,
                         errors="replace", timeout=60)
    return run.returncode, run.stdout + run.stderr


def write_folder(case, where):
    where.mkdir()
    (where / "deck.json").write_bytes(case.text)
    for name, data in case.files.items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_bytes(data)
    return where


def first_error(output):
    for line in output.splitlines():
        if ": error: " in line:
            return line.split(": error: ", 1)[1][:110]
    return output.strip().splitlines()[-1] if output.strip() else "(no output)"


def judge(case, schema_ok, check_ok, output):
    """None when the verdicts are as expected, else what differs."""
    if case.expect == AGREE and schema_ok == check_ok:
        return None
    if case.expect in ONLY_CHECK and schema_ok and not check_ok:
        return None
    if case.expect in SCHEMA_STRICTER:
        if not schema_ok and check_ok and SCHEMA_STRICTER[case.expect][1] in output:
            return None
    expected = {AGREE: "the same verdict"}.get(case.expect, f"the known difference {case.expect}")
    return f"expected {expected}"


def check_summary(output):
    """--check's verdict in a few words: "accepts (1 warning(s))" or "refuses (the first error)"."""
    counts = re.search(r"(\d+) error\(s\), (\d+) warning\(s\)", output)
    if counts and counts[1] == "0":
        return f"accepts ({counts[2]} warning(s))"
    return f"refuses ({first_error(output)})"


def run(kiosk, source, validator, verbose):
    cases = build_corpus(source, json.loads((source / "content/deck.schema.json").read_text()))
    problems = []
    counts = {}
    with tempfile.TemporaryDirectory(prefix="schema_agrees.") as tmp:
        for i, case in enumerate(cases):
            folder = case.folder or write_folder(case, Path(tmp) / f"deck{i}")
            schema_ok, schema_why = schema_verdict(validator, case.text)
            code, output = check_verdict(kiosk, folder)
            counts[case.expect] = counts.get(case.expect, 0) + 1
            if code not in (0, 1):
                problems.append(f"CRASH   {case.name}: --check exited {code}: {output.strip()}")
                continue
            check_ok = code == 0
            problem = judge(case, schema_ok, check_ok, output)
            schema_says = "valid" if schema_ok else f"refuses ({schema_why})"
            line = f"{case.name}: schema {schema_says}; --check {check_summary(output)}"
            if problem:
                problems.append(f"DIFFER  {line} [{problem}]")
            elif verbose:
                print(f"ok      {line}")
    report(cases, counts, problems)
    return 1 if problems else 0


def report(cases, counts, problems):
    for p in problems:
        print(p)
    known = ", ".join(f"{counts[k]} {k}" for k in sorted(counts) if k != AGREE)
    print(f"{len(cases)} decks: {counts.get(AGREE, 0)} judged alike, {known} (known differences); "
          f"{len(problems)} disagreement(s)")
    if problems:
        print("Known differences. Only --check knows:")
        for key, why in ONLY_CHECK.items():
            print(f"  {key}: {why}")
        print("The schema refuses, --check warns:")
        for key, (why, _) in SCHEMA_STRICTER.items():
            print(f"  {key}: {why}")


def load_validator(schema_file, require):
    try:
        import jsonschema
    except ImportError:
        missing = "no JSON Schema validator: deploy/dev-deps.sh --tests installs python3-jsonschema"
        print(f"FAIL: {missing}" if require else f"SKIPPED: {missing}")
        sys.exit(1 if require else 77)
    schema = json.loads(schema_file.read_text())
    cls = jsonschema.validators.validator_for(schema, default=None)
    if cls is None:
        print(f"FAIL: this jsonschema ({sys.executable}) does not know {schema['$schema']}")
        sys.exit(1)
    cls.check_schema(schema)  # the schema itself must be valid for the draft it names
    return cls(schema)


USAGE = "usage: schema_agrees.py KIOSK SOURCE_DIR [--require] [--verbose]"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(USAGE)
        return 2
    kiosk, source = args[0], Path(args[1])
    validator = load_validator(source / "content/deck.schema.json", "--require" in argv)
    return run(kiosk, source, validator, "--verbose" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
