"""The shipped model, for the command line's model commands: version, evaluation, training."""

from __future__ import annotations

from pathlib import Path

from fashiondesk.core.vision.spec import shipped_spec


def model_version() -> str:
    return shipped_spec().version


def evaluate(dataset: str, model: str | None = None) -> dict:
    """Accuracy, F1, calibration and retrieval of a model on DATASET/{train,test}/CLASS/."""
    from fashiondesk.core.vision.evaluate import evaluate as run
    from fashiondesk.core.vision.runtime import Embedder

    return run(Path(dataset), Embedder.load(model) if model else Embedder.load())


def format_evaluation(report: dict) -> str:
    from fashiondesk.core.vision.evaluate import format_report

    return format_report(report)


def evaluate_colours(labels: str, dataset: str) -> str:
    """Dominant-colour accuracy against hand labels, as a printable report."""
    from fashiondesk.core.vision.colour_eval import evaluate_colours as run, format_colour_report

    return format_colour_report(run(Path(labels), Path(dataset)))
