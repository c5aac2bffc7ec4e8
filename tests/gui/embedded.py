"""A catalogue of photos with stored embeddings and model logits (no image files), for
the window's learning from staff's categories.

Photos come in clusters of look-alikes. Each cluster has what it really is and what the
shipped model calls it; a cluster of blazers the model calls "outwear", say. Correcting a
few of its photos teaches the shop classifier, which then re-tags the rest of the cluster.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import insert

from fashiondesk.core.catalogue.models import AUTO, CATEGORY, OK, Embedding, Folder, Photo, Tag
from fashiondesk.core.vision.spec import shipped_spec

# (what it is, what the shipped model says)
CLUSTERS = (
    ("dress", "dress"), ("hat", "hat"), ("pants", "pants"), ("shoes", "shoes"), ("skirt", "skirt"),
    ("shirt", "shirt"), ("t-shirt", "t-shirt"), ("blazer", "outwear"), ("shorts", "pants"), ("longsleeve", "longsleeve"),
)


def fill_embedded(catalogue, n: int, clusters=CLUSTERS, folder: str = "/shop/photos", seed: int = 0,
                  paths: list[str] | None = None) -> dict[str, list[int]]:
    """``n`` photos dealt round ``clusters``; returns the photo ids of each cluster (by what
    it really is). ``paths`` (optional) names real files for the photos, in order."""
    spec = shipped_spec()
    version = f"{spec.version}/T{spec.temperature:g}"
    rng = np.random.default_rng(seed)
    dim = spec.embedding_dim
    centres = np.abs(rng.normal(size=(len(clusters), dim))).astype(np.float32)
    now = datetime(2026, 11, 27)
    members: dict[str, list[int]] = {truth: [] for truth, _ in clusters}
    photos, embeddings, tags = [], [], []
    for i in range(n):
        c = i % len(clusters)
        truth, said = clusters[c]
        pid = i + 1
        members[truth].append(pid)
        vector = np.abs(centres[c] + rng.normal(scale=0.6, size=dim)).astype(np.float32)
        vector /= np.linalg.norm(vector)
        logits = rng.normal(scale=0.3, size=len(spec.categories)).astype(np.float32)
        logits[spec.categories.index(said)] += 2.5
        probs = np.exp(logits / spec.temperature)
        probs /= probs.sum()
        path = paths[i] if paths else f"{folder}/{truth}/photo-{i:06d}.jpg"
        photos.append(dict(id=pid, folder_id=None, path=path, content_hash=f"{i:032x}", size=100_000 + i,
                           mtime=1.7e9, width=800, height=1200, status=OK, error=None, indexed_at=now))
        embeddings.append(dict(photo_id=pid, model_version=spec.version, vector=vector.tobytes(), seq=pid,
                               logits=logits.tobytes()))
        tags.append(dict(photo_id=pid, kind=CATEGORY, name=said, source=AUTO,
                         confidence=round(float(probs.max()), 4), value=None, source_version=version,
                         created_at=now))
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path=folder, added_at=now).returning(Folder.id)).scalar_one()
        for p in photos:
            p["folder_id"] = fid
        session.execute(insert(Photo), photos)
        session.execute(insert(Embedding), embeddings)
        session.execute(insert(Tag), tags)
    return members


def choose(window, photo_id: int, name: str) -> None:
    """Staff choose ``name`` in the Category box for that photo (and only that photo)."""
    window.grid.clearSelection()
    assert window.grid.select_photo(photo_id), f"photo {photo_id} is not in the grid"
    window.detail.category_chosen.emit(name)
