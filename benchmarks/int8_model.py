"""Int8 copies of the shipped clothing model: as accurate, and faster? (issue 20, part 3)

Builds quantised copies of resources/models/lite0-clothing.onnx in a scratch folder (never
in resources/) and compares each with the fp32 model on clothing-small:

- quality, through the app's own evaluation (`core.vision.evaluate.evaluate`: the app's
  decode and crop, test photos as queries, train as retrieval gallery): accuracy, ECE with
  the spec's temperature (fitted on the fp32 model), same-category retrieval P@10, the share
  of photos marked unsure, plus how closely the copy follows fp32 photo by photo: test
  photos it gets wrong that fp32 gets right and the reverse, agreement of top-1 categories
  on test, cosine between fp32 and int8 embeddings (test + train);
- speed: images/s at batch 32, 224 px, on 32 validation photos, ONNX Runtime's default
  intra-op threads for every model, median of --rounds rounds in which all models run in
  turn (interleaved, the order rotated each round, so a busy machine slows them alike);
- the model file's size.

Variants (ONNX Runtime quantisation tools; static ones calibrated on 200 *train* photos,
20 a class, decoded by the app's loader; never a test photo):

  fp32-static  not int8: the shipped fp32 graph with its run-time "same" padding folded
               into the convolutions (export_onnx.fold_static_padding, applied to the shipped
               models since issue 20: then a no-op); checked to give the same outputs.
               The int8 variants below are built from it, so that they can be fused whole.
  dyn-u8       quantize_dynamic, uint8 weights (ConvInteger, activations quantised at run time)
  dyn-s8       quantize_dynamic, int8 weights
  qdq-minmax   quantize_static, QDQ, per-channel int8 weights, uint8 activations, MinMax ranges
  qdq-pct      the same with Percentile ranges (99.999th percentile)
  qdq-entropy  the same with Entropy (KL) ranges
  qdq-minmax-head  qdq-minmax with the head kept in fp32 (head convolution, logits Gemm,
               class-map convolution)
  qdq-minmax-rr    qdq-minmax with reduce_range (7-bit weights): what a CPU without VNNI
               needs to avoid int16 saturation in its u8s8 kernel (VPMADDUBSW)
  qdq-minmax-dynpad  qdq-minmax built from the shipped graph as it is (run-time padding)

Each source graph first goes through `quant_pre_process` (symbolic shape inference + ORT
graph optimisation).
The adoption rule of issue 20, checked per variant: accuracy drops < 0.5 point, ECE stays
<= 0.05, retrieval P@10 drops < 1 point (all on test, against the shipped fp32 model).

    python benchmarks/int8_model.py [DATASET] [--work DIR] [--rounds 7] [--only dyn-u8 qdq-minmax ...]

DATASET defaults to ../shared/datasets/clothing-small next to the checkout. --work keeps
the quantised models (and reuses them on the next run); without it they go to a
temporary folder that is removed at the end. Takes ~25 min on 2 cores: each evaluation
embeds 3,440 photos, and the ConvInteger variants (dyn-*) are slow.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from fashiondesk.core.vision.evaluate import evaluate, split_files
from fashiondesk.core.vision.export_onnx import fold_static_padding
from fashiondesk.core.vision.imageload import load_rgb
from fashiondesk.core.vision.runtime import Embedder, Prediction
from fashiondesk.core.vision.spec import ModelSpec, model_paths

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "clothing-small"
HEAD = ("/_conv_head/Conv", "/_fc/Gemm", "class_maps_conv")  # the last one is named here, see _prepare
CALIB_PER_CLASS = 20
CALIB_BATCH = 10

# The rule of issue 20 (points are percentage points of the metric).
MAX_ACC_DROP = 0.005
MAX_ECE = 0.05
MAX_P10_DROP = 0.01


# --- building the variants ---------------------------------------------------------------

def _check_same(a: Path, b: Path, spec: ModelSpec, pixels: np.ndarray) -> float:
    """Largest difference of embedding, logits and class maps between two fp32 graphs."""
    pa, pb = Embedder(a, spec).run(pixels), Embedder(b, spec).run(pixels)
    return max(float(np.abs(x - y).max()) for x, y in zip(
        (pa.embeddings, pa.logits, pa.class_maps), (pb.embeddings, pb.logits, pb.class_maps)))


def _prepare(source: Path, out: Path) -> Path:
    """quant_pre_process, then give the unnamed class-map convolution a name so that it
    can be excluded from quantisation."""
    import onnx
    from onnxruntime.quantization.shape_inference import quant_pre_process

    if not out.exists():
        raw = out.with_name(out.stem + "-raw.onnx")
        quant_pre_process(str(source), str(raw))
        model = onnx.load(str(raw))
        for node in model.graph.node:
            if not node.name and list(node.output) == ["class_maps"]:
                node.name = "class_maps_conv"
        onnx.save(model, str(out))
    return out


class PhotoReader:
    """CalibrationDataReader over decoded photos, in batches; supports the strided
    collection (`set_range`, `len`) the histogram calibrators need to stay in memory."""

    def __init__(self, pixels: np.ndarray, batch: int = CALIB_BATCH):
        self.batches = [pixels[i : i + batch] for i in range(0, len(pixels), batch)]
        self.set_range(0, len(self.batches))

    def __len__(self) -> int:
        return len(self.batches)

    def set_range(self, start_index: int, end_index: int) -> None:
        self._todo = iter(self.batches[start_index:end_index])

    def get_next(self):
        batch = next(self._todo, None)
        return None if batch is None else {"image": batch}

    def rewind(self) -> None:
        self.set_range(0, len(self.batches))


def calibration_pixels(data: Path, spec: ModelSpec, split: str = "train") -> np.ndarray:
    files, labels, _ = split_files(data, split)
    rng = np.random.default_rng(0)
    chosen = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        chosen.extend(sorted(rng.choice(idx, min(CALIB_PER_CLASS, len(idx)), replace=False)))
    return np.stack([load_rgb(files[i].read_bytes(), spec.input_size, spec.crop_pct, frame=spec.frames_studio).pixels
                     for i in chosen])


def build(name: str, pre: Path, out: Path, calib: np.ndarray) -> None:
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_dynamic, quantize_static

    if name.startswith("dyn-"):
        quantize_dynamic(str(pre), str(out), weight_type=QuantType.QUInt8 if name == "dyn-u8" else QuantType.QInt8)
        return
    method = {"qdq-pct": CalibrationMethod.Percentile, "qdq-entropy": CalibrationMethod.Entropy}.get(
        name, CalibrationMethod.MinMax)
    extra = {}
    if method != CalibrationMethod.MinMax:
        extra["CalibStridedMinMax"] = 2  # histograms are merged every 2 batches, not kept for all 200 photos
    quantize_static(
        str(pre), str(out), PhotoReader(calib),
        quant_format=QuantFormat.QDQ, per_channel=True,
        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
        calibrate_method=method, reduce_range=name.endswith("-rr"),
        nodes_to_exclude=list(HEAD) if name.endswith("-head") else None,
        extra_options=extra,
    )


VARIANTS = ("fp32-static", "dyn-u8", "dyn-s8", "qdq-minmax", "qdq-pct", "qdq-entropy", "qdq-minmax-head",
            "qdq-minmax-rr", "qdq-minmax-dynpad")


# --- measuring ----------------------------------------------------------------------------

class Recording(Embedder):
    """An Embedder that keeps every prediction, in the order evaluate() asks for them
    (test queries first, then the train gallery)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: list[Prediction] = []

    def run(self, images: np.ndarray) -> Prediction:
        pred = super().run(images)
        self.seen.append(pred)
        return pred

    def outputs(self) -> tuple[np.ndarray, np.ndarray]:
        emb = np.concatenate([p.embeddings for p in self.seen])
        logits = np.concatenate([p.logits for p in self.seen])
        return emb, logits


def quality(path: Path, spec: ModelSpec, data: Path) -> dict:
    model = Recording(path, spec)
    t = time.perf_counter()
    report = evaluate(data, model)
    report["eval_seconds"] = time.perf_counter() - t
    report["embeddings"], report["logits"] = model.outputs()
    return report


def speed(paths: dict[str, Path], spec: ModelSpec, batch: np.ndarray, rounds: int) -> dict[str, list[float]]:
    models = {name: Embedder(p, spec) for name, p in paths.items()}  # default threads for all
    for m in models.values():
        m.run(batch)
        m.run(batch)
    times = {name: [] for name in models}
    names = list(models)
    for r in range(rounds):  # interleaved, order rotated: machine noise hits all alike
        for name in names[r % len(names):] + names[: r % len(names)]:
            t = time.perf_counter()
            models[name].run(batch)
            times[name].append(time.perf_counter() - t)
    return times


def cpu_flags() -> str:
    try:
        flags = next(line for line in open("/proc/cpuinfo") if line.startswith("flags")).split()
    except (OSError, StopIteration):
        return "unknown"
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")
    return " ".join(f for f in wanted if f in flags) or "none of avx2/avx512/vnni"


def main() -> None:
    import onnxruntime as ort

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATA)
    parser.add_argument("--work", type=Path, help="keep (and reuse) the quantised models here")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--only", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    args = parser.parse_args()
    logging.getLogger().setLevel(logging.ERROR)  # the quantisers' warnings print whole tensor types

    shipped, spec_path = model_paths("lite0-clothing")
    spec = ModelSpec.load(spec_path)
    scratch = None
    if args.work:
        work = args.work
        work.mkdir(parents=True, exist_ok=True)
    else:
        scratch = tempfile.TemporaryDirectory(prefix="fashiondesk-int8-")
        work = Path(scratch.name)
    if work.resolve().is_relative_to(shipped.parent.resolve().parent):
        sys.exit("--work must not be inside resources/")

    print(f"onnxruntime {ort.__version__}, {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
          f"flags: {cpu_flags()}")
    print(f"shipped {shipped.name} ({spec.version}); models built in {work}")

    calib = calibration_pixels(args.dataset, spec)
    print(f"calibration: {len(calib)} train photos ({CALIB_PER_CLASS} a class), batches of {CALIB_BATCH}")
    static = work / "fp32-static.onnx"
    if not static.exists():
        fold_static_padding(shipped, static, spec.input_size)
    diff = _check_same(shipped, static, spec, calib[:16])
    print(f"fp32-static (shipped graph, padding folded into the convolutions): largest output difference "
          f"from the shipped model {diff:.1e}")
    sources = {"static": _prepare(static, work / "pre-static.onnx")}
    if "qdq-minmax-dynpad" in args.only:  # the shipped graph as it is, run-time padding and all
        sources["dynpad"] = _prepare(shipped, work / "pre-dynpad.onnx")
    paths: dict[str, Path] = {"fp32": shipped}
    notes: dict[str, str] = {}
    for name in args.only:
        out = work / f"{name}.onnx"
        if not out.exists():
            t = time.perf_counter()
            try:
                build(name, sources["dynpad" if name.endswith("-dynpad") else "static"], out, calib)
            except Exception as exc:  # noqa: BLE001 - a variant that cannot be built is a result
                notes[name] = f"build failed: {type(exc).__name__}: {exc}"
                continue
            print(f"built {name} in {time.perf_counter() - t:.0f} s")
        try:
            Embedder(out, spec)
        except Exception as exc:  # noqa: BLE001 - e.g. ConvInteger with int8 weights has no CPU kernel
            notes[name] = f"does not load: {str(exc).splitlines()[0][:160]}"
            continue
        paths[name] = out
    for name, note in notes.items():
        print(f"{name}: {note}")

    # Quality first (no timing runs at the same time).
    reports = {}
    for name, path in paths.items():
        reports[name] = quality(path, spec, args.dataset)
        r = reports[name]
        print(f"evaluated {name}: accuracy {r['accuracy']:.4f}  ECE {r['ece']:.4f}  "
              f"P@10 {r['retrieval_p@10']:.4f}  ({r['eval_seconds']:.0f} s)", flush=True)

    # Speed: 32 validation photos through the app's loader.
    val_files, _, _ = split_files(args.dataset, "validation")
    pick = np.random.default_rng(1).choice(len(val_files), 32, replace=False)
    batch = np.stack([load_rgb(val_files[i].read_bytes(), spec.input_size, spec.crop_pct,
                               frame=spec.frames_studio).pixels for i in sorted(pick)])
    load_before = os.getloadavg()[0]
    times = speed(paths, spec, batch, args.rounds)
    load_after = os.getloadavg()[0]

    base = reports["fp32"]
    n_q = base["queries"]
    fp_emb, fp_logits = base["embeddings"], base["logits"]
    fp_top1 = fp_logits[:n_q].argmax(1)
    # Per-photo right/wrong on test, to see how many photos a change in accuracy is made of.
    _, test_y, classes = split_files(args.dataset, "test")
    to_model = [spec.categories.index(c) for c in classes]
    per_photo = base["unreadable"] == 0 and len(test_y) == n_q
    fp_right = fp_logits[:n_q, to_model].argmax(1) == test_y if per_photo else None
    base_med = statistics.median(times["fp32"])
    static_med = statistics.median(times["fp32-static"]) if "fp32-static" in times else float("nan")

    print()
    print(f"clothing-small: {n_q} test queries, {base['gallery']} train gallery; 1 test photo = "
          f"{100 / n_q:.2f} accuracy points. Speed: batch 32 x 224 px, median of {args.rounds} interleaved "
          f"rounds (load average {load_before:.2f} before, {load_after:.2f} after).")
    header = (f"{'variant':<17}{'MB':>6}{'accuracy':>10}{'ECE':>8}{'P@10':>8}{'unsure':>8}"
              f"{'lost/won':>9}{'top-1 =fp32':>12}{'cos mean':>10}{'cos min':>9}{'img/s':>8}{'min-max':>10}{'vs fp32':>9}{'vs static':>10}")
    print(header)
    print("(lost/won: test photos fp32 gets right and the variant wrong / the reverse; cos: fp32 vs variant "
          "embedding of each test and train photo)")
    print("-" * len(header))
    verdicts = []
    for name in paths:
        r = reports[name]
        emb, logits = r["embeddings"], r["logits"]
        if emb.shape != fp_emb.shape:
            sys.exit(f"{name}: {emb.shape[0]} photos embedded, fp32 {fp_emb.shape[0]} (the loader changed mid-run?)")
        agree = float((logits[:n_q].argmax(1) == fp_top1).mean())
        if per_photo:
            right = logits[:n_q, to_model].argmax(1) == test_y
            flips = f"{int((fp_right & ~right).sum())}/{int((~fp_right & right).sum())}"
        else:
            flips = "-"
        cos = np.sum(emb * fp_emb, axis=1) / (np.linalg.norm(emb, axis=1) * np.linalg.norm(fp_emb, axis=1))
        med = statistics.median(times[name])
        lo, hi = 32 / max(times[name]), 32 / min(times[name])
        size = paths[name].stat().st_size / 1e6
        print(f"{name:<17}{size:>6.1f}{r['accuracy']:>10.4f}{r['ece']:>8.4f}{r['retrieval_p@10']:>8.4f}"
              f"{r['unsure_share']:>8.1%}{flips:>9}{agree:>12.4f}{cos.mean():>10.5f}{cos.min():>9.4f}"
              f"{32 / med:>8.1f}{f'{lo:.0f}-{hi:.0f}':>10}{base_med / med:>8.2f}x{static_med / med:>9.2f}x")
        if name == "fp32":
            continue
        d_acc = base["accuracy"] - r["accuracy"]
        d_p10 = base["retrieval_p@10"] - r["retrieval_p@10"]
        fails = []
        if not d_acc < MAX_ACC_DROP:
            fails.append(f"accuracy drops {100 * d_acc:.2f} points (limit < {100 * MAX_ACC_DROP:.1f})")
        if not r["ece"] <= MAX_ECE:
            fails.append(f"ECE {r['ece']:.4f} > {MAX_ECE}")
        if not d_p10 < MAX_P10_DROP:
            fails.append(f"P@10 drops {100 * d_p10:.2f} points (limit < {100 * MAX_P10_DROP:.0f})")
        summary = (f"accuracy {-100 * d_acc:+.2f} pt, ECE {r['ece']:.4f}, P@10 {-100 * d_p10:+.2f} pt, "
                   f"{base_med / med:.2f}x the shipped fp32 speed, {static_med / med:.2f}x fp32-static")
        verdicts.append(f"{name}: " + ("PASSES the rule" if not fails else "FAILS: " + "; ".join(fails))
                        + f"  ({summary})")
    for name, note in notes.items():
        verdicts.append(f"{name}: not measured ({note})")
    print()
    print("Verdict (issue 20: accuracy drop < 0.5 pt, ECE <= 0.05, P@10 drop < 1 pt, on test):")
    for v in verdicts:
        print("  " + v)
    if scratch:
        scratch.cleanup()


if __name__ == "__main__":
    main()
