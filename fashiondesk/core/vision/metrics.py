"""Classification, calibration and retrieval metrics, in plain numpy."""

from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64) / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Rows are the true class, columns the predicted one."""
    m = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(m, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return m


def per_class(conf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 per class (0 where undefined)."""
    tp = np.diag(conf).astype(np.float64)
    predicted = conf.sum(axis=0)
    actual = conf.sum(axis=1)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(tp), where=denom > 0)
    return precision, recall, f1


def expected_calibration_error(probs: np.ndarray, y_true: np.ndarray, bins: int = 15) -> float:
    """Top-label ECE with equal-width confidence bins."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == np.asarray(y_true)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        in_bin = (confidence > lo) & (confidence <= hi)
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return float(ece)


def retrieval(queries: np.ndarray, q_labels: np.ndarray, gallery: np.ndarray, g_labels: np.ndarray, k: int = 10) -> tuple[float, float]:
    """Same-label precision@k and mean average precision (over the whole ranked gallery),
    cosine similarity on L2-normalised vectors."""
    sims = np.asarray(queries) @ np.asarray(gallery).T
    order = np.argsort(-sims, axis=1, kind="stable")
    relevant = np.asarray(g_labels)[order] == np.asarray(q_labels)[:, None]
    p_at_k = float(relevant[:, :k].mean())
    hits = np.cumsum(relevant, axis=1)
    ranks = np.arange(1, relevant.shape[1] + 1)
    n_rel = relevant.sum(axis=1)
    ap = np.divide((relevant * hits / ranks).sum(axis=1), n_rel, out=np.zeros(len(n_rel)), where=n_rel > 0)
    return p_at_k, float(ap.mean())
