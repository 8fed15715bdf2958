"""The LaTeX engine: bank text escaped with PyLaTeX, only whitelisted \\( … \\) math passed through,
laid out by the editable template in templates/, all parts in one document compiled once."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from pylatex import Command, NoEscape
from pylatex.utils import escape_latex

from ..csvsafe import csv_bytes
from ..errors import QuizgenError
from ..exam import LETTERS, Exam, Question, Variant
from ..i18n import Labels, fill, item_stem, labels_for
from ..model import ClozeItem, Item, MatchingItem, MCQItem, TrueFalseItem, statement_parts
from ..safefs import read_own_file
from ..text.latexmath import GREEK, LATEX_EQUIVALENT, SYMBOLS, math_command_problems
from ..text.mask import BLANK
from ..text.math import segments
from . import compile as tex
from . import texpages
from .sandbox import run_limited, sandbox_available

UNTRUSTED_TEMPLATES = (
    "TeX cannot be sandboxed here (bubblewrap is missing or cannot run), and a template is code: TeX "
    "commands in it can read any file you can (\\pdfobj … file). Install bubblewrap (Debian/Ubuntu: "
    "apt-get install bubblewrap), or pass --trust-templates if you wrote or checked the template yourself"
)

_UNICODE = {
    **{v: k for k, v in GREEK.items()},
    **{v: k for k, v in SYMBOLS.items() if len(v) == 1 and ord(v) > 127 and k.isalpha()},
}
_TEXT_ONLY = {
    "–": "--",
    "—": "---",
    "…": r"\ldots{}",
    "×": r"\texttimes{}",
    "·": r"\textperiodcentered{}",
    "−": "-",
    "\u00a0": "~",
    "\u2009": r"\,",
    "\u2002": r"\enskip{}",
    "\u2003": r"\quad{}",
    "\u202f": r"\,",  # the narrow no-break space French puts before ; : ! ? and inside « »
}
# what pdfLaTeX prints with T1 fonts and inputenc: Latin-1 and Latin Extended-A (accents of every language
# quizgen ships, « » ¿ ¡ œ ß ł ą ę …) but a few letters T1 has no glyph for, and typographic quotes
_T1_TEXT = frozenset({chr(c) for c in range(0xA1, 0x180)} - set("ĦħĸĿŀŉŦŧſ") | set("‘’“”‚„‹›€•‰№ẞȘșȚț"))


def _unicode_to_latex(text: str, in_math: bool) -> str:
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif not in_math and ch in _TEXT_ONLY:
            out.append(_TEXT_ONLY[ch])
        elif not in_math and ch in _T1_TEXT:
            out.append(ch)
        elif ch in _UNICODE:
            cmd = "\\" + _UNICODE[ch]
            out.append(cmd + " " if in_math else r"\ensuremath{" + cmd + "}")
        else:
            out.append(f"[U+{ord(ch):04X}]")  # pdfLaTeX's fonts lack it: print its code, never drop it
    return "".join(out)


_NONSTANDARD = re.compile(r"\\(" + "|".join(LATEX_EQUIVALENT) + r")(?![A-Za-z])")


def _standard_commands(math: str) -> str:
    return _NONSTANDARD.sub(lambda m: LATEX_EQUIVALENT[m.group(1)], math)


def _escape(text: str) -> str:
    """PyLaTeX's escaping, with a caret that prints as '^' rather than an accent."""
    return escape_latex(text).replace(r"\^{}", r"\textasciicircum{}")


def latex_text(text: str, fills: list[str] | None = None) -> str:
    """Bank text for LaTeX: everything escaped, except validated math; blanks drawn at one width."""
    return _latex_text(text, tuple(fills or ()))


@lru_cache(maxsize=16384)  # 100 variants print the same ~1,700 texts ~30,000 times
def _latex_text(text: str, fills: tuple[str, ...]) -> str:
    fills = list(fills)
    out = []
    for seg in segments(text):
        if seg.is_math:
            problems = math_command_problems(seg.text)
            if problems:  # the loader refuses such banks; this guards any other way in
                raise QuizgenError(f"math '\\({seg.text}\\)' cannot be typeset: {problems[0]}")
            out.append(r"\(" + _standard_commands(_unicode_to_latex(seg.text, True)) + r"\)")
            continue
        parts = seg.text.split(BLANK)
        for i, part in enumerate(parts):
            if i:
                out.append(r"\filled{" + latex_text(fills.pop(0)) + "}" if fills else r"\blank{}")
            out.append(_unicode_to_latex(_escape(part), False))
    return "".join(out)


def label_text(text: str) -> str:
    """A printed label (catalog or spec text) for LaTeX: escaped like bank text, no math."""
    return _unicode_to_latex(_escape(text), False)


def question_latex(q: Question, answers: bool, lab: Labels) -> str:
    item = q.item
    lines = [rf"\begin{{question}}{{{q.number}}}{{{label_text(lab.points(q.points))}}}"]
    # hanging indents: every option's label sits in the margin, its lines all start at one x
    options = r"\begin{itemize}[labelindent=2.2em, labelwidth=2.3em, labelsep=0.3em, leftmargin=!, align=left, "
    options += "itemsep=1pt, topsep=2pt]"
    if isinstance(item, MCQItem):
        text = item_stem(item, lab)
        stem = latex_text(text) if item.direction == "definition-to-term" else _unicode_to_latex(_escape(text), False)
        lines.append(stem)
        lines.append(options)
        for i, option in enumerate(item.options):
            box = r"\checkedbox" if answers and i == item.answer else r"\checkbox"
            text = latex_text(option)
            if answers and i == item.answer:
                text = Command("textbf", NoEscape(text)).dumps()
            lines.append(rf"\item[{{{box}~\textbf{{{LETTERS[i]}}}}}] {text}")
        lines.append(r"\end{itemize}")
    elif isinstance(item, ClozeItem):
        lines.append(latex_text(item.text, [a[0] for a in item.answer] if answers else None))
        if item.word_bank:
            words = r" \textperiodcentered{} ".join(latex_text(w) for w in item.word_bank)
            title = label_text(lab("field", label=lab("word-bank")))
            lines.append(rf"\par\smallskip\hangindent=2.2em\hangafter=0\textit{{{title}}} " + words)
    elif isinstance(item, MatchingItem):
        lines.append(label_text(lab("matching-instructions")))
        lines.append(r"\par\smallskip\hspace*{2.2em}\begin{tabular}{@{}p{0.34\linewidth}p{0.58\linewidth}@{}}")
        for i in range(max(len(item.premises), len(item.responses))):
            left = right = ""
            if i < len(item.premises):
                box = rf"\filledbox{{{LETTERS[item.answer[i]]}}}" if answers else r"\answerbox"
                label = rf"\makebox[3.6em][l]{{{box}~{i + 1}.}}"
                left = rf"\hangindent=3.6em\hangafter=1{label}{latex_text(item.premises[i])}"
            if i < len(item.responses):
                label = rf"\makebox[1.6em][l]{{\textbf{{{LETTERS[i]}.}}}}"
                right = rf"\hangindent=1.6em\hangafter=1{label}{latex_text(item.responses[i])}"
            lines.append(f"{left} & {right} \\\\[3pt]")
        lines.append(r"\end{tabular}")
    elif isinstance(item, TrueFalseItem):
        term, colon, definition = statement_parts(item)
        bold = rf"\textbf{{{latex_text(term)}}}{label_text(colon)}" if term else ""
        lines.append(bold + latex_text(definition))
        t = r"\checkedbox" if answers and item.answer else r"\checkbox"
        f = r"\checkedbox" if answers and not item.answer else r"\checkbox"
        true, false = label_text(lab("true")), label_text(lab("false"))
        lines.append(rf"\par\smallskip\hspace*{{2.2em}}{t}~{true}\qquad{f}~{false}")
    lines.append(r"\end{question}")
    return "\n".join(lines)


def blank_width(questions) -> str:
    """One blank width for a section: room to hand-write its longest accepted answer (about 0.75 em a
    character), the same for every blank so that its length gives nothing away."""
    longest = max(
        (len(a) for q in questions if isinstance(q.item, ClozeItem) for accepted in q.item.answer for a in accepted),
        default=0,
    )
    return f"{min(max(9.0, 0.75 * longest), 36.0):.1f}em"


def variant_body(
    variant: Variant, answers: bool, lab: Labels, part: str = "", breaks: frozenset[int] = frozenset()
) -> str:
    """The sections of one paper; with `part`, each question records its page (texpages), and a new page
    starts at the question numbers in `breaks`."""
    out = [texpages.MARKERS] if part else []
    for section in variant.sections:
        pts = sum(q.points for q in section.questions)
        if section.questions[0].number in breaks:
            out.append(r"\newpage")
        if any(isinstance(q.item, ClozeItem) for q in section.questions):
            out.append(rf"\ifdefined\blankwidth\setlength{{\blankwidth}}{{{blank_width(section.questions)}}}\fi")
        out.append(
            rf"\sectionheading{{{latex_text(lab.heading(section.spec))}}}"
            rf"{{{len(section.questions)} $\times$ {label_text(lab.points(section.questions[0].points))} = "
            rf"{label_text(lab.points(pts))}}}"
        )
        for i, q in enumerate(section.questions):
            if i and q.number in breaks:
                out.append(r"\newpage")
            text = question_latex(q, answers, lab)
            out.append(text.replace("\n", texpages.marker(part, q.number) + "\n", 1) if part else text)
    return "\n\n".join(out)


def answer_latex(item: Item, lab: Labels) -> str:
    if isinstance(item, MCQItem):
        return rf"\textbf{{{LETTERS[item.answer]}}} --- {latex_text(item.options[item.answer])}"
    if isinstance(item, ClozeItem):
        return "; ".join(r"\textbf{" + latex_text(a[0]) + "}" for a in item.answer)
    if isinstance(item, MatchingItem):
        return r"\newline ".join(
            rf"{i + 1}.~{latex_text(p)} $\to$ \textbf{{{LETTERS[a]}}}"
            for i, (p, a) in enumerate(zip(item.premises, item.answer))
        )
    if isinstance(item, TrueFalseItem):
        if item.answer:
            return rf"\textbf{{{label_text(lab('true'))}}}"
        shown = fill(lab.template("false-shown"), {"topic": latex_text(item.shown_topic)}, label_text)
        return rf"\textbf{{{label_text(lab('false'))}}} --- {shown}"
    raise TypeError(item)


def key_body(exam: Exam, variant: Variant) -> str:
    lab = labels_for(exam.spec)
    rows = [
        r"\begin{longtable}{@{}r p{0.74\linewidth} r@{}}",
        rf"\textbf{{\#}} & \textbf{{{label_text(lab('key-answer'))}}} & \textbf{{{label_text(lab('key-points'))}}}\\",
        r"\hline\endhead",
    ]
    for q in variant.questions:
        rows.append(rf"{q.number} & {answer_latex(q.item, lab)} & {label_text(lab.points(q.points))}\\[2pt]")
    rows.append(r"\end{longtable}")
    return "\n".join(rows)


def master_key_body(exam: Exam, per_table: int = 12) -> str:
    from .pdf import key_cell, key_letters

    lab = labels_for(exam.spec)
    heading = label_text(lab("master-key-heading"))
    out = [rf"\textbf{{\large {heading}}}\par\medskip"]
    n = max(len(v.questions) for v in exam.variants)
    for start in range(0, len(exam.variants), per_table):
        chunk = exam.variants[start : start + per_table]
        out.append(r"\begin{longtable}{|r|" + "c|" * len(chunk) + "}")
        out.append(r"\hline \# & " + " & ".join(v.code for v in chunk) + r"\\ \hline\endhead")
        for i in range(n):
            cells = [
                latex_text(key_cell(key_letters(v.questions[i].item, lab))) if i < len(v.questions) else ""
                for v in chunk
            ]
            out.append(f"{i + 1} & " + " & ".join(cells) + r"\\ \hline")
        out.append(r"\end{longtable}")
    return "\n".join(out)


class _FolderLoader(jinja2.BaseLoader):
    """Templates that are regular files directly in one folder: no links (which could name any file on
    the machine), no subfolders, at most 1 MB."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get_source(self, environment, template):
        path = self.folder / template
        if Path(template).name != template or template.startswith("."):
            raise jinja2.TemplateNotFound(template)
        data = read_own_file(path, 1 << 20)
        if data is None:
            raise jinja2.TemplateNotFound(template)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise QuizgenError(f"{path}: the template is not UTF-8 text") from None
        return text, str(path), lambda: read_own_file(path, 1 << 20) == data


def bundled_templates() -> Path:
    bundled = resources.files("quizgen") / "_data" / "templates"
    if not bundled.is_dir():  # a source checkout
        bundled = Path(__file__).resolve().parent.parent.parent / "templates"
    return Path(str(bundled))


def template_environment(templates: Path | None) -> jinja2.Environment:
    """Jinja's sandbox: a template sees the values quizgen passes and nothing of Python behind them."""
    loaders = [_FolderLoader(templates)] if templates else []
    loaders.append(_FolderLoader(bundled_templates()))
    return SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        block_start_string="<%",
        block_end_string="%>",
        variable_start_string="<<",
        variable_end_string=">>",
        comment_start_string="<#",
        comment_end_string="#>",
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def parts_of(exam: Exam, answers: str, breaks: dict[str, set[int]] | None = None) -> list[dict]:
    """Every part of the combined document, in order, with the file it becomes; `breaks` are the planned
    page breaks of exam papers (texpages)."""
    breaks = breaks or {}
    has_instructions = bool(exam.spec.instructions)
    lab = labels_for(exam.spec)

    def part(name, variant, label, summary, body, student_lines=False, instructions=False, mark="") -> dict:
        return dict(
            name=name,
            variant=variant,
            label=label,
            summary=summary,
            body=body,
            student_lines=student_lines,
            instructions=instructions,
            mark=mark,
        )

    from .pdf import MASTER_IN_KEYS

    # a key ends with the master key (as one part, so that its pages count with the key's)
    master = master_key_body(exam)
    tail = (
        r"\clearpage" + "\n" + master
        if len(exam.variants) <= MASTER_IN_KEYS
        else r"\par\medskip " + label_text(lab("master-key-elsewhere"))
    )

    parts = []
    for v in exam.variants:
        total = lab("total", points=lab.points(v.total_points))
        summary = label_text(lab.count("questions", len(v.questions))) + r" \textperiodcentered{} " + label_text(total)
        name = f"exam-{v.code}"
        body = variant_body(v, False, lab, name, frozenset(breaks.get(name, ())))
        parts.append(part(name, v.code, label_text(lab("exam")), summary, body, True, has_instructions))
        if answers == "inline":
            parts.append(
                part(
                    f"teacher-{v.code}",
                    v.code,
                    label_text(lab("teacher-copy")),
                    summary,
                    variant_body(v, True, lab),
                    instructions=has_instructions,
                    mark=label_text(lab("teacher-copy-mark")),
                )
            )
        if answers in ("inline", "key"):
            body = key_body(exam, v) + "\n" + tail
            key, mark = label_text(lab("answer-key")), label_text(lab("answer-key-mark"))
            parts.append(part(f"key-{v.code}", v.code, key, summary, body, mark=mark))
    if answers in ("inline", "key"):
        master_label, mark = label_text(lab("master-key")), label_text(lab("answer-key-mark"))
        parts.append(part("master-key", "", master_label, "", master, mark=mark))
    return parts


FOOTER_CHARS = 70  # a title longer than this is shortened in the footer, which never overprints the page number


def _shorten(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def exam_tex(
    exam: Exam, answers: str, templates: Path | None = None, breaks: dict[str, set[int]] | None = None
) -> tuple[str, list[str]]:
    spec, lab = exam.spec, labels_for(exam.spec)
    parts = parts_of(exam, answers, breaks)
    meta = r" \textperiodcentered{} ".join(latex_text(x) for x in (spec.course, lab.date(spec.date)) if x)
    values = dict(
        title=latex_text(spec.title),
        footer_title=latex_text(_shorten(spec.title, FOOTER_CHARS)),
        meta=meta,
        instructions=latex_text(spec.instructions),
        paper="a4" if spec.paper == "a4" else "letter",
        base_size=min((10, 11, 12), key=lambda s: abs(s - spec.font_size)),
        parts=parts,
        babel_language=lab.catalog.babel_language,
        labels=dict(
            name=label_text(lab("field", label=lab("name"))),
            student_id=label_text(lab("field", label=lab("student-id"))),
            variant=fill(lab.template("variant"), {"code": r"\quizvariant{}"}, label_text),
            page=fill(
                lab.template("page"), {"page": r"\thepage{}", "pages": r"\pageref{qg-end-\quizpart}"}, label_text
            ),
        ),
    )

    def render() -> str:
        try:
            return template_environment(templates).get_template("exam.tex").render(**values)
        except SecurityError as e:
            raise QuizgenError(
                f"the template tried something unsafe ({e}); templates only lay out the values given"
            ) from None
        except jinja2.TemplateError as e:
            where = f"{e.filename}:{e.lineno}: " if getattr(e, "lineno", None) else ""
            raise QuizgenError(f"{where}template error: {e.message}; fix the template") from None

    return run_limited(render), [p["name"] for p in parts]


def _paper_pages(compiled: tex.Compiled, names: list[str], exam: Exam) -> dict[str, int]:
    ranges = tex.part_ranges(compiled.page_count, compiled.aux, names)
    return {f"exam-{v.code}": len(ranges[f"exam-{v.code}"]) for v in exam.variants}


def compile_even_papers(
    exam: Exam, answers: str, templates: Path | None, source: str, names: list[str], job: tex.TexJob
) -> tuple[str, tex.Compiled]:
    """The source kept and its final compile. Where the questions land is known after one (draft) pass: when
    the papers are uneven, the next pass typesets planned page breaks (texpages), kept if every paper then
    has the same page count (or at least fewer papers differ), else the plain source is compiled on. The
    questions' heights for a plan are measured (reportlab) while TeX runs the first pass."""
    heights: dict[str, list[float]] = {}
    first = job.run(source, draft=True, meanwhile=lambda: heights.update(texpages.paper_heights(exam)))
    counts = _paper_pages(first, names, exam)
    breaks = texpages.plan_breaks(counts, first.aux, heights)
    if not breaks:
        return source, job.settle(first)
    even_source, _ = exam_tex(exam, answers, templates, breaks)
    planned = job.run(even_source, texpages.seeded_aux(first.aux, breaks))
    planned_counts = _paper_pages(planned, names, exam)
    if texpages.is_even(planned_counts, planned.aux) or len(set(planned_counts.values())) < len(set(counts.values())):
        return even_source, job.settle(planned)
    return source, job.settle(job.run(source, first.aux))


def latex_files(
    exam: Exam,
    answers: str,
    templates: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
    job_folder: Callable[[], Path] | None = None,
    trust_templates: bool = False,
) -> dict[str, bytes]:
    """The combined .tex source and, when TeX Live is present, every PDF split from its single compile.
    `job_folder()` gives the fresh folder TeX works in; a custom template needs the TeX sandbox or
    `trust_templates` (a template is code)."""
    from ..exam import key_rows

    if job_folder is None:
        raise ValueError("latex_files needs a job_folder (a private folder inside the output folder)")
    folder = job_folder()
    if templates and not trust_templates and tex.tex_available() and not sandbox_available(folder):
        raise QuizgenError(UNTRUSTED_TEMPLATES)
    source, names = exam_tex(exam, answers, templates)
    files: dict[str, bytes] = {"exam.tex": source.encode("utf-8")}
    if answers != "none":
        files["key.csv"] = csv_bytes(key_rows(exam))
    if not tex.tex_available():
        raise tex.TexNotCompiled(tex.INSTALL_HINT, files)
    try:
        source, result = compile_even_papers(exam, answers, templates, source, names, tex.TexJob("exam", folder))
    except tex.TexFailed as e:  # the log's relevant lines; the .tex is still written for inspection
        raise tex.TexNotCompiled(e.message, files) from None
    files["exam.tex"] = source.encode("utf-8")
    reader = tex.open_pdf(result.pdf)  # parsed once; every file is cut from it
    ranges = tex.part_ranges(len(reader.pages), result.aux, names)
    for name in names:
        files[f"{name}.pdf"] = tex.extract_pages(reader, [ranges[name]])
        progress(f"{name}.pdf")
    files["print-all.pdf"] = tex.extract_pages(reader, [ranges[f"exam-{v.code}"] for v in exam.variants])
    progress("print-all.pdf")
    return files
