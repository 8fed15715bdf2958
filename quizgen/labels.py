"""Every printed word that is not bank or spec text: one id per label, with its English wording.

The id is the label's name in a spec's `labels:` overrides and the `msgctxt` of its entry in the message
catalogs (quizgen/locale/<lang>/LC_MESSAGES/quizgen.po); the English text is the `msgid`. A label with a
plural form gives (singular, plural). Placeholders are `{name}`; a translation may reorder them."""

from __future__ import annotations

LABELS: dict[str, str | tuple[str, str]] = {
    # exam papers, teacher's copies and keys (both engines)
    "exam": "Exam",
    "teacher-copy": "Teacher's copy (answers marked)",
    "teacher-copy-mark": "TEACHER'S COPY",
    "answer-key": "Answer key",
    "answer-key-mark": "ANSWER KEY",
    "master-key": "Master key",
    "master-key-heading": "Master key: all variants",
    "master-key-elsewhere": "The master key of all variants is in master-key.pdf.",
    "variant": "Variant {code}",
    "page": "Page {page} of {pages}",
    "questions": ("{n} question", "{n} questions"),
    "points": ("{n} pt", "{n} pts"),
    "points-fraction": "{n} pts",
    "total": "{points} in total",
    "field": "{label}:",  # a field's name before its value or a line to write on ('Name: ____')
    "name": "Name",
    "student-id": "ID",
    "heading-mcq": "Multiple choice",
    "heading-cloze": "Fill in the blanks",
    "heading-matching": "Matching",
    "heading-truefalse": "True or false",
    "word-bank": "Word bank",
    # the lead-in of a multiple-choice question (the item's stem starts with the English wording)
    "lead-blank": "Which term fills the blank?",
    "lead-phrase": "Which term is described here?",
    "lead-describes": "Which statement best describes {name}?",
    "matching-instructions": "Write the letter of the matching definition in each box. One definition is not used.",
    "true": "True",
    "false": "False",
    "false-shown": "the definition shown is that of {topic}",
    "key-answer": "Answer",
    "key-points": "Points",
    "also-accepted": "also: {answers}",
    # the sample exam of `quizgen build` without a spec
    "sample-title": "Machine learning: sample exam",
    "sample-course": "Bundled machine-learning bank",
    "sample-small-title": "Sample exam",
    "sample-instructions": "Answer every question. For multiple choice, mark one box. Write clearly in the blanks.",
    # LMS and flashcard exports (what the importer shows with the question)
    "export-match-definitions": "Match each definition with its term.",
    "export-match-terms": "Match each term with its definition.",
    "export-truefalse": "True or false?",
    # a question's name in an LMS question bank or a CSV ('Osmosis (mcq, definition-to-term)')
    "export-name": "{topic} ({kind})",
    "export-kind-mcq-definition-to-term": "mcq, definition-to-term",
    "export-kind-mcq-term-to-definition": "mcq, term-to-definition",
    "export-kind-mcq": "mcq",
    "export-kind-cloze-term": "cloze, term",
    "export-kind-cloze-keyphrase": "cloze, keyphrase",
    "export-kind-cloze": "cloze",
    "export-kind-matching": "matching",
    "export-kind-truefalse-true": "truefalse, true",
    "export-kind-truefalse-false": "truefalse, false",
    "export-blank": "{name} (blank {n})",  # GIFT: one question per blank of a cloze item
    # Anki's note types: field and card names (shown in Anki's browser and editor; no ':', '{', '}' or '"')
    "anki-front": "Front",
    "anki-back": "Back",
    "anki-topic": "Topic",
    "anki-text": "Text",
    "anki-card": "Card 1",
    "anki-cloze": "Cloze",
    # self-test worksheets
    "worksheet": "Self-test worksheet",
    "worksheet-title": "Self-test",
    "worksheet-title-categories": "Self-test: {categories}",
    "retest-student": "Re-test for {student}",
    "retest-class": "Re-test: topics the class missed",
    "worksheet-instructions": "Answer the questions, then check yourself against the answers at the end.",
    "answers": "Answers",
    "your-answer": "Your answer",
    # answer sheets
    "sheet": "Answer sheet",
    "sheet-mark": "Mark",
    "sheet-right": "right",
    "sheet-wrong": "not like this",
    "sheet-instructions": (
        "Use a dark pen or pencil and fill the circle of each answer completely, like the first circle here. "
        "Ticks, crosses and half-filled circles may be sent back for the teacher to check. To change an answer, "
        "erase it completely (in ink: cover it with correction tape). Keep marks out of the corner squares and the "
        "code. Written answers go in their boxes; the teacher fills the '{points}' circles after marking them."
    ),
    "sheet-student-number": "Student number: write it in the boxes, then fill one circle in each column",
    "sheet-points": "pts",
    "true-letter": "T",
    "false-letter": "F",
    # grading report
    "report-title": "Results: {title}",
    "students": ("{n} student", "{n} students"),
    "items": ("{n} item", "{n} items"),
    "report-mean": "mean {mean} %",
    "report-reliability-none": "n/a (items differ between students)",
    "report-histogram": "Scores (% of points): number of students",
    "report-scatter": "Items: difficulty against discrimination",
    "report-difficulty": "difficulty p (share correct)",
    "report-discrimination": "discrimination D",
    "report-flagged": "Flagged items ({n})",
    "report-item": "Item",
    "report-flags": "Flags",
    "flag-negative-discrimination": "negative discrimination",
    "flag-non-functioning": "non-functioning distractors",
    "flag-too-easy": "too easy",
    "flag-too-hard": "too hard",
    # scan review (review.pdf, the problem column of review.csv, the annotated page images)
    "scan-review": "Scan review",
    "scan-pages": ("{n} page scanned, {read} read", "{n} pages scanned, {read} read"),
    "scan-students": ("{n} student in responses.csv", "{n} students in responses.csv"),
    "scan-held": ("{n} student held back", "{n} students held back"),
    "scan-items": ("{n} item to check below", "{n} items to check below"),
    "scan-open": ("{n} without a decision", "{n} without a decision"),
    "scan-instructions": (
        "Write the answer in the decision column of review.csv ('{blank}' for no answer) and run the scan again "
        "with --review."
    ),
    "scan-where": "{file}, page {page}",
    "scan-student": "student {id}",
    "scan-question": "question {n}",
    "scan-student-number": "student number",
    "scan-seen": "seen: {marks}",
    "scan-decision": "decision: {answer}",
    "scan-number-read": "student number: {number}",
    "scan-unreadable": "the page cannot be read ({error})",
    "scan-no-contrast": "no contrast on the page (blank, or not an answer sheet)",
    "scan-faint-corners": "the corner squares are too faint",
    "scan-no-corners": "the four corner squares were not found (is this an answer sheet?)",
    "scan-no-code": "the QR code could not be read",
    "scan-foreign-code": "the QR code is not that of a quizgen answer sheet",
    "scan-other-exam": "a page of another exam (exam {theirs}, not {ours})",
    "scan-unknown-page": "variant {code}, page {page} is not one of this exam's sheets",
    "scan-not-on-roster": "a named copy for '{id}', who is not on this exam's roster",
    "scan-misplaced": "the sheet could not be located precisely (a corner square hidden, or the paper folded?)",
    "scan-stray": "a mark outside the circles",
    "scan-faint": "faint, erased or partial mark at {marks}",
    "scan-no-points": "the teacher has not filled the points circles",
    "scan-several": ("{n} mark: {marks}", "{n} marks: {marks}"),
    "scan-number-unclear": "student number: a column is unclear",
    "scan-number-none": "no student number filled in",
    "scan-number-gap": "student number with an empty column between digits",
    "scan-duplicate": "duplicate of {file}, page {page} (same marks); not used",
    "scan-second-sheet": (
        "a second, different sheet page {sheet} for student {id}, variant {code} (also {file}, page {page}); "
        "remove the wrong scan and run again"
    ),
    "scan-other-variant": "student {id} also has a sheet of variant {codes}; remove the wrong scan",
    "scan-missing": ("sheet page {pages} of {total} is missing", "sheet pages {pages} of {total} are missing"),
    "scan-decided": "decided by the teacher",
}

HEADINGS = {
    "mcq": "heading-mcq",
    "cloze": "heading-cloze",
    "matching": "heading-matching",
    "truefalse": "heading-truefalse",
}
FLAGS = {  # grade.py's flag texts (also the keys of --stats-out files) -> their label
    "negative discrimination": "flag-negative-discrimination",
    "non-functioning distractors": "flag-non-functioning",
    "too easy": "flag-too-easy",
    "too hard": "flag-too-hard",
}
