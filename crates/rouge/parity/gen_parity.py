#!/usr/bin/env python3
"""Regenerates the nutgraf-rouge parity fixtures from the real Python packages.

Writes, next to the Rust tests:
  tests/fixtures/parity.jsonl  one JSON object a line: {name, reference, candidate, expected},
                               expected = rouge-score 0.1.2 RougeScorer(["rouge1", "rouge2",
                               "rougeL", "rougeLsum"], use_stemmer=True).score(reference, candidate)
  tests/fixtures/porter.tsv    word <TAB> nltk PorterStemmer().stem(word), one a line

Run with any python3 (3.8+): it creates a virtualenv (default $TMPDIR/nutgraf-rouge-parity-venv,
override with ROUGE_PARITY_VENV), installs the pinned packages there and re-runs itself inside.
Every text is synthetic: built here from a fixed seed, words from the `english-words` package's
lists and word lists written for this script. The output is deterministic.
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile

PINS = ["rouge-score==0.1.2", "nltk==3.10.4", "english-words==2.0.2"]
SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures")


def bootstrap():
    """Re-executes this script inside a virtualenv holding PINS."""
    if os.environ.get("_ROUGE_PARITY_INSIDE") == "1":
        return
    venv = os.environ.get("ROUGE_PARITY_VENV") or os.path.join(
        tempfile.gettempdir(), "nutgraf-rouge-parity-venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([python, "-m", "pip", "install", "--quiet", *PINS])
    env = dict(os.environ, _ROUGE_PARITY_INSIDE="1")
    os.execve(python, [python, os.path.abspath(__file__), *sys.argv[1:]], env)


# Words exercising Porter's rules, NLTK's extensions and its irregular forms.
RULE_WORDS = """
generalizations generalization generalize general oscillators oscillator oscillate happily
happy happiness skies sky dying die lying lie tying tie news innings inning outings outing
cannings canning howe proceed proceeding exceed exceeded succeed succeeded agreed agree feed
feeding fed conditional condition relational relate rational hopeful hopefully hope
electricity electric electrical caresses ponies ties caress cats plastered bled motoring sing
conflated troubled sized hopping tanned falling hissing fizzed failing filing valenci
hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization
predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption
homologou communism activate angulariti homologous effective bowdlerize probate rate cease
controll controlling roll rolling spied died flies dies tries cries spying crying
archaeology geology theology analogous analogously fully carefully beautifully fairly
enjoy enjoyment spy fly try toy syzygy yelling yearly abyss ivy obeyed obeys played says
national nationally international rationalization sensational organization organizations
reorganized authorities authority university universities formally finally equally
really totally usually apparently differently reliably probably possibly traceable
""".split()

# Everyday news vocabulary, written for this script.
NEWS_WORDS = """
police officials said says saying reported reports announced announcing government
president minister ministers election elections voters vote voted campaign campaigns
company companies market markets shares prices price rose fell rising falling increase
increased increasing decrease economy economic growth inflation rates bank banks billion
million percent people residents city cities country countries state states county court
judge judges jury trial charged charges arrested arrest investigation investigators
hospital hospitals injured killed died death deaths fire fires firefighters storm storms
flood flooding rain winds damage damaged damaging school schools students teachers
children parents families family team teams players player coach season seasons game games
won win winning lost losing league championship goal goals scored fans stadium match
report reporting statement spokesman spokeswoman agency agencies federal local national
officers officer department departments weekend Monday Tuesday Wednesday Thursday Friday
yesterday tomorrow morning evening night earlier later hours days weeks months years
building buildings road roads bridge traffic crash crashes vehicle vehicles drivers driver
water power energy oil gas climate scientists study studies research researchers found
discovered discovery health patients doctors disease virus vaccine vaccines treatment
""".split()

FUNCTION_WORDS = """
the the the a a an of of to to in in on for with by at from and and or but that which who
as is was were be been has have had it its their his her they he she we not this these
those after before over under about into than more most also while when where
""".split()

UNICODE_WORDS = [
    "café", "naïve", "São", "Zürich", "Müller", "İzmir", "façade", "résumé", "coöperation",
    "東京", "北京市", "서울", "Москва", "Αθήνα", "😀", "🎉🚀", "１２３", "٣٤", "ｆｕｌｌ", "straße",
    "ﬁnance", "\u212aelvin", "ǅemal", "ΣΊΣΥΦΟΣ", "don’t", "“quoted”", "—", "naïvely", "½",
]

SUFFIXES = ["s", "es", "ed", "ing", "ly", "er", "ers", "ness", "ation", "ations", "ational",
            "ize", "izing", "ization", "ful", "fully", "fulness", "ment", "ments", "ement",
            "ism", "ist", "ity", "ive", "ively", "iveness", "ous", "ously", "ousness", "able",
            "ible", "ance", "ence", "ent", "ant", "al", "alli", "alism", "ical", "icate",
            "iciti", "ative", "alize", "bli", "logi", "fulli", "entli", "eli", "ousli",
            "ator", "aliti", "iviti", "biliti", "ies", "ied", "y", "eed", "ll", "e"]


def dictionary_words():
    from english_words import get_english_words_set
    words = get_english_words_set(["web2", "gcide"], alpha=True, lower=True)
    return sorted(w for w in words if re.fullmatch(r"[a-z]+", w))


def porter_table(rng, dictionary):
    from nltk.stem.porter import PorterStemmer
    words = list(RULE_WORDS) + [w.lower() for w in NEWS_WORDS]
    words += rng.sample(dictionary, 3200)
    words += [rng.choice(dictionary) + rng.choice(SUFFIXES) for _ in range(700)]
    words += ["y", "yy", "yyy", "yyyy", "yyyyyyy", "sayyying", "ayyy", "by", "bye", "ies",
              "ied", "sses", "ss", "s", "is", "as", "eed", "ing", "ed", "1990s", "3rd", "4ever",
              "abc123ing", "mp3s", "2000", "b2b", "x", "ab", "abc", "ties", "pies", "lies", "spies"]
    words += ["Running", "GENERALIZATIONS", "Skies", "cafés", "naïvely", "über", "résumés",
              "ñandúes", "façades", "İstanbul", "Ωmega", "東京", "dïed"]
    stemmer = PorterStemmer()
    seen, rows = set(), []
    for w in words:
        if w not in seen:
            seen.add(w)
            rows.append((w, stemmer.stem(w)))
    return rows


def number(rng):
    return rng.choice([
        lambda: str(rng.randint(0, 100)),
        lambda: "%d.%d" % (rng.randint(0, 99), rng.randint(0, 99)),
        lambda: "%d,%03d" % (rng.randint(1, 999), rng.randint(0, 999)),
        lambda: "$%dbn" % rng.randint(1, 90),
        lambda: "%d%%" % rng.randint(1, 99),
        lambda: str(rng.randint(1900, 2030)),
        lambda: "%ds" % (rng.randint(190, 202) * 10),
        lambda: "%d:%02d" % (rng.randint(1, 12), rng.randint(0, 59)),
        lambda: rng.choice(["1st", "2nd", "3rd", "4th", "21st", "No.5", "-7", "+3.5"]),
    ])()


def decorate(rng, w):
    r = rng.random()
    if r < 0.06:
        w = w.capitalize()
    elif r < 0.08:
        w = w.upper()
    r = rng.random()
    if r < 0.05:
        w += rng.choice([",", ";", ":", "'s", "’s", ")", "\"", "...", "!?"])
    elif r < 0.07:
        w = rng.choice(["(", "\"", "'", "“", "-"]) + w
    elif r < 0.09:
        w = w + rng.choice(["-", "/", "'", "_", "."]) + w[::-1]
    return w


def sentence(rng, pool, n_words, unicode_rate=0.0):
    words = []
    for _ in range(n_words):
        r = rng.random()
        if r < unicode_rate:
            w = rng.choice(UNICODE_WORDS)
        elif r < unicode_rate + 0.05:
            w = number(rng)
        elif r < unicode_rate + 0.45:
            w = rng.choice(FUNCTION_WORDS)
        else:
            w = rng.choice(pool)
        words.append(decorate(rng, w))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!", ".\"", "…", ""])


def inflect(rng, w):
    core = re.sub(r"[^A-Za-z]", "", w).lower()
    if rng.random() < 0.3 and len(core) > 4 and core.endswith(("s", "d", "y")):
        return core[:-1]
    return core + rng.choice(SUFFIXES[:20])


def perturb(rng, sentences, pool, unicode_rate=0.0):
    """A candidate summary: the reference with dropped, swapped and substituted words."""
    out = []
    for s in sentences:
        if rng.random() < 0.15:
            continue
        new = []
        for w in s.split():
            r = rng.random()
            if r < 0.12:
                continue
            new.append(rng.choice(pool) if r < 0.22 else inflect(rng, w) if r < 0.30 else w)
            if rng.random() < 0.04:
                new.append(rng.choice(FUNCTION_WORDS))
        if len(new) > 3 and rng.random() < 0.3:
            i = rng.randrange(len(new) - 1)
            new[i], new[i + 1] = new[i + 1], new[i]
        if new:
            out.append(" ".join(new))
    if len(out) > 1 and rng.random() < 0.3:
        rng.shuffle(out)
    if len(out) > 1 and rng.random() < 0.3:
        i = rng.randrange(len(out) - 1)
        out[i:i + 2] = [out[i] + " " + out[i + 1]]
    if rng.random() < 0.25:
        out.append(sentence(rng, pool, rng.randint(4, 20), unicode_rate))
    return out


def join_lines(rng, sentences):
    r = rng.random()
    if r < 0.55:
        text = "\n".join(sentences)
    elif r < 0.7:
        text = " ".join(sentences)
    else:
        seps = ["\n", "\n", "\n\n", " \n", "\n \n", "\r\n", "\n\t\n\n", " ", "\u2028"]
        text = sentences[0] if sentences else ""
        for s in sentences[1:]:
            text += rng.choice(seps) + s
    if rng.random() < 0.15:
        text += rng.choice(["\n", "\n\n", " \n", "\r\n"])
    if rng.random() < 0.05:
        text = rng.choice(["\n", "\n\n", "  \n"]) + text
    return text


def random_case(rng, dictionary, n_sent, words, unicode_rate=0.0):
    pool = rng.sample(dictionary, rng.randint(10, 80)) + rng.sample(NEWS_WORDS, 40) \
        + rng.sample(RULE_WORDS, 20)
    ref = [sentence(rng, pool, rng.randint(*words), unicode_rate) for _ in range(n_sent)]
    cand = perturb(rng, ref, pool, unicode_rate)
    return join_lines(rng, ref), join_lines(rng, cand)


def rule_word_case(rng):
    words = rng.sample(RULE_WORDS, rng.randint(4, 14))
    ref = " ".join(rng.choice(FUNCTION_WORDS) + " " + w for w in words)
    cand_words = [inflect(rng, w) if rng.random() < 0.5 else rng.choice(RULE_WORDS) for w in words]
    cand = " ".join(rng.choice(FUNCTION_WORDS) + " " + w for w in cand_words)
    return ref, cand


def repeated_case(rng):
    vocab = rng.sample(FUNCTION_WORDS[:8] + NEWS_WORDS[:12], rng.randint(1, 4))
    lines = lambda: "\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 12)))
                              for _ in range(rng.randint(1, 4)))
    return lines(), lines()


def cases(rng, dictionary):
    from edge_cases import EDGE_CASES
    out = [("edge-%02d" % i, r, c) for i, (r, c) in enumerate(EDGE_CASES)]
    for i in range(50):
        out.append(("rule-words-%02d" % i, *rule_word_case(rng)))
    for i in range(40):
        out.append(("repeated-%02d" % i, *repeated_case(rng)))
    for i in range(40):
        out.append(("unicode-%02d" % i,
                    *random_case(rng, dictionary, rng.randint(1, 5), (3, 18), unicode_rate=0.15)))
    for i in range(160):
        out.append(("short-%03d" % i, *random_case(rng, dictionary, rng.randint(1, 3), (1, 20))))
    for i in range(160):
        out.append(("medium-%03d" % i, *random_case(rng, dictionary, rng.randint(3, 12), (5, 30))))
    for i in range(6):
        ref, cand = random_case(rng, dictionary, rng.randint(100, 120), (18, 26))
        if i == 0:  # one single-line pair: no sentence structure at all
            ref, cand = ref.replace("\n", " "), cand.replace("\n", " ")
        out.append(("long-%d" % i, ref, cand + "\n" + ref[: len(ref) // 3]))
    return out


def main():
    sys.dont_write_bytecode = True
    sys.path.insert(0, HERE)
    from rouge_score import rouge_scorer
    rng = random.Random(SEED)
    dictionary = dictionary_words()
    os.makedirs(FIXTURES, exist_ok=True)
    rows = porter_table(rng, dictionary)
    with open(os.path.join(FIXTURES, "porter.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for word, stem in rows:
            f.write("%s\t%s\n" % (word, stem))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"],
                                      use_stemmer=True)
    all_cases = cases(rng, dictionary)
    with open(os.path.join(FIXTURES, "parity.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for name, ref, cand in all_cases:
            scores = scorer.score(ref, cand)
            expected = {k: {"precision": float(s.precision), "recall": float(s.recall),
                            "fmeasure": float(s.fmeasure)} for k, s in scores.items()}
            f.write(json.dumps({"name": name, "reference": ref, "candidate": cand,
                                "expected": expected}, ensure_ascii=False) + "\n")
    print("wrote %d stems and %d parity cases to %s" % (len(rows), len(all_cases), FIXTURES))


if __name__ == "__main__":
    bootstrap()
    main()
