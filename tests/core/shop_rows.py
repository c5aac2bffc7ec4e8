"""Photos put straight into a catalogue (no decoding, no model): for tests of products,
imports and exports, which only read rows."""

from __future__ import annotations

from pathlib import Path

from fashiondesk.core.catalogue.models import AUTO, CATEGORY, COLOUR, OK, Folder, Photo, Tag


def add_photos(catalogue, folder: Path, names: list[str], category: str = "dress", colour: str = "navy",
               confidence: float = 0.99) -> dict[str, int]:
    """{file name: photo id} for photos at folder/name, each with an automatic category and colour."""
    ids = {}
    with catalogue.sessions() as session, session.begin():
        row = Folder(path=str(folder))
        session.add(row)
        session.flush()
        for n, name in enumerate(names):
            photo = Photo(folder_id=row.id, path=str(folder / name), content_hash=f"{n:032x}", size=1000 + n,
                          mtime=1.0, width=400, height=533, status=OK)
            session.add(photo)
            session.flush()
            session.add_all([
                Tag(photo_id=photo.id, kind=CATEGORY, name=category, source=AUTO, confidence=confidence),
                Tag(photo_id=photo.id, kind=COLOUR, name=colour, source=AUTO, confidence=0.6, value="#1f2a44"),
            ])
            ids[name] = photo.id
    return ids
