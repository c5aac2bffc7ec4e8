"""`fashiondesk train`: fine-tune and export a model (needs the train extra: torch)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def run(args) -> int:
    try:
        import torch  # noqa: F401
    except ImportError:
        print("fashiondesk: training needs torch: pip install 'fashiondesk[train]'", file=sys.stderr)
        return 1
    from fashiondesk.core.vision.spec import MODELS_DIR
    from fashiondesk.core.vision.train import RECIPES, TrainConfig, export_trained, train

    dataset = Path(args.dataset)
    work = Path(args.work or Path.cwd() / "train-work")
    recipe = dict(RECIPES[args.recipe])
    if args.views is not None:
        recipe["views"] = args.views
    config = TrainConfig(epochs=args.epochs, seed=args.seed, **recipe)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    model, report = train(dataset, work, config, log=log)
    onnx_path = export_trained(model, report, dataset, work, args.name, Path(args.out or MODELS_DIR))
    log(f"best epoch {report['best_epoch']}: validation accuracy {report['val_accuracy']:.4f}; "
        f"temperature {report['temperature']:.3f}")
    log(f"wrote {onnx_path} and its .json; report in {work / 'report.json'}")
    print(json.dumps({k: v for k, v in report.items() if k != "history"}))
    return 0
