#!/usr/bin/env python3
"""Generate nutgraf's loaded-word and stop-word tables for the analyze crate.

Writes, deterministically (same inputs, byte-identical output):
  crates/analyze/src/lexicon_loaded.rs     LOADED_WORDS (word, VADER valence) + INTENSIFIERS
  crates/text/src/stopwords.rs             STOP_WORDS (Snowball English list)

Sources (see README.md beside this file for licences and rationale):
  * vaderSentiment 3.3.2 (MIT): vader_lexicon.txt and BOOSTER_DICT in vaderSentiment.py.
  * The Snowball English stop word list (BSD-3-Clause), as shipped verbatim in the Sphinx
    9.0.4 wheel (sphinx/search/_stopwords/en.txt; Sphinx records the snowball-website commit).
  * snowballstemmer 3.1.1 (BSD-3-Clause): the English (Porter2) stemmer, used only to keep the
    loaded-word table consistent with the excluded words under stemming (see STEM GUARD).

The packages are installed with pinned versions and hashes, without dependencies, into a venv
under /tmp (override with NUTGRAF_LEXICON_VENV); nothing is imported from them except the pure
Python stemmer: the data files are read as files.

Usage: python3 crates/analyze/lexicon/gen_lexicons.py [--check]
  --check  regenerate in memory and exit 1 if the checked-in files differ.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
OUT_LOADED = SRC / "lexicon_loaded.rs"
OUT_STOP = SRC.parent.parent / "text" / "src" / "stopwords.rs"  # the tokenizer lives in nutgraf-text
VENV = Path(os.environ.get("NUTGRAF_LEXICON_VENV", "/tmp/nutgraf-lexicon-venv"))

# Pinned wheels: name, version, sha256 of the wheel on PyPI.
PINS = [
    ("vaderSentiment", "3.3.2", "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"),
    ("sphinx", "9.0.4", "5bebc595a5e943ea248b99c13814c1c5e10b3ece718976824ffa7959ff95fffb"),
    ("snowballstemmer", "3.1.1", "7e207fa178741da09cdee59d3ecec3827ad5f92b1fc5c9ff3755b639f71f5752"),
]

# Keep single lowercase alphabetic VADER entries with |mean valence| >= THRESHOLD. VADER rates
# words from -4 to +4; 1.9 keeps the clearly valenced words ("brilliant" 2.8, "shameful" -2.2,
# "outrageous" -2.0, "spineless"-like insults) and leaves out mild ones ("concerned" -1.3,
# "hopeful" 1.6 would sit below it anyway).
THRESHOLD = 1.9

# ---------------------------------------------------------------------------------------------
# EXCLUSIONS. VADER was built for social media; many of its strongly valenced words are, in news
# reporting, the plain names of events, outcomes, legal steps or everyday things. Those words are
# facts in news, not the writer's opinion, and flagging them would mark every crime, war, health,
# sport or business story as "loaded". Each group says why it is out. Words are surface forms.
# ---------------------------------------------------------------------------------------------

# Internet slang, chat abbreviations, interjections, non-English and tokens that are mostly
# abbreviations or names in news (nh = New Hampshire, po = Po, kia = Kia, vip, doa, pita...).
EXCLUDE_SLANG = """
aas aayf afu alol ambw aml amor amoroso amort aok atab bfd bfe bff bl bsod btd bwahahah congrats
cutey cutiepie cwot doa dx effin fab fav fave ffs fkm ftw fu fubar fuked fuking fwb gj gla gratz
hagd hagn haha hahaha hak hallelujah hhoj hooray hugz hurrah hurrahed hurrahing hurrahs hurray
hurrays ilu iluaaf ily iyq kfy kia kmuf l lmao lmfao lmso lol lolz lulz ly lya lyb lyl lylab lylas
mml mofo muah mwah nfc nfw nh nme okays pita po prblms ptl pukka qq rofl roflcopter roflmao rotfl
rotflmao rotflmfao rotflol rotgl sete sfete sgtm slaw snafu swak tgif tia tyvm urw vbg vbs vip
vwd vwp wd woohoo wow wows wtf wtg wth xd xlnt xoxo xoxozzz yay ywia
"""

# Identity slurs. In news these occur as the mentioned subject of a story (someone's use of the
# slur is the news), not as the outlet's own evaluation; 'retarded' also has a dated clinical
# sense, 'fag' is British for cigarette and 'shylock' is a literary name.
EXCLUDE_SLURS = "fag faggot faggots nigger retard retarded shylock tard"

# Homographs whose common news sense is neutral: names, institutions, idioms and technical terms
# (Hearts FC, Grand jury, Super Bowl, Supreme/Superior Court, crude oil, gross domestic product,
# 'kind of', 'interest rates', 'in earnest', 'in spite of', 'tested positive', 'military offensive',
# 'outstanding debt', 'precious metals', 'intelligence agencies', 'the Troubles', 'in honour
# of', 'the Honourable member', 'honours degree'...).
EXCLUDE_HOMOGRAPHS = """
block champ champion champions championship championships complimentary crude dick dignitary
divinity earnest energizer excellencies excellency grand gross hand heart hearts heroin heroinism honor
honorable honorableness honorability honorarily honored honoree honorees honorifically honoring
honors honour honourable honoured honouring honours hopeful intellectual intelligence interest jeopardy jewels kind negative offending offensive
outstanding positive positives precious pretty spite stresses stressors super superior supreme
supremo sweets tops troubles valuables vulture woo
"""

# Violence, crime, law and punishment: the names of what happened and of the legal steps taken.
EXCLUDE_CRIME_LAW = """
abducted abduction abductions abuse abused abuser abusers abuses abusing aggravated apprehension
arrested arrests assassination assassinations assault assaulted assaulting assaults attack
attacked attacker attackers attacking attacks ban banned beating bomb bullied bullying charged
choke choked chokes choking conspiracy contempt corpse crime criminal criminals defector eviction
expel falsify felonies felony fraud frauds fraudulent harass harassed harasser harassers
harasses harassing harassment harassments illegal imprisoned infringement jailed justice kill
killed killer killers killing killings kills libelous misrepresentation molest molestation
molestations molested molester molesters molesting molests murder murdered murderee murderees
murderer murderers murderess murderesses murdering murders penalty perjury perpetrator poison
poisoned poisoner poisoners poisoning poisonings poisonous poisons prejudice prejudicial prison
prisoner prisoners prosecution punish punishable punished punisher punishers punishes
punishment punitive rape raped raper rapers rapes raping rapist rapists riot riots rob robber
robs smuggler smuggling stab stabbed stabs steal stealers stealing stealings steals stolen
strangled suspended thief thieve thieveries thievery thieves torture tortured torturer torturers
tortures torturing treason victim victimization victimize victimizing victimising violate violated
violater violaters violates violating violation violations violative violator violators
violence violent violently
"""

# War, security, terrorism and threats: conflict reporting.
EXCLUDE_CONFLICT = """
crisis defeat defeated enemies enemy hostilities terror terrorism terrorisms terrorist terroristic
terrorists threat threatened threatening threating war warred warring wars weapons
"""

# Death, injury, illness, disasters and accidents: what happened to people.
EXCLUDE_HARM_HEALTH = """
accident aching bereave bereaved bereaves broken cancer casualty collapse contagion damage
damaged damages danger dangerous dangerously dangers dead death depression depressions
deprive deprived depriving destroy destroyed destroyer destroyers destroying destroys
destruction destructions die died disabling disaster disasters distress drown drowned drowns
fatal fatalities fatality fatally fear feared fearing fire fired harm harmed harming harms hurt hurts
illnesses incapacitated infected injured irritant irritants pain phobias pollute polluted polluters
pollutes scare severely shattered sick starve starved starves stricken suffer suffered sufferer
sufferers suffering suffers suicidal suicide tragedies tragedy trapped traumas traumatic
unhealthy widowed wreck
"""

# Observable behaviour and reactions that reporters describe as facts ("mourners wept",
# "fans cheered", "the minister denied", "officials blamed the weather").
EXCLUDE_REPORTED_BEHAVIOUR = """
agree arguing blamed blaming celebrate celebrated celebrates celebrating cheer cheered cheering cheers
condemned criticise criticism cry crying denied grievance grievous grin grimaced hate hug hugs
kisses kissing laugh laughed laughing laughings laughs laughter laughters lying mourning mourns
protest raged rages raging rejected rejectee rejecting rejection rejections rejects smiled smiles smiling
sobbed sobs weep weeping weepings wept
"""

# Economy, institutions, politics, sport and everyday life: outcomes, measures and set phrases
# ('won the election', 'favorable rating', 'free of charge', 'health care', 'peace talks', 'strong winds',
# 'improved by 3%', 'the best known', 'Great Britain', 'loved ones', 'safe and sound').
EXCLUDE_ECONOMY_EVERYDAY = """
abandon abandoned abandoner abandoners abandonment acceptance agreement appreciated appreciates
appreciating appreciation approval attracting attraction award awardable awarding awards badly
bankrupt beauties beauty beneficial beneficiary benefit benefitting best better blessing bloody bonus bonuses
bright burden care cares caring charities comfortable comforter comforts confidence creative
creditworthiness creditworthy crushes dedicated defective degradation degrade degrades devoting
easy effective effectively encourage encourages engagement enjoy enjoyed enjoying enjoys
entertainments entertains ethical fail failed failing failure failures favorable favorite favour festival
festivities festivity fiesta forced foreclosures freak free freedom freeing freely friend friendly
friendlies friends friendship gain gently gentle gift good great harmonization help hope
illiteracy improve improved improvement liberties liberty like lost love loved lover lovers loves loyalties
loyalty medal motivated neglect neglected neglects optimality optimise optimize optimized
optimizers optimizing peace peaceful peacefully peacekeeping peacemaker peacemakers peaces
peacetime peacetimes please poor poorest popularity poverty prize prizes prizewinner prizewinners
prizewinning profit profitable profitableness profits protected racism relax relaxation relaxed
relief rescue respect respecting reward rewarded rewards rich richer riches richest romance ruins
safe safely satisfaction satisfactions save scandal scandals securest slavery sophisticated strength
strengthening strengthens strong strongest succeed succeeding succeeds success successes
successful successfully sunnier sunniest sunshine sunshiny support supporters supporting survived talents
thanked thanks tired trust trusts truster unemployment useful valued weak weaker weakest wealth
wealthier wealthiest wealthily wealthiness welcome welcomers welcoming wellness win winner winners winning
winnings wins won worsen worsened worsening worsens
"""

EXCLUDE = {
    w
    for group in (
        EXCLUDE_SLANG,
        EXCLUDE_SLURS,
        EXCLUDE_HOMOGRAPHS,
        EXCLUDE_CRIME_LAW,
        EXCLUDE_CONFLICT,
        EXCLUDE_HARM_HEALTH,
        EXCLUDE_REPORTED_BEHAVIOUR,
        EXCLUDE_ECONOMY_EVERYDAY,
    )
    for w in group.split()
}

# STEM GUARD. The consumer also matches Snowball-stemmed forms, so a kept word whose stem equals
# the stem of an excluded word would bring the excluded sense back ('killingly' -> 'kill' would
# flag 'killed'; 'lovely' -> 'love' would flag 'loved ones'). Such kept words are dropped too.
# Kept words that share a stem only with other kept words stay.
# STEM_GUARD_KEEP overrides the guard where the kept word's evaluative use is common and the
# excluded word sharing its stem is rare or harmless in news ('excellent' vs 'His Excellency',
# 'optimism' vs 'optimized', 'sweet' vs 'sweets', 'divine' vs 'divinity school', 'troubling'
# vs 'the Troubles', 'beautiful' vs 'beauty salon', 'ruined' vs 'Roman ruins').
STEM_GUARD_KEEP = """
amorously amorousness beautiful beautifully beautifulness devotion devotionally divine divinely
divinize excel excelled excellence excellences excellent excellently excelling excels irritable
irritated irritating irritatingly irritation irritative optimism optimisms ruin ruined sweet
sweetly sweetness talented troubled troubling wowed wowing
"""

# Intensifiers: VADER's BOOSTER_DICT entries that increase intensity (B_INCR), single words only,
# minus the ones that are ordinary quantity/degree words in news ('more', 'most', 'major',
# 'total', 'very', 'so', 'fully vaccinated', 'especially', 'substantially'...), slang or
# profanity ('hella', 'frickin'...) and names ('uber' is Uber; 'fracking' is drilling).
# VADER's dampeners (B_DECR: 'somewhat', 'slightly', 'barely'...) are hedges, not intensifiers,
# and are left out.
INTENSIFIER_DROP = """
considerable considerably effing entirely especially exceptional extreme flippin flipping frackin
fracking fricking frickin friggin frigging fuckin fucking fuggin fugging fully hella highly
greatly major majorly more most particularly purely quite really so substantially total uber
unusually very
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def ensure_venv() -> Path:
    """Install the pinned wheels (hash-checked, no dependencies); return site-packages."""
    py = VENV / "bin" / "python"
    if not py.exists():
        log(f"creating venv {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        for name, version, sha in PINS:
            f.write(f"{name}=={version} --hash=sha256:{sha}\n")
        req = f.name
    try:
        subprocess.run(
            [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--only-binary", ":all:", "--require-hashes", "-r", req],
            check=True,
        )
    finally:
        os.unlink(req)
    out = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    )
    return Path(out.stdout.strip())


def read_vader_lexicon(site: Path) -> dict[str, float]:
    lexicon: dict[str, float] = {}
    text = (site / "vaderSentiment" / "vader_lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        token, mean = line.split("\t")[:2]
        lexicon[token] = float(mean)  # later duplicates win, as in VADER's own loader
    return lexicon


def read_vader_boosters(site: Path) -> dict[str, str]:
    """BOOSTER_DICT from vaderSentiment.py, parsed (not imported): word -> 'B_INCR' | 'B_DECR'."""
    tree = ast.parse((site / "vaderSentiment" / "vaderSentiment.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "BOOSTER_DICT" for t in node.targets
        ):
            return {k.value: v.id for k, v in zip(node.value.keys, node.value.values)}
    raise SystemExit("BOOSTER_DICT not found in vaderSentiment.py")


def read_snowball_stopwords(site: Path) -> list[str]:
    """Snowball stop.txt format: '|' starts a comment; a stop word starts each other line."""
    text = (site / "sphinx" / "search" / "_stopwords" / "en.txt").read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        body = line.split("|", 1)[0].strip()
        if body:
            words.append(body.split()[0].lower())
    return sorted(set(words))


def build_loaded(lexicon, stem):
    alpha = {w: v for w, v in lexicon.items() if re.fullmatch(r"[a-z]+", w)}
    candidates = {w: v for w, v in alpha.items() if abs(v) >= THRESHOLD}
    unknown = sorted(EXCLUDE - alpha.keys())
    if unknown:
        raise SystemExit(f"exclusion list names words VADER lacks (typo?): {unknown}")
    excluded_stems = {stem(w) for w in EXCLUDE}
    guard_keep = set(STEM_GUARD_KEEP.split())
    unknown = sorted(w for w in guard_keep if w not in candidates or w in EXCLUDE)
    if unknown:
        raise SystemExit(f"STEM_GUARD_KEEP names words that are not candidates: {unknown}")
    kept, excluded, guarded = {}, [], []
    for w, v in sorted(candidates.items()):
        if w in EXCLUDE:
            excluded.append(w)
        elif stem(w) in excluded_stems and w not in guard_keep:
            guarded.append(w)
        else:
            kept[w] = v
    stats = {
        "vader_entries": len(lexicon),
        "alphabetic": len(alpha),
        "over_threshold": len(candidates),
        "excluded": len(excluded),
        "stem_guarded": len(guarded),
        "kept": len(kept),
        "kept_negative": sum(v < 0 for v in kept.values()),
        "kept_positive": sum(v > 0 for v in kept.values()),
    }
    return kept, guarded, stats


def build_intensifiers(boosters):
    drop = set(INTENSIFIER_DROP.split())
    unknown = sorted(drop - boosters.keys())
    if unknown:
        raise SystemExit(f"intensifier drop list names words BOOSTER_DICT lacks: {unknown}")
    return sorted(
        w for w, kind in boosters.items()
        if kind == "B_INCR" and re.fullmatch(r"[a-z]+", w) and w not in drop
    )


def fmt_f32(v: float) -> str:
    s = repr(v)
    return s if "." in s or "e" in s else s + ".0"


def wrap(items: list[str], indent: str = "    ", width: int = 100) -> list[str]:
    lines, cur = [], indent
    for item in items:
        piece = item + ","
        if len(cur) + len(piece) + 1 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += piece + " "
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


HEADER = """\
// @generated by crates/analyze/lexicon/gen_lexicons.py. Do not edit by hand: change the
// generator and re-run it (see crates/analyze/lexicon/README.md).
"""


def render_loaded(kept: dict[str, float], intensifiers: list[str], stats: dict) -> str:
    out = [HEADER]
    out.append(
        "// Source: VADER sentiment lexicon, vaderSentiment 3.3.2 (vader_lexicon.txt and\n"
        "// BOOSTER_DICT in vaderSentiment.py), (c) 2016 C.J. Hutto, MIT licence\n"
        "// (crates/analyze/lexicon/LICENSE-VADER).\n"
        f"// Selection: single alphabetic words with |mean valence| >= {THRESHOLD}, minus a curated\n"
        "// list of words that name facts in news (crime, war, death, sport results...), slang and\n"
        "// homographs, minus words sharing a Snowball stem with an excluded word.\n"
        f"// {stats['over_threshold']} words over the threshold, {stats['excluded']} excluded, "
        f"{stats['stem_guarded']} dropped by the stem guard:\n"
        f"// {stats['kept']} kept ({stats['kept_negative']} negative, "
        f"{stats['kept_positive']} positive); {len(intensifiers)} intensifiers.\n"
    )
    out.append(
        "/// Strongly valenced English words that mark evaluative language in news, with their VADER\n"
        "/// mean valence (-4 most negative .. +4 most positive). Lowercase, sorted by word (byte\n"
        "/// order), unique: look words up with `binary_search_by_key`.\n"
        "#[rustfmt::skip]\n"
        "pub(crate) static LOADED_WORDS: &[(&str, f32)] = &["
    )
    out.extend(wrap([f'("{w}", {fmt_f32(v)})' for w, v in sorted(kept.items())]))
    out.append("];\n")
    out.append(
        "/// Intensifying adverbs and adjectives (VADER's boosters that raise intensity), lowercase,\n"
        "/// sorted, unique.\n"
        "#[rustfmt::skip]\n"
        "pub(crate) static INTENSIFIERS: &[&str] = &["
    )
    out.extend(wrap([f'"{w}"' for w in intensifiers]))
    out.append("];")
    return "\n".join(out) + "\n"


def render_stop(words: list[str]) -> str:
    out = [HEADER]
    out.append(
        "// Source: the Snowball project's English stop word list (algorithms/english/stop.txt),\n"
        "// as shipped verbatim in the Sphinx 9.0.4 wheel (sphinx/search/_stopwords/en.txt).\n"
        "// (c) 2001 Dr Martin Porter, 2002 Richard Boulton, 3-clause BSD licence\n"
        "// (crates/analyze/lexicon/LICENSE-SNOWBALL).\n"
        f"// {len(words)} words, lowercase, including the contracted forms the list gives\n"
        "// (\"don't\", \"i'm\"...), with ASCII apostrophes.\n"
    )
    out.append(
        "/// English stop words (Snowball list), lowercase, sorted (byte order), unique: look words up\n"
        "/// with `binary_search`.\n"
        "#[rustfmt::skip]\n"
        "pub(crate) static STOP_WORDS: &[&str] = &["
    )
    out.extend(wrap([f'"{w}"' for w in words]))
    out.append("];")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the checked-in files differ")
    args = ap.parse_args()

    site = ensure_venv()
    sys.path.insert(0, str(site))
    import snowballstemmer  # pure Python, from the pinned wheel

    stemmer = snowballstemmer.stemmer("english")
    lexicon = read_vader_lexicon(site)
    kept, guarded, stats = build_loaded(lexicon, stemmer.stemWord)
    intensifiers = build_intensifiers(read_vader_boosters(site))
    stop = read_snowball_stopwords(site)

    for w in intensifiers + stop + list(kept):
        assert re.fullmatch(r"[a-z']+", w), w
    outputs = {
        OUT_LOADED: render_loaded(kept, intensifiers, stats),
        OUT_STOP: render_stop(stop),
    }
    log(f"loaded words: {stats}")
    log(f"stem guard dropped: {' '.join(guarded)}")
    log(f"intensifiers ({len(intensifiers)}): {' '.join(intensifiers)}")
    log(f"stop words: {len(stop)}")

    stale = []
    for path, text in outputs.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            log(f"wrote {path.relative_to(HERE.parents[2])}")
    if stale:
        log("out of date: " + ", ".join(str(p) for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
