#!/usr/bin/env python3
"""Generate nutgraf's Spanish loaded-word table: crates/analyze/src/es/lexicon_loaded.rs.

Source and method (see README.md beside this file):
  * The valences are VADER's (vaderSentiment 3.3.2, MIT, LICENSE-VADER), as already selected for
    news use in crates/analyze/src/lexicon_loaded.rs by gen_lexicons.py: this script reads that
    generated file, so the Spanish table inherits every exclusion the English one makes.
  * The Spanish words are a hand-written translation table below (SOURCE_WORDS), written for
    nutgraf and released with it: each Spanish lemma names the English word whose valence it
    takes. Adjectives are expanded to their gender and number forms (vergonzoso -> vergonzosa,
    vergonzosos, vergonzosas; terrible -> terribles; atroz -> atroces).
  * Spanish intensifiers map to entries of the English INTENSIFIERS list the same way.

Deterministic: same inputs, byte-identical output. The script fails when a table names an
English word the English lexicon lacks (typo, or a word excluded there for news use).

Usage: python3 crates/analyze/lexicon/gen_lexicons_es.py [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
EN_LOADED = SRC / "lexicon_loaded.rs"
OUT = SRC / "es" / "lexicon_loaded.rs"

# Spanish lemma -> English source word. Kind: "a" adjective (inflect), "n" noun (add plural),
# "=" the form alone. Words whose news sense is factual in Spanish are left out on purpose
# ("siniestro" is also an accident, "trágico" a plain description of deaths, "vago" vague).
SOURCE_WORDS = """
a abominable abhorrent
a admirable admirable
a arrogante arrogant
a asombroso amazing
a asqueroso disgusting
a atroz horrific
a bochornoso shameful
a brillante brilliant
a brutal brutal
a catastrófico catastrophic
a caótico chaotic
= caos chaos
n cobarde coward
a cruel cruel
a desastroso disastrous
a desgarrador heartbreaking
a devastador devastating
a egoísta selfish
a encantado delighted
a espantoso awful
a espléndido magnificent
a estupendo terrific
a estúpido stupid
a eufórico ecstatic
a excelente excellent
a fabuloso fabulous
a fantástico fantastic
n fiasco fiasco
a furioso furious
a glorioso glorious
a grandioso magnificent
a heroico heroic
n héroe hero
a hipócrita hypocritical
a horrendo horrendous
a horrible horrible
a horroroso horrible
a humillante shameful
a idiota idiotic
n imbécil moron
a impresionante impressive
a incompetente incompetent
a indignante outrageous
a insultante insulting
a inaceptable unacceptable
a irresponsable irresponsible
a lamentable pitiful
a magnífico magnificent
a malvado evil
a maravilloso wonderful
a mentiroso liar
a miserable miserable
a nefasto disastrous
a notable remarkable
a patético pathetic
a penoso pitiful
a perverso wicked
a pésimo lousy
a precioso gorgeous
a repugnante disgusting
a ridículo idiotic
a sublime glorious
n traición betrayal
a terrible terrible
a tonto dumb
a valiente brave
a vergonzoso shameful
n vergüenza shame
a vil vile
a escandaloso outrageous
a chapucero lousy
n chapuza fiasco
a nauseabundo sickening
a espectacular amazing
a extraordinario remarkable
a genial brilliant
a sensacional fantastic
a visionario visionary
a intolerable unacceptable
a infame shameful
a deplorable shameful
a despreciable vile
a ruin vile
a mezquino selfish
a corrupto evil
n indignación outrage
a inepto incompetent
a inútil worthless
n irresponsabilidad irresponsible
"""

# Spanish intensifier -> English intensifier.
INTENSIFIERS = """
absolutamente absolutely
completamente completely
enormemente enormously
extraordinariamente exceptionally
extremadamente extremely
increíble incredible
increíblemente incredibly
profundamente deeply
rotundamente utterly
sumamente extremely
terriblemente awfully
totalmente totally
tremendamente tremendously
"""


def inflect(kind: str, w: str) -> list[str]:
    if kind == "=":
        return [w]
    if kind == "n":
        if w.endswith(("a", "e", "o", "é")) and not w.endswith("ón"):
            return [w, w + "s"]
        if w.endswith("ón"):
            return [w, w[:-2] + "ones"]
        if w.endswith("z"):
            return [w, w[:-1] + "ces"]
        return [w, w + "es"]
    if w.endswith("o"):
        return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
    if w.endswith("or"):
        return [w, w + "a", w + "es", w + "as"]
    if w.endswith(("e", "a")):
        return [w, w + "s"]
    if w.endswith("z"):
        return [w, w[:-1] + "ces"]
    if w.endswith("l") or w.endswith("n"):
        return [w, w + "es"]
    return [w, w + "s"]


def read_english() -> tuple[dict[str, float], set[str]]:
    s = EN_LOADED.read_text(encoding="utf-8")
    words = {w: float(v) for w, v in re.findall(r'\("([a-z]+)", (-?[0-9.]+)\)', s)}
    m = re.search(r"INTENSIFIERS: &\[&str\] = &\[(.*?)\];", s, re.S)
    ints = set(re.findall(r'"([a-z]+)"', m.group(1))) if m else set()
    return words, ints


def build() -> str:
    en, en_ints = read_english()
    loaded: dict[str, float] = {}
    bad = []
    for line in SOURCE_WORDS.strip().splitlines():
        kind, es, src = line.split()
        if src not in en:
            bad.append(src)
            continue
        for form in inflect(kind, es):
            loaded.setdefault(form, en[src])
    ints = []
    for line in INTENSIFIERS.strip().splitlines():
        es, src = line.split()
        if src not in en_ints:
            bad.append(src)
        ints.append(es)
    if bad:
        raise SystemExit(f"English source words missing from lexicon_loaded.rs: {sorted(set(bad))}")
    items = sorted(loaded.items(), key=lambda kv: kv[0].encode())
    ints = sorted(set(ints), key=str.encode)
    neg = sum(1 for _, v in items if v < 0)
    out = [
        "// @generated by crates/analyze/lexicon/gen_lexicons_es.py. Do not edit by hand: change the",
        "// generator and re-run it (see crates/analyze/lexicon/README.md).",
        "",
        "// Valences: VADER (vaderSentiment 3.3.2, (c) 2016 C.J. Hutto, MIT licence,",
        "// crates/analyze/lexicon/LICENSE-VADER), as selected for news in ../lexicon_loaded.rs.",
        "// Spanish words: nutgraf's hand-written translation table in the generator, each word",
        "// taking the valence of its English source word, expanded to gender and number forms.",
        f"// {len(items)} forms ({neg} negative, {len(items) - neg} positive); {len(ints)} intensifiers.",
        "",
        "/// Strongly valenced Spanish words that mark evaluative language in news, with the VADER",
        "/// mean valence of their English source word. Lowercase, sorted by word (byte order), unique.",
        "pub(crate) static LOADED_WORDS: &[(&str, f32)] = &[",
    ]
    line = "   "
    for w, v in items:
        cell = f' ("{w}", {v}),'
        if len(line) + len(cell) > 100:
            out.append(line)
            line = "   "
        line += cell
    out.append(line)
    out.append("];")
    out.append("")
    out.append("/// Spanish intensifying adverbs, lowercase, sorted.")
    out.append("pub(crate) static INTENSIFIERS: &[&str] = &[")
    line = "   "
    for w in ints:
        cell = f' "{w}",'
        if len(line) + len(cell) > 100:
            out.append(line)
            line = "   "
        line += cell
    out.append(line)
    out.append("];")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = build()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
