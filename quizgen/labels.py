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
