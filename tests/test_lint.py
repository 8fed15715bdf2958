"""`quizgen lint`: compiler-style diagnostics, JSON for tools, exit status by errors."""

from __future__ import annotations

import json

from quizgen import lint_bank
from quizgen.cli import cli

LINTY = {
    "a.yaml": """
        category: Kernels
        topics:
          - name: Kernel Trick
            definition: >-
              The kernel trick computes inner products in a feature space implicitly, so a linear method
              becomes nonlinear without building the features; see Mercer Kernel for when it is valid.
          - name: Mercer Kernel
            definition: >-
              The kernel trick computes inner products in a feature space implicitly so that a linear method
              becomes nonlinear without ever building the features explicitly.
          - name: Tiny
            definition: Too short.
          - name: Greek Slip
            definition: The bound holds with probability \\( 1 - delta \\) over samples drawn from the data.
          - name: Loose Command
            definition: We write \\alpha for the step size of the update in every iteration of the method here.
          - name: Slip
            definition: the value that is the median of the of the lower half of the ordered data set of values
        """,
}


def test_warnings_cover_names_near_duplicates_length_and_math(make_bank):
    path = make_bank(LINTY)
    diags = lint_bank(path)
    text = "\n".join(str(d) for d in diags)
    assert all(d.severity == "warning" for d in diags)
    assert "a.yaml:3:5: warning: definition of 'Kernel Trick' names topic 'Mercer Kernel'" in text
    assert "if its definition also fits, add it to 'overlaps'" in text
    assert "definitions of 'Kernel Trick' and 'Mercer Kernel' are very similar" in text
    assert "definition of 'Tiny' is very short (2 words)" in text
    assert "has 'delta' without a backslash; did you mean '\\delta'?" in text
    assert "'\\alpha' in 'Loose Command' is outside math" in text
    assert "definition of 'Slip' has 'of the of the': a slip?" in text


def test_overlaps_silence_the_similarity_warnings(make_bank):
    files = {
        "a.yaml": LINTY["a.yaml"].replace(
            "          - name: Mercer Kernel\n",
            "          - name: Mercer Kernel\n            overlaps: [Kernel Trick]\n",
        )
    }
    text = "\n".join(str(d) for d in lint_bank(make_bank(files)))
    assert "very similar" not in text and "names topic 'Mercer Kernel'" not in text


def test_cli_lint_clean_bank_exits_zero(runner, small_bank):
    result = runner.invoke(cli, ["lint", str(small_bank)])
    assert result.exit_code == 0
    assert "0 error(s)" in result.output


def test_cli_lint_errors_exit_one_in_compiler_style(runner, make_bank):
    path = make_bank({"x.yaml": "category: X\ntopics:\n  - name: A\n  - name: B\n    definition: b\n"})
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1
    assert f"{path}/x.yaml:3:5: error: topic 'A' has no definition; add 'definition: ...'" in result.output
    assert "Traceback" not in result.output


def test_cli_lint_json(runner, make_bank):
    path = make_bank(LINTY)
    result = runner.invoke(cli, ["lint", str(path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output.split("\n0 error(s)")[0])
    assert {"file", "line", "column", "severity", "message"} <= set(data[0])
    assert any(d["message"].startswith("definition of 'Tiny' is very short") for d in data)


def test_a_name_the_definition_gives_but_the_aliases_lack_is_reported_and_left_out_of_questions(tmp_path):
    """'(also, thrombocytes) one of the formed elements …': OpenStax notes another name inside the definition;
    shown in a definition-to-term stem it names the answer (reading 71). Questions leave it out; lint says to
    declare it so answers in that spelling count. '(or both)' says more than a name and stays."""
    from quizgen import load_bank
    from quizgen.text.describe import without_alias_notes

    (tmp_path / "b.yaml").write_text(
        "category: Blood\ntopics:\n"
        "  - name: Platelets\n    definition: (also, thrombocytes) one of the formed elements of blood made of cell"
        " fragments (also, )\n"
        "  - name: Erythrocytes\n    aliases: [red blood cells]\n    definition: (also, red blood cells) formed elements"
        " that carry oxygen to the tissues (or both ways)\n",
        encoding="utf-8",
    )
    bank = load_bank(tmp_path)
    assert without_alias_notes(bank.topic("Platelets")) == "one of the formed elements of blood made of cell fragments"
    # an empty '(also, )' is left out of questions and gives no name to declare; a plural is a name too
    ala = "category: Nose\ntopics:\n  - name: Ala\n    definition: (plural = alae) small, flaring structure of a nostril\n"
    ala += "  - name: Nares\n    definition: the openings of the nose through which air enters the nasal cavity\n"
    (tmp_path / "nose").mkdir()
    (tmp_path / "nose" / "n.yaml").write_text(ala, encoding="utf-8")
    assert without_alias_notes(load_bank(tmp_path / "nose").topic("Ala")) == "small, flaring structure of a nostril"
    assert without_alias_notes(bank.topic("Erythrocytes")).endswith("(or both ways)")
    warnings = [d.message for d in lint_bank(tmp_path) if "another name" in d.message]
    assert len(warnings) == 1 and "'(also, thrombocytes)'" in warnings[0] and "Platelets" in warnings[0]
