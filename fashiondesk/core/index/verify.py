"""Is one photo an altered copy of another? Checked on their fingerprints
(``vision.fingerprint``), for many pairs at once.

1. **Where**: the copy may be a crop (up to about 15% a side, another shape), mirrored,
   turned a few degrees. Each photo's grey fingerprint is sampled over a fixed set of boxes
   (``BOXES``: the whole, smaller boxes at the corners, edges and centre, other shapes, small
   turns); the other photo, whole and mirrored, is compared with each box (correlation of
   10 x 10 images, so brightness, contrast and white balance do not count) in both directions.
   The best box says which photo holds the other and roughly where.
2. **Exactly where**: from that box, the alignment is refined by maximising the correlation
   over every affine map (ECC: Evangelidis and Psarakis, 2008) at 32 x 32.
3. **Detail**: once aligned, how well the fine detail agrees (correlation of the two images'
   high-pass parts: folds, seams, print, texture). A copy keeps its detail however it was
   resized, re-saved, cropped or edited (0.93-1.0 measured); another photo of a similar garment
   in the same studio set-up has the same outline but not the same detail (at most 0.78
   measured). This is the score the threshold applies to.
4. **Colour**: the same garment in another colour has the same detail; the colours are
   compared aligned, as chromaticity once white balance, brightness and saturation edits
   are taken out (``colour``).
"""

from __future__ import annotations

import functools

import numpy as np

from fashiondesk.core.vision.fingerprint import COLOUR, LUMA

COARSE = 10  # side of the images compared to find the box
FINE = 32  # side of the images aligned and compared for detail
HALF_STEPS = 4  # alignment steps at half size...
ECC_STEPS = 2  # ...then at FINE...
FULL_STEPS = 2  # ...and again at 64 x 64 for pairs framed alike (full_detail)
EPS = 1e-6


def _boxes() -> np.ndarray:
    """(x, y, width, height, turn in radians) of the boxes tried, in a photo's [0, 1] square."""
    out = [(0.0, 0.0, 1.0, 1.0, 0.0)]
    for turn in (-0.05, 0.05):  # about 3 degrees
        out.append((0.0, 0.0, 1.0, 1.0, turn))
        out.append((0.05, 0.05, 0.9, 0.9, turn))
    for size in (0.9, 0.8, 0.7):
        slack = 1.0 - size
        steps = (0.0, slack / 2, slack)
        out += [(x, y, size, size, 0.0) for x in steps for y in steps]
    for short in (0.9, 0.8, 0.7, 0.6):  # another shape: a square or 4:5 crop of a portrait photo
        slack = 1.0 - short
        for at in (0.0, slack / 2, slack):
            out.append((0.0, at, 1.0, short, 0.0))
            out.append((at, 0.0, short, 1.0, 0.0))
    return np.array(out, dtype=np.float64)


BOXES = _boxes()


def _grid(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates of an n x n image, as fractions in [0, 1]."""
    g = (np.arange(n) + 0.5) / n
    u, v = np.meshgrid(g, g)
    return u.ravel(), v.ravel()


def _box_points(box: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Where the pixels of an n x n image of ``box`` fall in the photo's [0, 1] square."""
    x, y, w, h, turn = box
    u, v = _grid(n)
    du, dv = (u - 0.5) * w, (v - 0.5) * h
    c, s = np.cos(turn), np.sin(turn)
    return x + w / 2 + c * du - s * dv, y + h / 2 + s * du + c * dv


def _bilinear(images: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sample (N, S, S) images, or (N, C, S, S) stacks of C images, at pixel coordinates
    (continuous, pixel i centred on i + 0.5); x, y of shape (M,) (the same points in every
    image) or (N, M). Returns (N, M) or (N, C, M)."""
    stacked = images.ndim == 4
    if not stacked:
        images = images[:, None]
    n, channels, side = images.shape[0], images.shape[1], images.shape[2]
    x = np.clip(np.asarray(x, dtype=np.float32) - 0.5, 0.0, side - 1.001)
    y = np.clip(np.asarray(y, dtype=np.float32) - 0.5, 0.0, side - 1.001)
    x0, y0 = x.astype(np.intp), y.astype(np.intp)
    fx, fy = x - x0, y - y0
    at = y0 * side + x0
    if at.ndim == 1:  # the same points in every image: gather along each image's own row
        rows = images.reshape(n * channels, side * side)

        def pick(offset: int) -> np.ndarray:
            return np.take(rows, at + offset, axis=1).reshape(n, channels, -1)
    else:  # each image its points: one flat gather, each image's offset added to its points
        flat = images.reshape(-1)
        at = (np.arange(n * channels) * side * side).reshape(n, channels, 1) + at[:, None, :]
        fx, fy = fx[:, None, :], fy[:, None, :]

        def pick(offset: int) -> np.ndarray:
            return flat[at + offset]
    top = pick(0) * (1 - fx) + pick(1) * fx
    bottom = pick(side) * (1 - fx) + pick(side + 1) * fx
    out = top * (1 - fy) + bottom * fy
    return out if stacked else out[:, 0]


def _normalised(x: np.ndarray) -> np.ndarray:
    """Zero mean, unit length along the last axis (so a dot product is a correlation)."""
    x = x - x.mean(axis=-1, keepdims=True)
    return x / (np.sqrt((x * x).sum(axis=-1, keepdims=True)) + EPS)


def _mirror(flat: np.ndarray, n: int) -> np.ndarray:
    return flat.reshape(*flat.shape[:-1], n, n)[..., ::-1].reshape(flat.shape)


def _half(images: np.ndarray) -> np.ndarray:
    """Each image at half its side (2 x 2 means), float32."""
    out = images[:, ::2, ::2].astype(np.float32)
    out += images[:, 1::2, ::2]
    out += images[:, ::2, 1::2]
    out += images[:, 1::2, 1::2]
    out *= 0.25
    return out


def _axis_weights(start: float, size: float, n: int, side: int) -> np.ndarray:
    """(n, side): linear interpolation of n samples across [start, start + size] of an axis
    of ``side`` pixels (a fraction of it), as a matrix."""
    at = np.clip((start + (np.arange(n) + 0.5) / n * size) * side - 0.5, 0.0, side - 1.001)
    low = at.astype(np.intp)
    weights = np.zeros((n, side), dtype=np.float32)
    weights[np.arange(n), low] = 1.0 - (at - low)
    weights[np.arange(n), low + 1] += at - low
    return weights


@functools.lru_cache(maxsize=4)
def _straight_weights(boxes: bytes, side: int) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The boxes not turned (their numbers), and the matrices that sample their columns
    (all boxes side by side) and their rows (one per box); made once for a set of boxes."""
    table = np.frombuffer(boxes, dtype=np.float64).reshape(-1, 5)
    straight = [k for k, b in enumerate(table) if b[4] == 0.0]
    across = np.concatenate([_axis_weights(table[k][0], table[k][2], COARSE, side) for k in straight])
    down = np.stack([_axis_weights(table[k][1], table[k][3], COARSE, side) for k in straight])
    across.flags.writeable = down.flags.writeable = False
    return straight, across, down


def box_features(luma: np.ndarray, boxes: np.ndarray = BOXES) -> np.ndarray:
    """(N, boxes, COARSE^2): each photo seen through every box. A box not turned is two
    small matrix products (rows, then columns); a turned one is sampled point by point."""
    small = _half(luma)  # 32 x 32, less aliasing
    side = small.shape[1]
    out = np.empty((len(luma), len(boxes), COARSE, COARSE), dtype=np.float32)
    straight, across, down = _straight_weights(np.ascontiguousarray(boxes, dtype=np.float64).tobytes(), side)
    columns = small.reshape(-1, side) @ across.T  # (N * side, boxes * COARSE): every box's columns at once
    # (boxes, side, N * COARSE), so that each box's rows are one matrix product over every photo
    columns = columns.reshape(len(luma), side, len(straight), COARSE).transpose(2, 1, 0, 3)
    columns = columns.reshape(len(straight), side, -1)
    rows = (down @ columns).reshape(len(straight), COARSE, len(luma), COARSE)  # (boxes, COARSE, N, COARSE)
    out[:, straight] = rows.transpose(2, 0, 1, 3)
    for k in (k for k, b in enumerate(boxes) if b[4] != 0.0):
        x, y = _box_points(boxes[k], COARSE)
        out[:, k] = _bilinear(small, x * side, y * side).reshape(-1, COARSE, COARSE)
    return _normalised(out.reshape(len(luma), len(boxes), -1))


def whole_features(luma: np.ndarray) -> np.ndarray:
    """(N, 2, COARSE^2): each photo whole, and mirrored."""
    whole = box_features(luma, BOXES[:1])[:, 0]
    return np.stack([whole, _mirror(whole, COARSE)], axis=1)


def start_maps(box: np.ndarray) -> np.ndarray:
    """(P, 2, 3) affine maps from template pixels (FINE) to container pixels (LUMA)."""
    x, y, w, h, turn = box.T
    c, s = np.cos(turn), np.sin(turn)
    cx, cy = x + w / 2, y + h / 2
    k = LUMA / FINE
    return np.stack([
        np.stack([k * c * w, -k * s * h, LUMA * (cx - c * w / 2 + s * h / 2)], axis=1),
        np.stack([k * s * w, k * c * h, LUMA * (cy - s * w / 2 - c * h / 2)], axis=1),
    ], axis=1)


def _warp_points(p: np.ndarray, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    q = p.astype(np.float32)
    x = q[:, 0, 0, None] * u + q[:, 0, 1, None] * v + q[:, 0, 2, None]
    y = q[:, 1, 0, None] * u + q[:, 1, 1, None] * v + q[:, 1, 2, None]
    return x, y


def align(container: np.ndarray, template: np.ndarray, start: np.ndarray,
          give_up: float = -1.0) -> tuple[np.ndarray, np.ndarray]:
    """ECC: the affine map from each template (P, FINE, FINE) into its container (P, LUMA,
    LUMA) that maximises their correlation, from ``start``; returns (maps, correlations).
    Most steps are taken at half size (a quarter of the work), the last ones at full size,
    only for the pairs that correlate at least ``give_up`` at half size (the others keep
    their half-size map and correlation)."""
    p = start.astype(np.float64).copy()
    p[:, :, 2] /= 2  # at half size the linear part stays, the shift halves
    p, rho = _ecc(_half(container), _half(template), p, HALF_STEPS)
    p[:, :, 2] *= 2
    go = rho >= give_up
    if go.any():
        p[go], rho[go] = _ecc(container[go], template[go], p[go], ECC_STEPS)
    return p, rho


def _ecc(container: np.ndarray, template: np.ndarray, start: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray]:
    pairs, side = len(container), template.shape[1]
    container = np.ascontiguousarray(container, dtype=np.float32)
    u, v = _grid(side)
    u, v = (u * side).astype(np.float32), (v * side).astype(np.float32)
    t = template.reshape(pairs, -1).astype(np.float32)
    t = t - t.mean(axis=1, keepdims=True)
    t_sq = (t * t).sum(axis=1)
    t_norm = np.sqrt(t_sq) + EPS
    p = start.astype(np.float64)
    best_p, best_rho = p.copy(), np.full(pairs, -2.0)
    eye = np.eye(6) * 1e-3
    for _ in range(steps + 1):
        x, y = _warp_points(p, u, v)
        image = _bilinear(container, x, y)
        i = image - image.mean(axis=1, keepdims=True)
        corr = (t * i).sum(axis=1)
        rho = corr / (t_norm * (np.sqrt((i * i).sum(axis=1)) + EPS))
        better = rho > best_rho
        best_rho = np.where(better, rho, best_rho)
        best_p[better] = p[better]
        ix, iy = _container_gradient(image, p)
        jac = np.stack([ix * u, ix * v, ix, iy * u, iy * v, iy], axis=1)  # (P, 6, M)
        jac -= jac.mean(axis=2, keepdims=True)
        hess = (jac @ jac.transpose(0, 2, 1)).astype(np.float64) + eye
        both = jac @ np.stack([i, t], axis=2)  # (P, 6, 2): image and template projections
        i_proj, t_proj = both[..., 0].astype(np.float64), both[..., 1].astype(np.float64)
        h_both = np.linalg.solve(hess, np.stack([i_proj, t_proj], axis=2))
        h_i, h_t = h_both[..., 0], h_both[..., 1]
        num = (i * i).sum(axis=1) - (i_proj * h_i).sum(axis=1)
        den = corr - (t_proj * h_i).sum(axis=1)
        fallback = np.maximum(
            np.sqrt(np.maximum(num, 0) / np.maximum(t_sq - (t_proj * h_t).sum(axis=1), EPS)),
            ((i_proj * h_t).sum(axis=1) - corr) / np.maximum((t_proj * h_t).sum(axis=1), EPS),
        )
        lam = np.where(den > EPS, num / np.where(den > EPS, den, 1.0), fallback)
        error = (lam[:, None] * t - i).astype(np.float32)
        step = np.linalg.solve(hess, (jac @ error[..., None]).astype(np.float64))[..., 0]
        p = p + step.reshape(pairs, 2, 3)
    return best_p, best_rho


def _container_gradient(warped: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The container's gradient at the warped points, from the warped image's own gradient
    (chain rule: d(I o W)/d(u, v) = A^T grad I, A the map's linear part): the container is
    sampled once an iteration, not three times."""
    side = int(round(warped.shape[1] ** 0.5))
    dv, du = np.gradient(warped.reshape(len(p), side, side), axis=(1, 2))
    du, dv = du.reshape(len(p), -1), dv.reshape(len(p), -1)
    a = p[:, :, :2].astype(np.float32)
    det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
    det = np.where(np.abs(det) < EPS, EPS, det)[:, None]
    ix = (a[:, 1, 1, None] * du - a[:, 1, 0, None] * dv) / det  # grad I = A^-T (du, dv)
    iy = (-a[:, 0, 1, None] * du + a[:, 0, 0, None] * dv) / det
    return ix, iy


def _high_pass(images: np.ndarray) -> np.ndarray:
    """Each (N, n, n) image minus its 3 x 3 local mean, flattened and normalised."""
    return _normalised((images - _local_mean(images)).reshape(len(images), -1))


def templates(luma: np.ndarray, mirrored: np.ndarray) -> np.ndarray:
    """(P, FINE, FINE): each photo whole at FINE, mirrored where asked."""
    k = LUMA // FINE
    small = luma.reshape(-1, FINE, k, FINE, k).mean(axis=(2, 4), dtype=np.float32)
    return np.where(mirrored[:, None, None], small[:, :, ::-1], small)


def detail(container: np.ndarray, template: np.ndarray, p: np.ndarray) -> np.ndarray:
    """How well the fine detail agrees once aligned by ``p`` (correlation of high-pass parts)."""
    u, v = _grid(FINE)
    x, y = _warp_points(p, u * FINE, v * FINE)
    warped = _bilinear(container, x, y).reshape(-1, FINE, FINE)
    return (_high_pass(warped) * _high_pass(template)).sum(axis=1)


PATCHES = 4  # the aligned FINE x FINE images are compared in PATCHES x PATCHES squares too
FLAT = 2.0  # grey levels of high-pass spread under which a square has no detail to compare
SAME_FRAMING = 0.9  # framed alike: the copy covers at least this share of the other (square root of the area)


def patch_detail(container: np.ndarray, template: np.ndarray, p: np.ndarray, quantile: float = 0.25) -> np.ndarray:
    """The detail agreement of the squares of the aligned images that have detail (a plain
    background has none), at ``quantile``: a garment swapped on the same background
    disagrees in the squares it covers, however well the background agrees."""
    u, v = _grid(FINE)
    x, y = _warp_points(p, u * FINE, v * FINE)
    warped = _bilinear(container, x, y).reshape(-1, FINE, FINE)
    return _square_quantile(warped, template, PATCHES, quantile)


def _square_quantile(a: np.ndarray, b: np.ndarray, grid: int, quantile: float) -> np.ndarray:
    n, side = len(a), a.shape[1] // grid

    def squares(images: np.ndarray) -> np.ndarray:
        high = images - _local_mean(images)
        out = high.reshape(n, grid, side, grid, side).transpose(0, 1, 3, 2, 4).reshape(n, grid * grid, -1)
        return out - out.mean(axis=2, keepdims=True)

    sa, sb = squares(a), squares(b)
    spread_a, spread_b = np.sqrt((sa * sa).mean(axis=2)), np.sqrt((sb * sb).mean(axis=2))
    agree = (sa * sb).mean(axis=2) / (spread_a * spread_b + EPS)
    detailed = np.maximum(spread_a, spread_b) > FLAT
    enough = detailed.sum(axis=1) >= 4  # otherwise the photos have too little detail to say
    masked = np.where(detailed, agree, np.nan)
    with np.errstate(all="ignore"):
        low = np.nanquantile(np.where(enough[:, None], masked, 1.0), quantile, axis=1)
    return np.where(enough, low, 1.0)


def _local_mean(images: np.ndarray) -> np.ndarray:
    n = images.shape[1]
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")
    total = np.zeros_like(images)
    for i in range(3):
        for j in range(3):
            total += padded[:, i : i + n, j : j + n]
    return total / 9.0


def full_detail(container: np.ndarray, content: np.ndarray, mirrored: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Detail agreement at the fingerprint's full 64 x 64, for pairs framed alike (neither a
    crop of the other), after two more alignment steps at that size: another garment in the
    same set-up differs there even when it agrees at 32 x 32. A pair of which one is a crop of
    the other gets 1.0 (the crop has detail the whole photo's fingerprint cannot hold at that
    scale)."""
    covered = np.sqrt(np.abs(np.linalg.det(p[:, :, :2]))) * FINE / LUMA  # the content's share of the container
    out = np.ones(len(p))
    alike = covered >= SAME_FRAMING
    if not alike.any():
        return out
    own = np.where(mirrored[alike, None, None], content[alike, :, ::-1], content[alike]).astype(np.float32)
    full = p[alike].astype(np.float64).copy()
    full[:, :, :2] *= FINE / LUMA  # template pixels are half as large
    full, _ = _ecc(container[alike], own, full, FULL_STEPS)
    u, v = _grid(LUMA)
    x, y = _warp_points(full, u * LUMA, v * LUMA)
    warped = _bilinear(container[alike], x, y).reshape(-1, LUMA, LUMA)
    out[alike] = (_normalised((warped - _local_mean(warped)).reshape(len(warped), -1))
                  * _normalised((own - _local_mean(own)).reshape(len(own), -1))).sum(axis=1)
    return out



COLOUR_POINTS = 8


def _opponent(rgb: np.ndarray) -> np.ndarray:
    """(P, M, 3) colours as (P, M, 2) opponent chromaticity (red-green, yellow-blue), after
    dividing each channel by its mean over the photo (a white-balance gain cancels) and each
    colour by its brightness (a brightness change cancels): grey is (0, 0)."""
    z = rgb / (rgb.mean(axis=1, keepdims=True) + 1.0)
    z = z / (z.sum(axis=2, keepdims=True) + 1e-3)
    return np.stack([(z[..., 0] - z[..., 1]) / np.sqrt(2), (z[..., 0] + z[..., 1] - 2 * z[..., 2]) / np.sqrt(6)],
                    axis=2)


def colour(container: np.ndarray, content: np.ndarray, mirrored: np.ndarray, p: np.ndarray) -> np.ndarray:
    """How much the colours disagree once aligned by ``p``, from 0 (the same colours, or the
    same up to more or less saturation) to 1; containers and contents are (P, COLOUR,
    COLOUR, 3). A recoloured garment scores high (0.5 for a hue turned a third of the way
    round, measured), a white-balance, contrast or brightness edit low (at most 0.32)."""
    k = COLOUR // COLOUR_POINTS
    small = content.reshape(-1, COLOUR_POINTS, k, COLOUR_POINTS, k, 3).mean(axis=(2, 4))
    small = np.where(mirrored[:, None, None, None], small[:, :, ::-1], small).reshape(len(container), -1, 3)
    u, v = _grid(COLOUR_POINTS)
    x, y = _warp_points(p, u * FINE, v * FINE)  # template pixels -> container luma pixels
    scale = COLOUR / LUMA
    seen = np.stack([_bilinear(np.ascontiguousarray(container[..., c]), x * scale, y * scale) for c in range(3)],
                    axis=2)
    a, b = _opponent(small), _opponent(seen)
    gain = np.clip((a * b).sum(axis=(1, 2)) / ((a * a).sum(axis=(1, 2)) + EPS), 0.5, 2.0)  # saturation edits
    residual = np.sqrt(((b - gain[:, None, None] * a) ** 2).sum(axis=2)).sum(axis=1)
    total = (np.sqrt((a * a).sum(axis=2)) + np.sqrt((b * b).sum(axis=2))).sum(axis=1)
    return residual / (total + 0.02 * a.shape[1])
