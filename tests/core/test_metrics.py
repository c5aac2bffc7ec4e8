import numpy as np
import pytest

from fashiondesk.core.vision.metrics import (
    confusion_matrix,
    expected_calibration_error,
    per_class,
    retrieval,
    softmax,
)


def test_confusion_precision_recall_f1_by_hand():
    y_true = np.array([0, 0, 0, 1, 1, 2])
    y_pred = np.array([0, 0, 1, 1, 2, 2])
    conf = confusion_matrix(y_true, y_pred, 3)
    assert conf.tolist() == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]
    p, r, f1 = per_class(conf)
    assert p == pytest.approx([1.0, 0.5, 0.5])
    assert r == pytest.approx([2 / 3, 0.5, 1.0])
    assert f1 == pytest.approx([0.8, 0.5, 2 / 3])


def test_ece_by_hand():
    # Two bins used: confidence 0.9 (2 samples, 1 right) and 0.6 (2 samples, 2 right).
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.4, 0.6]])
    y = np.array([0, 1, 0, 1])
    # bin 0.9: |0.5 - 0.9| * 2/4 = 0.2 ; bin 0.6: |1.0 - 0.6| * 2/4 = 0.2
    assert expected_calibration_error(probs, y) == pytest.approx(0.4)


def test_retrieval_by_hand():
    gallery = np.array([[1, 0], [0.8, 0.6], [0, 1]], dtype=float)
    g_labels = np.array([0, 1, 0])
    queries = np.array([[1, 0]], dtype=float)
    # Ranked gallery: [0 (rel), 1 (not), 2 (rel)] -> P@2 = 0.5 ; AP = (1/1 + 2/3) / 2
    p2, mean_ap = retrieval(queries, np.array([0]), gallery, g_labels, k=2)
    assert p2 == pytest.approx(0.5)
    assert mean_ap == pytest.approx((1 + 2 / 3) / 2)


def test_softmax_with_temperature():
    p = softmax(np.array([[2.0, 0.0]]), temperature=2.0)
    assert p[0, 0] == pytest.approx(np.exp(1) / (np.exp(1) + 1))
