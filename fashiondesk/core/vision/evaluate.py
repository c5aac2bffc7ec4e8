"""`fashiondesk evaluate`: the shipped model on any folder-per-class dataset.

Runs the app's own inference path (ONNX Runtime, same decode and crop) over `test`
(classification queries) and `train` (retrieval gallery), and reports accuracy,
macro-F1, per-class precision and recall, the confusion matrix, expected calibration
error of the calibrated confidence, and same-category retrieval P@10 and mAP.
Classification needs a model whose categories cover the dataset's classes; retrieval
works with any model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from fashiondesk.core.vision.imageload import UnreadableImage, load_rgb
from fashiondesk.core.vision.metrics import (
    confusion_matrix,
    expected_calibration_error,
    per_class,
    retrieval,
    softmax,
)
from fashiondesk.core.vision.runtime import Embedder


def split_files(root: Path, split: str, classes: list[str] | None = None) -> tuple[list[Path], np.ndarray, list[str]]:
    folder = Path(root) / split
    if not folder.is_dir():
        raise FileNotFoundError(f"no '{split}' folder in {root} (expected {split}/CLASS/photo.jpg)")
    classes = classes or sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    files, labels = [], []
    for i, name in enumerate(classes):
        for f in sorted((folder / name).glob("*")) if (folder / name).is_dir() else ():
            if f.is_file() and not f.name.startswith("."):
                files.append(f)
                labels.append(i)
    return files, np.array(labels, dtype=np.int64), classes


def embed_files(embedder: Embedder, files: list[Path], batch: int = 32):
    """(embeddings, logits, kept mask); unreadable files are left out, not fatal."""
    spec = embedder.spec
    embs, logits, kept = [], [], np.zeros(len(files), dtype=bool)
    for start in range(0, len(files), batch):
        pixels = []
        for i, f in enumerate(files[start : start + batch], start):
            try:
                pixels.append(load_rgb(f.read_bytes(), spec.input_size, spec.crop_pct, frame=spec.frames_studio).pixels)
                kept[i] = True
            except (OSError, UnreadableImage):
                continue
        if pixels:
            pred = embedder.run(np.stack(pixels))
            embs.append(pred.embeddings)
            logits.append(pred.logits)
    return np.concatenate(embs), np.concatenate(logits), kept


def evaluate(dataset: Path, embedder: Embedder | None = None, k: int = 10, query_split: str = "test",
             gallery_split: str = "train") -> dict:
    embedder = embedder or Embedder.load()
    spec = embedder.spec
    q_files, q_y, classes = split_files(dataset, query_split)
    g_files, g_y, _ = split_files(dataset, gallery_split, classes)
    q_emb, q_logits, q_kept = embed_files(embedder, q_files)
    g_emb, _, g_kept = embed_files(embedder, g_files)
    q_y, g_y = q_y[q_kept], g_y[g_kept]
    p_at_k, mean_ap = retrieval(q_emb, q_y, g_emb, g_y, k)
    report: dict = {
        "model_version": spec.version,
        "dataset": str(dataset),
        "classes": classes,
        "queries": int(len(q_y)),
        "gallery": int(len(g_y)),
        "unreadable": int((~q_kept).sum() + (~g_kept).sum()),
        f"retrieval_p@{k}": p_at_k,
        "retrieval_map": mean_ap,
    }
    if not spec.categories:
        report["classification"] = "skipped: the model has no garment categories"
        return report
    missing = [c for c in classes if c not in spec.categories]
    if missing:
        report["classification"] = f"skipped: the model does not know the classes {missing}"
        return report
    to_model = np.array([spec.categories.index(c) for c in classes])
    probs = softmax(q_logits, spec.temperature)[:, to_model]
    probs = probs / probs.sum(axis=1, keepdims=True)
    pred = probs.argmax(axis=1)
    conf = confusion_matrix(q_y, pred, len(classes))
    precision, recall, f1 = per_class(conf)
    confidence = probs.max(axis=1)
    unsure = confidence < spec.unsure_below
    report.update({
        "accuracy": float((pred == q_y).mean()),
        "macro_f1": float(f1.mean()),
        "ece": expected_calibration_error(probs, q_y),
        "ece_uncalibrated": expected_calibration_error(softmax(q_logits[:, to_model]), q_y),
        "unsure_share": float(unsure.mean()),
        "accuracy_when_sure": float((pred[~unsure] == q_y[~unsure]).mean()) if (~unsure).any() else None,
        "per_class": {c: {"precision": float(p), "recall": float(r), "f1": float(f)}
                      for c, p, r, f in zip(classes, precision, recall, f1)},
        "confusion": conf.tolist(),
    })
    return report


def format_report(report: dict, k: int = 10) -> str:
    lines = [f"model {report['model_version']}  queries {report['queries']}  gallery {report['gallery']}"]
    if "accuracy" in report:
        lines.append(f"accuracy {report['accuracy']:.4f}   macro-F1 {report['macro_f1']:.4f}   "
                     f"ECE {report['ece']:.4f} (uncalibrated {report['ece_uncalibrated']:.4f})")
        sure = report["accuracy_when_sure"]
        lines.append(f"unsure {report['unsure_share']:.1%} of photos; accuracy of the rest "
                     + (f"{sure:.4f}" if sure is not None else "-"))
        lines.append("")
        lines.append(f"{'class':<14}{'precision':>10}{'recall':>10}{'F1':>10}")
        for c, m in report["per_class"].items():
            lines.append(f"{c:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}")
        lines.append("")
        classes = report["classes"]
        width = max(6, max(len(c) for c in classes) + 1)
        lines.append("confusion (rows true, columns predicted)")
        lines.append(" " * width + "".join(f"{c[:width - 1]:>{width}}" for c in classes))
        for c, row in zip(classes, report["confusion"]):
            lines.append(f"{c[:width - 1]:<{width}}" + "".join(f"{v:>{width}}" for v in row))
    else:
        lines.append(f"classification {report['classification']}")
    lines.append("")
    lines.append(f"retrieval ({report['queries']} queries against {report['gallery']}): "
                 f"P@{k} {report[f'retrieval_p@{k}']:.4f}   mAP {report['retrieval_map']:.4f}")
    return "\n".join(lines)
