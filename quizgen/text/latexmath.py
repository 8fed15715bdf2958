"""The inline math quizgen accepts: a whitelist of LaTeX math commands, checked, and turned into
typeset text (Unicode symbols, italic variables, sub- and superscripts) for the reportlab engine.

The same whitelist guards the LaTeX engine: math that passes `math_command_problems` is copied into
the .tex file verbatim, so nothing outside it (\\input, \\write, \\catcode, \\def, ^^ escapes, …) can reach TeX.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

GREEK = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ϵ",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "vartheta": "ϑ",
    "iota": "ι",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "varpi": "ϖ",
    "rho": "ρ",
    "varrho": "ϱ",
    "sigma": "σ",
    "varsigma": "ς",
    "tau": "τ",
    "upsilon": "υ",
    "phi": "ϕ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Upsilon": "Υ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
}
SYMBOLS = {
    **GREEK,
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "oint": "∮",
    "nabla": "∇",
    "partial": "∂",
    "infty": "∞",
    "in": "∈",
    "notin": "∉",
    "ni": "∋",
    "subset": "⊂",
    "subseteq": "⊆",
    "supset": "⊃",
    "cup": "∪",
    "cap": "∩",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "ll": "≪",
    "gg": "≫",
    "ne": "≠",
    "neq": "≠",
    "approx": "≈",
    "sim": "∼",
    "simeq": "≃",
    "cong": "≅",
    "equiv": "≡",
    "propto": "∝",
    "mid": "∣",
    "parallel": "∥",
    "cdot": "·",
    "times": "×",
    "div": "÷",
    "pm": "±",
    "mp": "∓",
    "ast": "∗",
    "star": "⋆",
    "circ": "∘",
    "odot": "⊙",
    "otimes": "⊗",
    "oplus": "⊕",
    "top": "⊤",
    "bot": "⊥",
    "perp": "⊥",
    "dagger": "†",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "Rightarrow": "⇒",
    "Leftarrow": "⇐",
    "mapsto": "↦",
    "leftrightarrow": "↔",
    "iff": "⇔",
    "implies": "⇒",
    "forall": "∀",
    "exists": "∃",
    "neg": "¬",
    "land": "∧",
    "lor": "∨",
    "wedge": "∧",
    "vee": "∨",
    "emptyset": "∅",
    "ell": "ℓ",
    "hbar": "ℏ",
    "langle": "⟨",
    "rangle": "⟩",
    "lvert": "|",
    "rvert": "|",
    "lVert": "‖",
    "rVert": "‖",
    "dots": "…",
    "ldots": "…",
    "cdots": "⋯",
    "vdots": "⋮",
    "prime": "′",
    "Re": "ℜ",
    "Im": "ℑ",
    "|": "‖",
    "{": "{",
    "}": "}",
    "_": "_",
    "%": "%",
    "&": "&",
    "#": "#",
    "$": "$",
}
SPACES = {",": "\u2009", ";": "\u2005", ":": "\u2005", "!": "", " ": " ", "quad": "\u2003", "qquad": "\u2003\u2003"}
RELATIONS = {
    "in",
    "notin",
    "le",
    "leq",
    "ge",
    "geq",
    "ll",
    "gg",
    "ne",
    "neq",
    "approx",
    "sim",
    "simeq",
    "cong",
    "equiv",
    "propto",
    "to",
    "rightarrow",
    "leftarrow",
    "Rightarrow",
    "mapsto",
    "implies",
    "iff",
    "subset",
    "subseteq",
    "mid",
}
FUNCTIONS = {
    "log",
    "ln",
    "exp",
    "min",
    "max",
    "sup",
    "inf",
    "det",
    "sin",
    "cos",
    "tan",
    "lim",
    "arg",
    "Pr",
    "tr",
    "dim",
    "ker",
    "sgn",
    "argmax",
    "argmin",
    "liminf",
    "limsup",
    "deg",
    "gcd",
    "mod",
}
SIZING = {
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "left",
    "right",
    "displaystyle",
    "textstyle",
    "limits",
    "nolimits",
}
FONTS = {
    "mathcal",
    "mathbb",
    "mathbf",
    "mathrm",
    "mathfrak",
    "mathit",
    "mathsf",
    "boldsymbol",
    "bm",
    "text",
    "textrm",
    "textit",
    "textbf",
    "operatorname",
    "mathscr",
}
ACCENTS = {
    "hat": "\u0302",
    "widehat": "\u0302",
    "tilde": "\u0303",
    "widetilde": "\u0303",
    "bar": "\u0304",
    "overline": "\u0305",
    "vec": "\u20d7",
    "dot": "\u0307",
    "ddot": "\u0308",
}
FRACTIONS = {"frac", "tfrac", "dfrac"}
ALLOWED = set(SYMBOLS) | set(SPACES) | FUNCTIONS | SIZING | FONTS | set(ACCENTS) | FRACTIONS | {"sqrt"}

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([{}^_])|(\s+)|([A-Za-z])|([0-9.]+)|(.)", re.S)


def math_command_problems(math: str) -> list[str]:
    """Why this math (the inside of \\( … \\)) may not be used; empty when it is in the whitelist."""
    problems = []
    if "^^" in math:
        problems.append("'^^' character escapes are not allowed in math")
    for m in re.finditer(r"\\([A-Za-z]+|.)", math):
        if m.group(1) not in ALLOWED:
            problems.append(f"math command '\\{m.group(1)}' is not allowed; see the README for the supported ones")
    stripped = re.sub(r"\\.", "", math)
    for ch, why in (
        ("%", "write \\%"),
        ("#", "write \\#"),
        ("$", "math is already inside \\( \\)"),
        ("&", "alignment '&' cannot be used inline; write \\&"),
    ):
        if ch in stripped:
            problems.append(f"'{ch}' in math: {why}")
    return problems


# ---- rendering to reportlab paragraph markup ----

_DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "P": "ℙ", "H": "ℍ"}
_SCRIPT = {"H": "ℋ", "F": "ℱ", "L": "ℒ", "B": "ℬ", "E": "ℰ", "I": "ℐ", "M": "ℳ", "R": "ℛ"}
_FRAKTUR = {"R": "ℜ", "I": "ℑ", "H": "ℌ", "C": "ℭ", "Z": "ℨ"}


def _styled_letter(font: str, ch: str) -> str | None:
    """A letter in a math alphabet as one Unicode character, when there is one."""
    if font == "mathbb":
        if ch in _DOUBLE_STRUCK:
            return _DOUBLE_STRUCK[ch]
        if ch.isupper():
            return chr(0x1D538 + ord(ch) - ord("A"))
    if font in ("mathcal", "mathscr"):
        if ch in _SCRIPT:
            return _SCRIPT[ch]
        if ch.isupper():
            return chr(0x1D49C + ord(ch) - ord("A"))
    if font == "mathfrak" and ch in _FRAKTUR:
        return _FRAKTUR[ch]
    return None


class _Parser:
    """A small recursive reader over the whitelisted commands, producing paragraph markup."""

    def __init__(self, math: str):
        self.tokens = [m for m in _TOKEN.finditer(math)]
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def group(self, font: str | None = None) -> str:
        """One argument: a {…} group or a single token."""
        tok = self.peek()
        if tok is None:
            return ""
        if tok.group(2) == "{":
            self.next()
            return self.sequence(font, until="}")
        return self.atom(font)

    def sequence(self, font: str | None = None, until: str | None = None) -> str:
        out = []
        while (tok := self.peek()) is not None:
            if until and tok.group(2) == until:
                self.next()
                break
            out.append(self.atom(font))
        return "".join(out)

    def atom(self, font: str | None) -> str:
        tok = self.next()
        cmd, special, space, letter, number, other = tok.groups()
        if space is not None:
            return " " if font in ("text", "textrm", "textit", "textbf", "operatorname") else ""
        if letter is not None:
            styled = _styled_letter(font, letter) if font else None
            if styled:
                return styled
            if font in ("mathbf", "boldsymbol", "bm", "textbf"):
                return f"<b>{letter}</b>"
            if font in (None, "mathit", "textit"):
                return f"<i>{letter}</i>"
            return letter
        if number is not None:
            return number
        if other is not None:
            if other in "=<>":
                return f" {escape(other)} "
            if other in "+-":
                return "\u2009" + {"-": "−"}.get(other, other) + "\u2009"
            return escape({"*": "∗", "'": "′"}.get(other, other))
        if cmd is not None:
            return self.command(cmd, font)
        if special == "{":
            return self.sequence(font, until="}")
        if special == "}":
            return ""
        if special in "^_":
            tag = "super" if special == "^" else "sub"
            return f"<{tag}>{self.group(font)}</{tag}>"
        return ""

    def command(self, cmd: str, font: str | None) -> str:
        if cmd in SPACES:
            return SPACES[cmd]
        if cmd in RELATIONS:
            return f" {SYMBOLS[cmd]} "
        if cmd in SYMBOLS:
            sym = SYMBOLS[cmd]
            return f"<i>{sym}</i>" if cmd in GREEK and cmd[0].islower() and font is None else escape(sym)
        if cmd in FUNCTIONS:
            return cmd + "\u2009"
        if cmd in SIZING:
            return ""
        if cmd in FONTS:
            return self.group(cmd)
        if cmd in ACCENTS:
            inner = self.group(font)
            return inner + ACCENTS[cmd] if len(re.sub(r"<[^>]+>", "", inner)) == 1 else inner
        if cmd in FRACTIONS:
            num, den = self.group(font), self.group(font)
            return f"{_paren(num)}/{_paren(den)}"
        if cmd == "sqrt":
            return f"√{_paren(self.group(font))}"
        return escape(cmd)  # unreachable for validated math


def _paren(markup: str) -> str:
    plain = re.sub(r"<[^>]+>", "", markup)
    return markup if len(plain) <= 1 or re.fullmatch(r"[\w.′]+", plain) else f"({markup})"


def math_markup(math: str) -> str:
    """Reportlab paragraph markup for validated math (the inside of \\( … \\))."""
    return _Parser(math).sequence().strip()
