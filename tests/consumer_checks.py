"""What a student would see and what would be graded right, compared between the questions quizgen exported
and what a consumer (Moodle, Canvas, Anki) made of them. Shared by tests/test_export_consumers.py and
benchmarks/consumers/run_by_hand.py (a plain module: conftest.py is not imported by name)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLANK = "_____"
WRONG = "zz-not-an-answer"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("br", "hr", "div", "p", "li"):  # a line break shows as a break, never glues words
            self.parts.append(" ")


def shown(markup: str) -> str:
    """The text a browser shows for an HTML fragment (tags dropped, references decoded, spaces collapsed)."""
    p = _Text()
    p.feed(markup)
    p.close()
    return " ".join("".join(p.parts).split())


def plain(text: str) -> str:
    return " ".join(text.split())


def view(item: dict) -> tuple:
    """A question as a student sees it, order-free: what two consumers must agree on."""
    kind = item["type"]
    if kind == "mcq":
        return (
            "mcq",
            plain(item["stem"]),
            tuple(sorted(map(plain, item["options"]))),
            plain(item["options"][item["answer"]]),
        )
    if kind == "truefalse":
        return ("truefalse", plain(item["statement"]), bool(item["answer"]))
    if kind == "matching":
        pairs = [(plain(item["responses"][a]), plain(p)) for p, a in zip(item["premises"], item["answer"])]
        return ("matching", tuple(sorted(pairs, key=str)))
    return ("cloze", plain(item["text"]), tuple(tuple(a) for a in item["answer"]))


def gift_views(item: dict) -> list[tuple]:
    """GIFT has one blank per question: a cloze of n blanks is n questions, the other blanks filled in."""
    if item["type"] != "cloze":
        return [view(item)]
    parts, out = item["text"].split(BLANK), []
    for n, accepted in enumerate(item["answer"]):
        filled = [BLANK if i == n else other[0] for i, other in enumerate(item["answer"])]
        text = parts[0] + "".join(f + p for f, p in zip(filled, parts[1:]))
        out.append(("cloze", plain(text), (tuple(accepted),)))
    return out


@dataclass
class Report:
    """Expected vs imported, as counts; `problems` says which question and how."""

    expected: int = 0
    imported: int = 0
    dropped: int = 0
    extra: int = 0
    wrong_grades: int = 0
    problems: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        return self.imported == self.expected and not (self.dropped or self.extra or self.wrong_grades)

    def line(self, consumer: str) -> str:
        return (
            f"{consumer}: {self.expected} expected, {self.imported} imported, {self.dropped} dropped or changed, "
            f"{self.extra} extra, {self.wrong_grades} answers graded wrong"
        )


def compare(expected: list[tuple], got: list[tuple], report: Report | None = None) -> Report:
    """Multiset comparison of views; cloze answers are compared by grading, not by spelling (see grade_cloze)."""
    r = report or Report()
    r.expected += len(expected)
    r.imported += len(got)
    want, have = Counter(_key(v) for v in expected), Counter(_key(v) for v in got)
    for k, n in (want - have).items():
        r.dropped += n
        r.problems.append(f"missing or changed: {k!r}"[:400])
    for k, n in (have - want).items():
        r.extra += n
        r.problems.append(f"not in the export: {k!r}"[:400])
    return r


def _key(v: tuple) -> tuple:
    return v[:2] if v[0] == "cloze" else v  # a cloze's answers are checked by grade_cloze


def moodle_accepts(given: str, stored: tuple[str, ...]) -> bool:
    """Moodle's shortanswer rule (question/type/shortanswer/question.php compare_string_with_wildcard),
    case-insensitive: an unescaped run of * matches anything, \\* is a literal star, outer spaces of the
    student's answer are ignored. benchmarks/consumers/run_by_hand.py checks it against Moodle's own."""
    given = unicodedata.normalize("NFC", given).strip()
    for pattern in stored:
        bits = re.split(r"(?<!\\)\*+", unicodedata.normalize("NFC", pattern))
        if re.fullmatch(".*".join(re.escape(b.replace("\\*", "*")) for b in bits), given, re.IGNORECASE | re.DOTALL):
            return True
    return False


def grade_cloze(expected: list[tuple], got: list[tuple], accepts, report: Report) -> None:
    """For every cloze blank: each accepted answer is graded right, a wrong one is not, and nothing else is
    stored. `accepts(given, stored_answers) -> bool` is the consumer's own matching rule."""
    stored_by_text = {v[1]: v[2] for v in got if v[0] == "cloze"}
    for v in expected:
        if v[0] != "cloze" or v[1] not in stored_by_text:
            continue
        stored = stored_by_text[v[1]]
        if len(stored) != len(v[2]):
            report.wrong_grades += 1
            report.problems.append(f"{v[1][:60]}: {len(v[2])} blanks, {len(stored)} imported")
            continue
        for accepted, answers in zip(v[2], stored):
            bad = [a for a in accepted if not accepts(a, answers)] + ([WRONG] if accepts(WRONG, answers) else [])
            if bad or len(answers) != len(accepted):
                report.wrong_grades += 1
                report.problems.append(f"{v[1][:60]}: {accepted} vs stored {answers}")


# ---- Moodle: the question objects its importers return (benchmarks/consumers/moodle_import.php) ----


def moodle_views(questions: list[dict]) -> list[tuple]:
    out = []
    for q in questions:
        kind = q.get("qtype")
        text = shown(q.get("questiontext", "") if isinstance(q.get("questiontext"), str) else "")
        if kind == "multichoice":
            options = [shown(a["text"]) for a in q["answer"]]
            right = [o for o, f in zip(options, q["fraction"]) if float(f) == 1]
            out.append(("mcq", text, tuple(sorted(options)), right[0] if len(right) == 1 else tuple(right)))
        elif kind == "truefalse":
            out.append(("truefalse", text, bool(int(q["correctanswer"]))))
        elif kind == "match":
            pairs = [
                (shown(sub["text"]), shown(ans))
                for sub, ans in zip(q["subquestions"], q["shown_subanswers"])
                if shown(sub["text"])
            ]
            out.append(("matching", tuple(sorted(pairs, key=str))))
        elif kind == "multianswer":
            subs = q["options"]["questions"]
            keys = sorted(subs, key=int)
            for k in keys:
                text = text.replace(f"{{#{k}}}", BLANK)
            answers = tuple(
                tuple(a for a, f in zip(subs[k]["answer"], subs[k]["fraction"]) if float(f) == 1) for k in keys
            )
            out.append(("cloze", shown(re.sub(r"\{#(\d+)\}", BLANK, q["questiontext"])), answers))
        elif kind == "shortanswer":
            answers = tuple(a for a, f in zip(q["answer"], q["fraction"]) if float(f) == 1)
            out.append(("cloze", text, (answers,)))
        elif kind != "category":
            out.append(("unexpected", kind, text))
    return out


# ---- Anki: notes as the real collection holds them after import ----


def anki_cloze_view(text_field: str) -> tuple:
    """A cloze note as Anki reads it: {{cN::answer}} deletions (answer up to the first '}}' or '::')."""
    blanks = re.findall(r"\{\{c(\d+)::(.*?)(?:::.*?)?\}\}", text_field)
    question = re.sub(r"\{\{c\d+::.*?\}\}", BLANK, text_field)
    return shown(question), [n for n, _ in blanks], [html.unescape(a) for _, a in blanks]


# ---- Canvas: its QTI importer's rules (canvas-lms gems/plugins/qti_exporter, after QTIMigrationTool) ----


def first_number(ident: str) -> int | None:
    """Canvas's id for a matching choice: the first run of digits in its identifier."""
    m = re.search(r"\d+", ident)
    return int(m.group()) if m else None


def canvas_item_view(qtype: str, text_html: str, interactions: list[dict], correct: dict[str, list[str]]) -> tuple:
    """One question as Canvas would hold it. `interactions`: {"rid", "prompt", "choices": [(ident, kind,
    content)]} where kind is "html" (content is HTML source) or "text"; `correct`: response id -> idents."""
    if qtype in ("multiple_choice_question", "true_false_question"):
        (ci,) = interactions
        options = {ident: shown(c) if kind == "html" else plain(c) for ident, kind, c in ci["choices"]}
        right = [options[i] for i in correct.get(ci["rid"], [])]
        if qtype == "true_false_question":
            return ("truefalse", shown(text_html), right == ["True"])
        return ("mcq", shown(text_html), tuple(sorted(options.values())), right[0] if len(right) == 1 else tuple(right))
    if qtype == "matching_question":
        # matches come from the first drop-down; an answer's match is the first match with the same number
        matches = [(first_number(i), html.unescape(plain(c))) for i, _, c in interactions[0]["choices"]]
        pairs = []
        for ci in interactions:
            for ident in correct.get(ci["rid"], []):
                number = first_number(ident)
                right = next((t for n, t in matches if n == number), None)
                pairs.append((right, shown(ci["prompt"])))
        return ("matching", tuple(sorted(pairs, key=str)))
    if qtype == "fill_in_multiple_blanks_question":
        text, answers = shown(text_html), []
        for ci in interactions:
            blank = re.sub(r"^response_", "", ci["rid"])
            text = text.replace(f"[{blank}]", BLANK)
            answers.append(tuple(plain(c) for _, _, c in ci["choices"]))
        return ("cloze", text, tuple(answers))
    return ("unexpected", qtype, shown(text_html))


def canvas_accepts(given: str, answers: tuple[str, ...]) -> bool:
    """Canvas grades a blank right when the answer equals an accepted one, ignoring case and outer spaces."""
    return any(given.strip().lower() == a.strip().lower() for a in answers)


def canvas_views_qti12(xml: bytes) -> list[tuple]:
    """Canvas's view of quizgen's QTI 1.2, read the way QTIMigrationTool converts it: text/html material is
    HTML source, text/plain material is text."""
    import xml.etree.ElementTree as ET

    out = []
    for item in ET.fromstring(xml).iter("item"):
        fields = {f.findtext("fieldlabel"): f.findtext("fieldentry") for f in item.iter("qtimetadatafield")}
        pres = item.find("presentation")
        mat = pres.find("material/mattext")
        interactions = []
        for lid in pres.findall("response_lid"):
            prompt = lid.find("material/mattext")
            choices = [
                (lab.get("ident"), "html" if m.get("texttype") == "text/html" else "text", m.text or "")
                for lab in lid.iter("response_label")
                for m in [lab.find("material/mattext")]
            ]
            interactions.append(
                {"rid": lid.get("ident"), "prompt": prompt.text if prompt is not None else "", "choices": choices}
            )
        correct: dict[str, list[str]] = {}
        for cond in item.iter("respcondition"):
            eq, setvar = cond.find("conditionvar/varequal"), cond.find("setvar")
            if eq is not None and setvar is not None and float(setvar.text) > 0:
                correct.setdefault(eq.get("respident"), []).append(eq.text)
        out.append(canvas_item_view(fields["question_type"], mat.text or "", interactions, correct))
    return out


def canvas_views_qti2(folder) -> list[tuple]:
    """Canvas's view of the QTI 2 items QTIMigrationTool wrote into `folder`/assessmentItems (by hand only)."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ns = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"

    def source(node) -> tuple[str, str]:
        div = node.find(f"{ns}div")
        return (
            ("html" if div.get("class") == "html" else "text", "".join(div.itertext()))
            if div is not None
            else ("text", "".join(node.itertext()))
        )

    out = []
    for path in sorted(Path(folder, "assessmentItems").glob("*.xml")):
        root = ET.parse(path).getroot()
        qtype = next(f.get("value") for f in root.iter(f"{ns}instructureField") if f.get("name") == "question_type")
        body = root.find(f"{ns}itemBody")
        text = "".join("".join(d.itertext()) for d in body.findall(f"{ns}div"))
        interactions = []
        for ci in body.iter(f"{ns}choiceInteraction"):
            prompt = ci.find(f"{ns}prompt")
            choices = [(sc.get("identifier"), *source(sc)) for sc in ci.iter(f"{ns}simpleChoice")]
            interactions.append(
                {
                    "rid": ci.get("responseIdentifier"),
                    "prompt": source(prompt)[1] if prompt is not None else "",
                    "choices": choices,
                }
            )
        correct: dict[str, list[str]] = {}
        for r_if in root.iter(f"{ns}responseIf"):
            match, score = (
                r_if.find(f"{ns}match"),
                r_if.find(f".//{ns}setOutcomeValue[@identifier='SCORE']//{ns}baseValue"),
            )
            if match is not None and score is not None and float(score.text) > 0:
                rid = match.find(f"{ns}variable").get("identifier")
                correct.setdefault(rid, []).append(match.find(f"{ns}baseValue").text.strip())
        out.append(canvas_item_view(qtype, text, interactions, correct))
    return out
