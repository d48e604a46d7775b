"""The risk detector's learned layer: a small linear model over words and letter groups.

The rules (bot/analysis/risk.py) fit the wording they were written from; this model, trained on the
labelled sentences in `lexicons/risk_model.jsonl` (built by scripts/build_risk_model_data.py, schema
there), only decides whether a message the rules left at "none" is worth a gentle question (see
bot/analysis/risk_learned.py for how the two combine).

Features, built here in plain Python so each one can be traced back to the words that made it:
lower-cased words (`w:`), pairs of neighbouring words (`b:`), and 3-5 letter groups inside each word,
padded with a space at both ends (`c:`, like scikit-learn's `char_wb`; they carry inflections,
misspellings and disguised spellings such as "k*ll"). TF-IDF weighting (sublinear counts, l2 norm)
and a class-weighted logistic regression are fitted with scikit-learn when the model is first
needed, deterministically, and kept for the life of the process; scoring a message is a few dict
look-ups, with no scikit-learn call.
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.analysis.patterns import LEXICON_DIR

DATA_FILE = LEXICON_DIR / "risk_model.jsonl"
# Regularisation and the letter-group sizes, chosen by cross-validation in bench/eval_risk.py.
C = 4.0
CHAR_SIZES = (3, 4, 5)
MIN_DF = 2
# A word, keeping inner apostrophes and the disguises of risk.yml ("don't", "k*ll", "su1cide").
WORD = re.compile(r"[a-z0-9]+(?:['*@$][a-z0-9]+)*", re.IGNORECASE)


@dataclass(frozen=True)
class TrainingRow:
    text: str
    label: int
    origin: str
    kind: str
    category: str


@dataclass(frozen=True)
class Contribution:
    """Words of the text that pushed the score towards risk: character offsets and the weight."""

    start: int
    end: int
    weight: float


def words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def _feature_names(text: str) -> list[str]:
    """Feature names of a text: words (`w:`), word pairs (`b:`), each word's letter groups (`c:`)."""
    tokens = [m.group().lower() for m in words(text)]
    names = ["w:" + t for t in tokens]
    names.extend(f"b:{a} {b}" for a, b in zip(tokens, tokens[1:]))
    for token in tokens:
        names.extend(_letter_groups(token))
    return names


@functools.lru_cache(maxsize=100_000)
def _letter_groups(token: str) -> tuple[str, ...]:
    """A word's padded letter groups; kept, since most words come back in message after message."""
    padded = f" {token} "
    return tuple("c:" + padded[k:k + size] for size in CHAR_SIZES for k in range(len(padded) - size + 1))


class RiskModel:
    """A fitted model: per-feature idf and weight, the intercept, and the training sentences (for
    the nearest examples shown as evidence)."""

    def __init__(self, rows: list[TrainingRow]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if not rows or len({r.label for r in rows}) < 2:
            raise ValueError("the risk model needs training rows of both labels")
        self.rows = rows
        self._vectorizer = TfidfVectorizer(analyzer=_feature_names, sublinear_tf=True, min_df=MIN_DF)
        matrix = self._vectorizer.fit_transform([r.text for r in rows])
        labels = [r.label for r in rows]
        fitted = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=0,
                                    max_iter=1000).fit(matrix, labels)
        names = self._vectorizer.get_feature_names_out()
        self.idf: dict[str, float] = dict(zip(names, (float(x) for x in self._vectorizer.idf_)))
        self.coef: dict[str, float] = dict(zip(names, (float(x) for x in fitted.coef_[0])))
        self.intercept = float(fitted.intercept_[0])
        self._risk_matrix = matrix[[i for i, r in enumerate(rows) if r.label == 1]]
        self._risk_rows = [r for r in rows if r.label == 1]

    def _values(self, text: str) -> dict[str, float]:
        """The text's tf-idf values, l2-normalised over the features the model knows."""
        idf = self.idf
        counts = Counter(name for name in _feature_names(text) if name in idf)
        values = {name: (1.0 + math.log(n)) * idf[name] for name, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {name: v / norm for name, v in values.items()}

    def probability(self, text: str) -> float:
        """How likely the text is risk language about the speaker, as the model has learned it."""
        coef = self.coef
        score = self.intercept + sum(coef[name] * v for name, v in self._values(text).items())
        return 1.0 / (1.0 + math.exp(-score))

    def contributions(self, text: str, top: int = 3) -> list[Contribution]:
        """The runs of words that pushed the score up most (a word's share: its own features, its
        letter groups, half of each word pair it is in), strongest first."""
        matches = words(text)
        tokens = [m.group().lower() for m in matches]
        values = self._values(text)
        # A repeated feature's value already counts every occurrence: each gets its part.
        occurrences = Counter(_feature_names(text))
        share = lambda name: self.coef[name] * values[name] / occurrences[name] if name in values else 0.0  # noqa: E731
        per_word = [share("w:" + t) + sum(share(name) for name in _letter_groups(t)) for t in tokens]
        for i in range(len(tokens) - 1):
            pair = share(f"b:{tokens[i]} {tokens[i + 1]}") / 2
            per_word[i] += pair
            per_word[i + 1] += pair
        runs: list[tuple[int, int, float]] = []
        for i, weight in enumerate(per_word):
            if weight <= 0:
                continue
            if runs and runs[-1][1] == i - 1:
                first, _, total = runs[-1]
                runs[-1] = (first, i, total + weight)
            else:
                runs.append((i, i, weight))
        runs.sort(key=lambda r: -r[2])
        return [Contribution(matches[a].start(), matches[b].end(), round(w, 3)) for a, b, w in runs[:top]]

    def nearest(self, text: str, top: int = 3) -> list[TrainingRow]:
        """The training sentences labelled as risk that are most like the text (cosine on tf-idf;
        ties in the file's order, which is by text)."""
        import numpy

        index = self._vectorizer.vocabulary_
        query = numpy.zeros(len(index))
        for name, value in self._values(text).items():
            query[index[name]] = value
        similarity = self._risk_matrix @ query
        order = numpy.argsort(-similarity, kind="stable")[:top]
        return [self._risk_rows[i] for i in order if similarity[i] > 0]


def read_rows(path: Path) -> list[TrainingRow]:
    with open(path, encoding="utf-8") as handle:
        return [TrainingRow(**{k: v for k, v in json.loads(line).items() if k in TrainingRow.__dataclass_fields__})
                for line in handle if line.strip()]


def data_file() -> Path:
    """The training file; `ATTUNE_RISK_MODEL_FILE` can name another (tests, experiments)."""
    return Path(os.environ.get("ATTUNE_RISK_MODEL_FILE") or DATA_FILE)


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> RiskModel:
    return RiskModel(read_rows(path))


def load_model() -> RiskModel:
    """The model fitted on the training file, once per process (and per file)."""
    return _load(data_file())
