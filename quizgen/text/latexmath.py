"""The inline math quizgen accepts: a whitelist of LaTeX math commands, checked, and turned into
typeset text (Unicode symbols, italic variables, sub- and superscripts) for the reportlab engine.

The same whitelist guards the LaTeX engine: math that passes `math_command_problems` is copied into
the .tex file verbatim, so nothing outside it (\\input, \\write, \\catcode, \\def, ^^ escapes, …) can reach TeX.
"""

from __future__ import annotations

import re
from html import escape as _escape_html


def escape(text: str) -> str:
    """&, < and > as XML entities (xml.sax.saxutils.escape, whose import pulls in urllib, http and email)."""
    return _escape_html(text, quote=False)


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
# standard LaTeX lacks these; the LaTeX engine writes them as their usual definitions
LATEX_EQUIVALENT = {
    "argmax": r"\operatorname*{arg\,max}",
    "argmin": r"\operatorname*{arg\,min}",
    "sgn": r"\operatorname{sgn}",
    "tr": r"\operatorname{tr}",
    "bm": r"\boldsymbol",
    "mathscr": r"\mathcal",
}
TEXT_FONTS = {"text", "textrm", "textit", "textbf", "operatorname"}
# what may stand inside \text{…} (TeX is in text mode there): spacing and escaped specials
TEXT_COMMANDS = {",", " ", "quad", "qquad", "{", "}", "_", "%", "&", "#", "$"}
DELIMITERS = {"(", ")", "[", "]", "|", "/", ".", "<", ">"}
DELIMITER_COMMANDS = {"{", "}", "|", "langle", "rangle", "lvert", "rvert", "lVert", "rVert"}
OPERATORS = {"sum", "prod", "int", "oint"} | (FUNCTIONS - {"mod"})  # what \limits may follow
# commands TeX accepts as an unbraced argument (x_\text{old}); others need braces (x^{\sqrt{2}})
BARE_ARGUMENT_FONTS = {"text", "textrm", "textit", "textbf", "mathrm", "mathbb", "mathcal", "mathbf", "mathit"}
BARE_ARGUMENT_FONTS |= {"mathsf", "mathfrak", "mathscr"}
# symbols that are macros (\sum, \dots, \iff, …) break as an unbraced argument too
BARE_ARGUMENT_SYMBOLS = set(SYMBOLS) - {"cdots", "cong", "dots", "iff", "implies", "int", "ldots", "notin", "oint"}
BARE_ARGUMENT_SYMBOLS -= {"prod", "sum", "vdots"}
MAX_DEPTH = 20  # nesting of groups and arguments; deeper math is refused, not recursed into

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([{}^_])|(\s+)|([A-Za-z])|([0-9.])|(.)", re.S)


def math_command_problems(math: str) -> list[str]:
    """Why this math (the inside of \\( … \\)) may not be used; empty when it is in the whitelist
    and well formed (every command has its arguments, \\left pairs with \\right, no double scripts)."""
    problems = []
    if "^^" in math:
        problems.append("'^^' character escapes are not allowed in math")
    for m in re.finditer(r"\\([A-Za-z]+|.)", math, re.S):
        if m.group(1) not in ALLOWED:
            problems.append(f"math command '\\{m.group(1)}' is not allowed; see the README for the supported ones")
    stripped = re.sub(r"\\.", "", math, flags=re.S)
    for ch, why in (
        ("%", "write \\%"),
        ("#", "write \\#"),
        ("$", "math is already inside \\( \\)"),
        ("&", "alignment '&' cannot be used inline; write \\&"),
    ):
        if ch in stripped:
            problems.append(f"'{ch}' in math: {why}")
    if not problems:
        parser = _Parser(math)
        try:
            parser.sequence()
        except _TooDeep:
            parser.problems.append(f"math nested more than {MAX_DEPTH} levels deep; simplify it")
        problems += parser.problems[:1]
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


class _TooDeep(Exception):
    pass


class _Parser:
    """A small recursive reader over the whitelisted commands, producing paragraph markup; it records
    in `problems` what TeX would stop at, and refuses nesting deeper than MAX_DEPTH."""

    def __init__(self, math: str):
        self.tokens = [m for m in _TOKEN.finditer(math)]
        self.i = 0
        self.depth = 0
        self.problems: list[str] = []

    def peek(self, skip_space: bool = False):
        i = self.i
        while skip_space and i < len(self.tokens) and self.tokens[i].group(3) is not None:
            i += 1
        self.i = i
        return self.tokens[i] if i < len(self.tokens) else None

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def group(self, font: str | None = None, what: str = "") -> str:
        """One argument of `what`: a {…} group or a single token."""
        tok = self.peek(skip_space=True)
        if tok is None or tok.group(2) in ("}", "^", "_"):
            self.problems.append(f"'{what}' needs an argument; write {what}{{…}}")
            return ""
        if tok.group(2) == "{":
            self.next()
            return self.sequence(font, until="}")
        cmd = tok.group(1)
        if tok.group(6) == "'":
            self.problems.append(f"put the argument of '{what}' in braces: {what}{{'}}")
        if cmd is not None and cmd not in BARE_ARGUMENT_SYMBOLS and not (what in "^_" and cmd in BARE_ARGUMENT_FONTS):
            self.problems.append(f"put the argument of '{what}' in braces: {what}{{\\{cmd} …}}")
        self.text_mode_check(tok, font)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        out = self.atom(font)
        self.depth -= 1
        return out

    def sequence(self, font: str | None = None, until: str | None = None) -> str:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        out, scripts, lefts, last = [], "", 0, None
        while (tok := self.peek()) is not None:
            special, cmd = tok.group(2), tok.group(1)
            if until and special == until:
                self.next()
                break
            if special in ("^", "_") or tok.group(6) == "'":
                # primes are a superscript; only a run of primes right before it may join one
                mark = special or "'"
                superscript = "^" in scripts or ("'" in scripts and not scripts.endswith("'"))
                if (mark == "_" and "_" in scripts) or (mark != "_" and superscript):
                    self.problems.append(f"double {'subscript' if mark == '_' else 'superscript'}; use braces")
                scripts += mark
            elif cmd in ("limits", "nolimits"):
                if last not in OPERATORS:
                    self.problems.append(f"'\\{cmd}' must follow an operator such as \\sum")
            elif tok.group(3) is None:
                scripts = ""
            elif scripts.endswith("'"):
                scripts += " "
            if cmd == "left":
                lefts += 1
            elif cmd == "right":
                lefts -= 1
                if lefts < 0:
                    self.problems.append("'\\right' without a '\\left' before it in the same group")
                    lefts = 0
            self.text_mode_check(tok, font)
            if tok.group(3) is None:
                last = cmd
            out.append(self.atom(font))
        else:
            if until:
                self.problems.append("a '{' is never closed")
        if lefts:
            self.problems.append("'\\left' without a matching '\\right' in the same group")
        self.depth -= 1
        return "".join(out)

    def text_mode_check(self, tok, font: str | None) -> None:
        """Inside \\text{…} TeX is in text mode, where scripts and math commands are errors."""
        if font not in TEXT_FONTS:
            return
        cmd, special = tok.group(1), tok.group(2)
        if special in ("^", "_"):
            self.problems.append(f"'{special}' cannot be used inside \\{font}{{…}}")
        elif cmd is not None and cmd not in TEXT_COMMANDS and cmd not in TEXT_FONTS:
            self.problems.append(f"'\\{cmd}' cannot be used inside \\{font}{{…}}; end the text first")

    def delimiter(self, cmd: str) -> None:
        tok = self.peek(skip_space=True)
        ok = tok is not None and (tok.group(6) in DELIMITERS or tok.group(1) in DELIMITER_COMMANDS)
        ok = ok or (tok is not None and tok.group(0) in ("[", "]", "(", ")", "|", "/", ".", "<", ">"))
        if not ok:
            self.problems.append(f"'\\{cmd}' must be followed by a delimiter such as ( [ | or \\{{")
        elif tok is not None:
            self.next()

    def atom(self, font: str | None) -> str:
        tok = self.next()
        cmd, special, space, letter, number, other = tok.groups()
        if space is not None:
            return " " if font in TEXT_FONTS else ""
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
        tag = "super" if special == "^" else "sub"
        return f"<{tag}>{self.group(font, special)}</{tag}>"

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
            if cmd not in ("displaystyle", "textstyle", "limits", "nolimits"):
                self.delimiter(cmd)
            return ""
        if cmd in FONTS:
            return self.group(cmd, "\\" + cmd)
        if cmd in ACCENTS:
            inner = self.group(font, "\\" + cmd)
            return inner + ACCENTS[cmd] if len(re.sub(r"<[^>]+>", "", inner)) == 1 else inner
        if cmd in FRACTIONS:
            num, den = self.group(font, "\\" + cmd), self.group(font, "\\" + cmd)
            return f"{_paren(num)}/{_paren(den)}"
        if cmd == "sqrt":
            index = self.sqrt_index(font)
            return index + "√" + _paren(self.group(font, "\\sqrt"))
        return escape(cmd)  # unreachable for validated math

    def sqrt_index(self, font: str | None) -> str:
        """The optional [n] of \\sqrt[n]{x}, as a superscript."""
        tok = self.peek(skip_space=True)
        if tok is None or tok.group(0) != "[":
            return ""
        self.next()
        out = []
        while (tok := self.peek()) is not None and tok.group(0) != "]":
            if tok.group(2) == "}":
                break
            out.append(self.atom(font))
        if tok is None or tok.group(0) != "]":
            self.problems.append("'\\sqrt[' is never closed with ']'")
        else:
            self.next()
        return f"<super>{''.join(out)}</super>"


def _paren(markup: str) -> str:
    plain = re.sub(r"<[^>]+>", "", markup)
    return markup if len(plain) <= 1 or re.fullmatch(r"[\w.′]+", plain) else f"({markup})"


def math_markup(math: str) -> str:
    """Reportlab paragraph markup for validated math (the inside of \\( … \\))."""
    return _Parser(math).sequence().strip()
