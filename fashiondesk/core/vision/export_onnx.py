"""Turn a trained PyTorch Lite0 into the ONNX file and spec the app runs (needs torch)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from fashiondesk.core.vision.lite0 import FEATURE_DIM, EfficientNetLite0, load_imagenet
from fashiondesk.core.vision.spec import MODELS_DIR, ModelSpec

LITE_MEAN = (0.498, 0.498, 0.498)
LITE_STD = (0.502, 0.502, 0.502)


class InferenceHead(nn.Module):
    """One forward pass, every output the pipeline needs: embedding and logits.

    It takes uint8 RGB batches (N, H, W, 3) as decoded, so normalisation runs inside the
    graph instead of in Python beside the decoder threads.
    """

    mean: torch.Tensor  # buffers, registered in __init__
    std: torch.Tensor

    def __init__(self, model: EfficientNetLite0, spec: ModelSpec):
        super().__init__()
        self.model = model.eval()
        self.register_buffer("mean", torch.tensor(spec.mean).view(1, 3, 1, 1) * 255.0)
        self.register_buffer("std", torch.tensor(spec.std).view(1, 3, 1, 1) * 255.0)

    def forward(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x = image.permute(0, 3, 1, 2).float()
        pooled = self.model.features((x - self.mean) / self.std)
        return F.normalize(pooled, dim=1), self.model._fc(pooled)


def export(model: EfficientNetLite0, spec: ModelSpec, folder: Path = MODELS_DIR) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    onnx_path = folder / f"{spec.name}.onnx"
    dummy = torch.zeros(2, spec.input_size, spec.input_size, 3, dtype=torch.uint8)
    torch.onnx.export(
        InferenceHead(model, spec),
        (dummy,),
        str(onnx_path),
        input_names=["image"],
        output_names=["embedding", "logits"],
        dynamic_axes={"image": {0: "batch"}, "embedding": {0: "batch"}, "logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    if spec.categories:
        add_class_maps(onnx_path)
    fold_static_padding(onnx_path, onnx_path, spec.input_size)
    spec.save(folder / f"{spec.name}.json")
    return onnx_path


def add_class_maps(onnx_path: Path) -> None:
    """Add a ``class_maps`` output (N, classes, 7, 7): the class activation maps.

    Each map is the classifier's weights for one class applied at every position of the
    last feature map, before pooling (CAM, Zhou et al. 2016): where in the photo the
    model sees that class, so where the garment is. The colour step uses it as a mask.
    It is a 1x1 convolution on a tensor the graph computes anyway, so it costs next to
    nothing, and the embedding and logits are unchanged.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(onnx_path))
    graph = model.graph
    if any(o.name == "class_maps" for o in graph.output):
        return
    producers = {out: node for node in graph.node for out in node.output}
    gemm = producers["logits"]
    pool = producers[gemm.input[0]]
    if pool.op_type != "ReduceMean":
        raise ValueError(f"expected the logits to come from a pooled feature map, found {pool.op_type}")
    feature_map = pool.input[0]
    weight = numpy_helper.to_array(next(i for i in graph.initializer if i.name == gemm.input[1]))
    graph.initializer.append(
        numpy_helper.from_array(weight.reshape(*weight.shape, 1, 1).astype(np.float32), "class_map_weight")
    )
    graph.node.append(helper.make_node("Conv", [feature_map, "class_map_weight"], ["class_maps"], kernel_shape=[1, 1]))
    graph.output.append(
        helper.make_tensor_value_info("class_maps", onnx.TensorProto.FLOAT, ["batch", weight.shape[0], None, None])
    )
    onnx.checker.check_model(model)
    onnx.save(model, str(onnx_path))


def fold_static_padding(shipped: Path, out: Path, size: int) -> None:
    """The exported graph with its TF-"same" padding made static: the export computes each
    convolution's padding at run time (Shape, Gather, Sub, Div, Concat... -> Pad), which ONNX
    Runtime can neither fold nor fuse (1.6-1.7x the time of the whole model, measured in
    benchmarks/int8_model.py). For the fixed input size the pads are constants: read them off
    one run, fold each Pad into its Conv's own pads, drop the arithmetic left unused. Only
    valid for size x size inputs, which is all the app feeds (``Embedder.run`` checks)."""
    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    model = onnx.load(str(shipped))
    pad_nodes = [n for n in model.graph.node if n.op_type == "Pad"]
    probe = onnx.load(str(shipped))
    for n in pad_nodes:
        probe.graph.output.append(helper.make_tensor_value_info(n.input[1], TensorProto.INT64, None))
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    one, three = (dict(zip(names, session.run(None, {"image": np.zeros((b, size, size, 3), np.uint8)})))
                  for b in (1, 3))
    drop = set()
    for pad in pad_nodes:
        pads = one[pad.input[1]]
        if not np.array_equal(pads, three[pad.input[1]]):
            raise RuntimeError(f"{pad.name}: padding depends on the batch size")
        users = [n for n in model.graph.node if pad.output[0] in n.input]
        mode = [a.s for a in pad.attribute if a.name == "mode"]
        if (len(users) != 1 or users[0].op_type != "Conv" or mode not in ([], [b"constant"])
                or (len(pad.input) > 2 and pad.input[2]) or pads[[0, 1, 4, 5]].any()):
            raise RuntimeError(f"{pad.name}: not a zero padding of a Conv's spatial dims")
        conv = users[0]
        attrs = {a.name: a for a in conv.attribute}
        old = list(attrs["pads"].ints) if "pads" in attrs else [0, 0, 0, 0]
        if "pads" in attrs:
            conv.attribute.remove(attrs["pads"])
        conv.attribute.append(helper.make_attribute(
            "pads", [int(v) for v in (old[0] + pads[2], old[1] + pads[3], old[2] + pads[6], old[3] + pads[7])]))
        conv.input[0] = pad.input[0]
        drop.add(id(pad))
    needed = {o.name for o in model.graph.output}
    keep = []
    for node in reversed([n for n in model.graph.node if id(n) not in drop]):
        if any(o in needed for o in node.output):
            keep.append(node)
            needed.update(i for i in node.input if i)
    del model.graph.node[:]
    model.graph.node.extend(reversed(keep))
    initializers = [i for i in model.graph.initializer if i.name in needed]
    del model.graph.initializer[:]
    model.graph.initializer.extend(initializers)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def weights_digest(model: nn.Module) -> str:
    h = hashlib.sha256()
    for key, tensor in model.state_dict().items():
        h.update(key.encode())
        h.update(tensor.detach().cpu().numpy().tobytes())
    return h.hexdigest()[:8]


def export_imagenet(folder: Path = MODELS_DIR) -> Path:
    """The generic (not fine-tuned) model: ImageNet Lite0, 224 px centre crop of 256."""
    model = load_imagenet()
    spec = ModelSpec(
        name="lite0-imagenet",
        version=f"lite0-imagenet-224-crop875-{weights_digest(model)}",
        input_size=224,
        mean=LITE_MEAN,
        std=LITE_STD,
        embedding_dim=FEATURE_DIM,
        crop_pct=0.875,
    )
    return export(model, spec, folder)


if __name__ == "__main__":
    print(export_imagenet())
