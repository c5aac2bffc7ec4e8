"""A large catalogue without images, for timing the queries and views the window runs."""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import insert

from fashiondesk.core.catalogue.models import AUTO, CATEGORY, COLOUR, CUSTOM, MANUAL, OK, Folder, Photo, Tag

CATEGORIES = ("dress", "hat", "longsleeve", "outwear", "pants", "shirt", "shoes", "shorts", "skirt", "t-shirt")
COLOURS = (("black", "#1c1c1c"), ("navy", "#26304a"), ("red", "#b0282d"), ("white", "#f0f0ee"), ("beige", "#d8c3a0"))


def fill(catalogue, n: int, folder: str = "/shop/photos", seed: int = 0) -> None:
    """n photos in one folder, each with a category, a colour and (one in ten) a custom tag."""
    rng = random.Random(seed)
    now = datetime(2026, 11, 27)
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path=folder, added_at=now).returning(Folder.id)).scalar_one()
        session.execute(
            insert(Photo),
            [
                dict(id=i + 1, folder_id=fid, path=f"{folder}/{CATEGORIES[i % 10]}/photo-{i:06d}.jpg",
                     content_hash=f"{i:032x}", size=100_000 + i, mtime=1.7e9, width=800, height=1200,
                     status=OK, error=None, indexed_at=now)
                for i in range(n)
            ],
        )
        tags = []
        for i in range(n):
            tags.append(dict(photo_id=i + 1, kind=CATEGORY, name=CATEGORIES[(i + (i % 7 == 0)) % 10], source=AUTO,
                             confidence=round(rng.uniform(0.3, 1.0), 4), value=None, created_at=now))
            name, value = COLOURS[rng.randrange(len(COLOURS))]
            tags.append(dict(photo_id=i + 1, kind=COLOUR, name=name, source=AUTO, confidence=0.6, value=value,
                             created_at=now))
            if i % 10 == 0:
                tags.append(dict(photo_id=i + 1, kind=CUSTOM, name=f"collection {i % 50}", source=MANUAL,
                                 confidence=None, value=None, created_at=now))
        session.execute(insert(Tag), tags)


def taught_world(catalogue, per_class: int = 30, dim: int = 64, seed: int = 0) -> dict[str, list[int]]:
    """A catalogue whose photos have embeddings and logits but no files, built so that what
    teaching should do is known. Each of the shipped model's ten categories is a cluster the
    model names right, except:

    - ``worn t-shirt``: t-shirts in another photo style (an offset shared by all of them),
      which the model calls longsleeve;
    - ``blazer``: a category the model never learnt, near outwear, which it calls outwear.

    Returns the photo ids of each group: the ten categories (their plain photos), plus
    "worn t-shirt" and "blazer". Every photo starts with the model's category, as after
    indexing.
    """
    import numpy as np

    from fashiondesk.core.catalogue.models import Embedding
    from fashiondesk.core.vision.spec import shipped_spec

    spec = shipped_spec()
    rng = np.random.default_rng(seed)
    centres = {c: rng.uniform(0, 1, dim) * (rng.uniform(0, 1, dim) < 0.3) for c in spec.categories}
    style = rng.uniform(0, 1, dim) * (rng.uniform(0, 1, dim) < 0.3)
    own = rng.uniform(0, 1, dim) * (rng.uniform(0, 1, dim) < 0.3)
    groups: dict[str, tuple[np.ndarray, str]] = {c: (centres[c], c) for c in spec.categories}
    groups["worn t-shirt"] = (0.5 * centres["t-shirt"] + 0.9 * style, "longsleeve")
    groups["blazer"] = (0.5 * centres["outwear"] + 0.8 * own, "outwear")
    now = datetime(2026, 11, 27)
    ids: dict[str, list[int]] = {}
    photos, embeddings, tags = [], [], []
    with catalogue.sessions() as session, session.begin():
        fid = session.execute(insert(Folder).values(path="/shop", added_at=now).returning(Folder.id)).scalar_one()
        next_id = 1
        for name, (centre, said) in groups.items():
            for _ in range(per_class):
                vector = np.clip(centre + rng.normal(0, 0.12, dim), 0, None).astype(np.float32)
                vector /= np.linalg.norm(vector)
                logits = rng.normal(0, 0.5, len(spec.categories)).astype(np.float32)
                logits[spec.categories.index(said)] += 3.0
                probs = np.exp(logits / spec.temperature)
                probs /= probs.sum()
                photos.append(dict(id=next_id, folder_id=fid, path=f"/shop/{name}/{next_id:05d}.jpg",
                                   content_hash=f"{next_id:032x}", size=1000, mtime=1.7e9, status=OK, indexed_at=now))
                embeddings.append(dict(photo_id=next_id, model_version=spec.version, vector=vector.tobytes(),
                                       seq=next_id, logits=logits.tobytes()))
                tags.append(dict(photo_id=next_id, kind=CATEGORY, name=said, source=AUTO, created_at=now,
                                 confidence=round(float(probs.max()), 4),
                                 source_version=f"{spec.version}/T{spec.temperature:g}"))
                ids.setdefault(name, []).append(next_id)
                next_id += 1
        session.execute(insert(Photo), photos)
        session.execute(insert(Embedding), embeddings)
        session.execute(insert(Tag), tags)
    return ids
