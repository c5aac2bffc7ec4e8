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
