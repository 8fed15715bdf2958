"""QTI 1.2 for Canvas (the package text2qti makes): imsmanifest.xml plus one assessment, in a zip with fixed
timestamps. Multiple choice, true/false, matching and fill-in-multiple-blanks; valid against the IMS QTI
1.2.1 DTD (so no namespace attribute on questestinterop).

Written for what Canvas's importer does (QTIMigrationTool, then canvas-lms's qti_exporter):
- a matching choice's id is the first run of digits in its ident, and a fill-in answer's id its ident as a
  number: every response_label ident is a distinct number within its item;
- a fill-in answer is the plain text of its label, and a matching choice's text is HTML-unescaped once
  more after that: the first is written as plain text, the second HTML-escaped as plain text;
- blanks are [name] in the question text: a name is chosen that the text does not already hold."""

from __future__ import annotations

import hashlib
import html
import io
import xml.etree.ElementTree as ET
import zipfile

from ..text.mask import BLANK
from . import Exported, ExportItem, question_key


def ident(*parts: str) -> str:
    return "g" + hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:24]


def _mattext(parent: ET.Element, text: str, texttype: str = "text/html") -> None:
    """`text` is bank text: escaped for HTML when the texttype is HTML."""
    material = ET.SubElement(parent, "material")
    value = html.escape(text, quote=False) if texttype == "text/html" else text
    ET.SubElement(material, "mattext", {"texttype": texttype}).text = value


def _meta(item: ET.Element, qtype: str, points: float) -> None:
    qti = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", qtype), ("points_possible", f"{points:g}")):
        field = ET.SubElement(qti, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _choice(presentation, rid, labels, material=None, texttype="text/html", label_text=None):
    """A response_lid; `labels` are (ident, bank text); `label_text` turns bank text into the label's text."""
    lid = ET.SubElement(presentation, "response_lid", {"ident": rid, "rcardinality": "Single"})
    if material is not None:
        _mattext(lid, material)
    render = ET.SubElement(lid, "render_choice")
    for label_id, text in labels:
        label = ET.SubElement(render, "response_label", {"ident": label_id})
        _mattext(label, label_text(text) if label_text else text, texttype)


def _scoring(item: ET.Element, correct: list[tuple[str, str]]) -> None:
    """Full marks split evenly over (response id, correct label) pairs."""
    proc = ET.SubElement(item, "resprocessing")
    ET.SubElement(
        ET.SubElement(proc, "outcomes"),
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    base, extra = divmod(100, len(correct))
    shares = [base + (1 if i < extra else 0) for i in range(len(correct))]  # whole numbers summing to 100
    for (rid, label), share in zip(correct, shares):
        cond = ET.SubElement(proc, "respcondition", {"continue": "Yes" if len(correct) > 1 else "No"})
        ET.SubElement(ET.SubElement(cond, "conditionvar"), "varequal", {"respident": rid}).text = label
        ET.SubElement(
            cond, "setvar", {"action": "Add" if len(correct) > 1 else "Set", "varname": "SCORE"}
        ).text = f"{share:.4g}"


def blank_names(text: str, count: int) -> list[str]:
    """blank1, blank2, … unless the text already holds such a [name]; then a longer prefix."""
    prefix = "blank"
    while any(f"[{prefix}{n}]" in text for n in range(1, count + 1)):
        prefix += "_"
    return [f"{prefix}{n}" for n in range(1, count + 1)]


def _item(section: ET.Element, e: ExportItem) -> None:
    it = e.item
    item = ET.SubElement(section, "item", {"ident": "q" + question_key(it), "title": e.name})
    kind = it["type"]
    qtype = {
        "mcq": "multiple_choice_question",
        "truefalse": "true_false_question",
        "matching": "matching_question",
        "cloze": "fill_in_multiple_blanks_question",
    }[kind]
    _meta(item, qtype, e.points)
    presentation = ET.SubElement(item, "presentation")
    numbers = iter(range(1001, 100000))  # label idents: distinct numbers within the item

    def labelled(texts):
        return [(str(next(numbers)), t) for t in texts]

    if kind == "mcq":
        _mattext(presentation, it["stem"])
        labels = labelled(it["options"])
        _choice(presentation, "response1", labels)
        _scoring(item, [("response1", labels[it["answer"]][0])])
    elif kind == "truefalse":
        _mattext(presentation, it["statement"])
        labels = labelled([e.label("true"), e.label("false")])
        _choice(presentation, "response1", labels)
        _scoring(item, [("response1", labels[0 if it["answer"] else 1][0])])
    elif kind == "matching":
        _mattext(presentation, e.label("export-match-terms"))
        labels = labelled(it["responses"])
        correct = []
        for i, (premise, a) in enumerate(zip(it["premises"], it["answer"])):
            rid = f"response_p{i + 1}"
            _choice(presentation, rid, labels, premise, "text/plain", lambda t: html.escape(t, quote=False))
            correct.append((rid, labels[a][0]))
        _scoring(item, correct)
    elif kind == "cloze":
        text = html.escape(it["text"], quote=False)
        names = blank_names(text, len(it["answer"]))
        for name in names:
            text = text.replace(BLANK, f"[{name}]", 1)
        ET.SubElement(ET.SubElement(presentation, "material"), "mattext", {"texttype": "text/html"}).text = text
        correct = []
        for name, accepted in zip(names, it["answer"]):
            rid = f"response_{name}"
            labels = labelled(accepted)
            _choice(presentation, rid, labels, name, "text/plain")
            correct.append((rid, labels[0][0]))
        _scoring(item, correct)


def assessment_xml(items: list[ExportItem], title: str) -> bytes:
    root = ET.Element("questestinterop")
    assessment = ET.SubElement(root, "assessment", {"ident": ident("assessment", title), "title": title})
    qti = ET.SubElement(ET.SubElement(assessment, "qtimetadata"), "qtimetadatafield")
    ET.SubElement(qti, "fieldlabel").text = "cc_maxattempts"
    ET.SubElement(qti, "fieldentry").text = "1"
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for e in items:
        _item(section, e)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def manifest_xml(assessment_id: str, href: str) -> bytes:
    ns = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    root = ET.Element("manifest", {"identifier": ident("manifest", assessment_id), "xmlns": ns})
    meta = ET.SubElement(root, "metadata")
    ET.SubElement(meta, "schema").text = "IMS Content"
    ET.SubElement(meta, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    res = ET.SubElement(resources, "resource", {"identifier": assessment_id, "type": "imsqti_xmlv1p2"})
    ET.SubElement(res, "file", {"href": href})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def qti_zip(items: list[ExportItem], title: str) -> Exported:
    aid = ident("assessment", title)
    href = f"{aid}/{aid}.xml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("imsmanifest.xml", manifest_xml(aid, href)), (href, assessment_xml(items, title))):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: same input, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return Exported(buf.getvalue(), len(items))
