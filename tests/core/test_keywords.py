import shutil
import subprocess

import pytest
from PIL import Image
from sqlalchemy import select

from fashiondesk.core import keywords, services
from fashiondesk.core.catalogue.models import CUSTOM, Tag
from fashiondesk.core.export.xmp_sidecars import write_sidecar

LIGHTROOM = b'''<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmp:Rating="4" crs:Exposure2012="+0.35">
   <dc:subject><rdf:Bag><rdf:li>summer</rdf:li><rdf:li>linen</rdf:li></rdf:Bag></dc:subject>
   <lr:hierarchicalSubject><rdf:Bag><rdf:li>season|summer</rdf:li><rdf:li>fabric|linen</rdf:li></rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>'''


def test_a_merge_keeps_what_other_tools_wrote_and_replaces_only_its_own_branch():
    first = keywords.merge(LIGHTROOM, [("category", "dress"), ("colour", "navy"), ("tag", "new in")])
    text = first.decode("utf-8")
    for kept in ('xmp:Rating="4"', 'crs:Exposure2012="+0.35"', "season|summer", "fabric|linen", "Adobe XMP Core"):
        assert kept in text
    assert "fashiondesk|category|dress" in text and "fashiondesk/colour/navy" in text
    assert keywords.read(first) == ["summer", "linen"], "fashiondesk's own keywords are never read back as tags"
    second = keywords.merge(first, [("category", "skirt")])
    assert "dress" not in second.decode() and "navy" not in second.decode()
    assert "fashiondesk|category|skirt" in second.decode()
    assert keywords.merge(second, [("category", "skirt")]) == second, "the same keywords again: the same bytes"


def test_a_flat_keyword_the_shop_also_uses_stays_when_fashiondesk_drops_it():
    mine = keywords.merge(LIGHTROOM, [("tag", "summer"), ("colour", "red")])
    dropped = keywords.merge(mine, [])
    assert keywords.read(dropped) == ["summer", "linen"]
    assert "red" not in dropped.decode()


def test_reading_lightroom_and_digikam_keywords():
    packet = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              b'<rdf:Description xmlns:digiKam="http://www.digikam.org/ns/1.0/">'
              b'<digiKam:TagsList><rdf:Seq><rdf:li>Shop/Brand/Maison</rdf:li></rdf:Seq></digiKam:TagsList>'
              b'</rdf:Description></rdf:RDF></x:xmpmeta>')
    assert keywords.read(packet) == ["Maison"]
    assert keywords.read(LIGHTROOM) == ["summer", "linen"]


def test_a_sidecar_that_is_not_xmp_is_left_as_it_is(tmp_path):
    photo = tmp_path / "a.jpg"
    Image.new("RGB", (8, 8)).save(photo)
    sidecar = tmp_path / "a.jpg.xmp"
    sidecar.write_bytes(b"not xml at all")
    with pytest.raises(keywords.XmpError):
        write_sidecar(str(photo), [("category", "dress")])
    assert sidecar.read_bytes() == b"not xml at all"
    assert not (tmp_path / "a.jpg.xmp.part").exists()


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")
def test_exiftool_reads_the_sidecar_as_subject_and_hierarchical_subject(tmp_path):
    photo = tmp_path / "dress.jpg"
    Image.new("RGB", (8, 8)).save(photo)
    (tmp_path / "dress.jpg.xmp").write_bytes(LIGHTROOM)
    write_sidecar(str(photo), [("category", "dress"), ("colour", "navy"), ("tag", "été")])
    out = subprocess.run(["exiftool", "-s", "-Subject", "-HierarchicalSubject", "-TagsList", "-Rating",
                          str(tmp_path / "dress.jpg.xmp")], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in out.strip().splitlines())
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert fields["Subject"] == "summer, linen, dress, navy, été"
    assert fields["HierarchicalSubject"] == ("season|summer, fabric|linen, fashiondesk|category|dress, "
                                             "fashiondesk|colour|navy, fashiondesk|tag|été")
    assert fields["TagsList"] == "fashiondesk/category/dress, fashiondesk/colour/navy, fashiondesk/tag/été"
    assert fields["Rating"] == "4"


def custom_tags(catalogue):
    with catalogue.sessions() as s:
        return sorted((t.photo_id, t.name, t.source) for t in s.scalars(select(Tag).where(Tag.kind == CUSTOM)))


def test_indexing_reads_the_shops_keywords_once_and_forgets_none_staff_removed(catalogue, embedder, sample_photos):
    folder = sample_photos(3)
    first, second, third = sorted(folder.glob("*.jpg"))
    (folder / (first.name + ".xmp")).write_bytes(LIGHTROOM)  # digiKam's name
    # An XMP packet inside the second file: "boho" flat, "summer" only in the hierarchy.
    inside = LIGHTROOM.replace(b"summer</rdf:li><rdf:li>linen", b"boho</rdf:li><rdf:li>linen")
    with Image.open(second) as im:
        im.save(second, "JPEG", quality=90, xmp=inside)
    services.add_folders(catalogue, [folder])
    summary = services.index(catalogue, embedder=embedder)
    assert summary.keywords_added == 5
    ids = dict((p.name, i) for p, i in zip([first, second], services.photo_ids_at(catalogue, [str(first), str(second)])))
    assert custom_tags(catalogue) == sorted([(ids[first.name], "summer", "file"), (ids[first.name], "linen", "file"),
                                             (ids[second.name], "boho", "file"), (ids[second.name], "linen", "file"),
                                             (ids[second.name], "summer", "file")])
    # Staff remove one; fashiondesk writes its sidecars (the file changes); the next index
    # reads again, and the removed keyword stays removed.
    tag = next(t for t in services.browse.photo_detail(catalogue, ids[first.name]).tags if t.name == "summer")
    services.remove_tag(catalogue, tag.id)
    assert services.write_xmp(catalogue).written == 3
    assert services.index(catalogue, embedder=embedder).keywords_added == 0
    assert (ids[first.name], "summer", "file") not in custom_tags(catalogue)
    assert not (folder / (third.name + ".xmp")).read_bytes().count(b"summer")
    # The shop adds a keyword in Lightroom: it comes in.
    sidecar = folder / (first.name + ".xmp")
    sidecar.write_bytes(sidecar.read_bytes().replace(b"<rdf:li>linen</rdf:li>", b"<rdf:li>linen</rdf:li><rdf:li>silk</rdf:li>", 1))
    assert services.index(catalogue, embedder=embedder).keywords_added == 1


def test_write_xmp_for_named_photos_reports_a_folder_it_cannot_write(catalogue, embedder, sample_photos, tmp_path):
    folder = sample_photos(2)
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    first, second = sorted(str(p) for p in folder.glob("*.jpg"))
    services.tag(catalogue, [first], add=["sale"])
    report = services.write_xmp(catalogue, [first])
    assert (report.written, report.failed) == (1, [])
    assert b"fashiondesk|tag|sale" in open(first + ".xmp", "rb").read()
    with pytest.raises(services.UserError, match="not in the catalogue"):
        services.write_xmp(catalogue, [str(tmp_path / "nowhere.jpg")])
    (folder / (second.rsplit("/", 1)[1] + ".xmp")).mkdir()  # a folder where the sidecar should go
    report = services.write_xmp(catalogue)
    assert report.unchanged == 1 and len(report.failed) == 1 and report.failed[0][0] == second


def _with_iptc_keywords(path, words):
    """The JPEG with an IPTC block (as Photoshop and Lightroom write it) holding ``words``."""
    def dataset(record, number, data):
        return bytes([0x1C, record, number]) + len(data).to_bytes(2, "big") + data

    iptc = dataset(1, 90, b"\x1b%G") + b"".join(dataset(2, 25, w.encode("utf-8")) for w in words)
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    resource += b"\x00" * (len(iptc) % 2)
    body = b"Photoshop 3.0\x00" + resource
    data = path.read_bytes()
    path.write_bytes(data[:2] + b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body + data[2:])


def test_iptc_keywords_inside_a_jpeg_are_read(tmp_path):
    photo = tmp_path / "a.jpg"
    Image.new("RGB", (16, 16), (200, 30, 30)).save(photo)
    _with_iptc_keywords(photo, ["Maison", "été 2026"])
    assert keywords.embedded(str(photo)) == ["Maison", "été 2026"]
    with Image.open(photo) as im:
        im.load()  # still a photo every reader opens


def test_keywords_inside_a_jpeg_only_after_a_backup_and_with_the_same_pixels(catalogue, embedder, sample_photos):
    folder = sample_photos(2)
    first, second = sorted(folder.glob("*.jpg"))
    assert second
    with Image.open(first) as im:
        im.save(first, "JPEG", quality=85, xmp=LIGHTROOM)
    _with_iptc_keywords(first, ["Maison"])
    before = first.read_bytes()
    with Image.open(first) as im:
        pixels = im.tobytes()
    png = folder / "flat.png"
    Image.new("RGB", (32, 32), (10, 20, 30)).save(png)
    png_before = png.read_bytes()
    services.add_folders(catalogue, [folder])
    services.index(catalogue, embedder=embedder)
    services.tag(catalogue, [str(first)], add=["new in"])

    locked = sorted(folder.glob("*.jpg"))[1]
    locked.chmod(0o444)
    report = services.write_xmp(catalogue, inside=True)
    assert report.written == 1 and len(report.failed) == 2
    reasons = dict(report.failed)
    assert "only JPEG" in reasons[str(png)] and "read-only" in reasons[str(locked)]
    locked.chmod(0o644)
    assert services.write_xmp(catalogue, inside=True).written == 1
    assert png.read_bytes() == png_before and not (folder / "flat.png.xmp").exists()
    with Image.open(first) as im:
        assert im.tobytes() == pixels, "the image itself untouched"
    assert keywords.read(Image.open(first).info["xmp"]) == ["summer", "linen"], "the shop's keywords kept"
    assert keywords.embedded(str(first))[:3] == ["summer", "linen", "Maison"], "and its IPTC block"
    assert b"fashiondesk|tag|new in" in first.read_bytes()
    kept = services.originals_folder(catalogue)
    backups = [p for p in kept.iterdir() if p.name.endswith(first.name)]
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert str(first) in (kept / "index.csv").read_text(encoding="utf-8")
    again = services.index(catalogue, embedder=embedder)
    assert (again.indexed, again.unchanged) == (0, 3), "the catalogue follows the rewritten files"
    assert services.write_xmp(catalogue, inside=True).written == 0


BRIDGE = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
          b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
          b'<dc:subject><rdf:Bag><rdf:li>dress</rdf:li><rdf:li>sale</rdf:li></rdf:Bag></dc:subject>'
          b'</rdf:Description></rdf:RDF></x:xmpmeta>')


def test_a_flat_keyword_the_shop_had_before_stays_theirs():
    """Bridge and Windows write dc:subject only: a word fashiondesk also writes ("dress")
    remains the shop's, is read as theirs, and stays when fashiondesk's category changes."""
    first = keywords.merge(BRIDGE, [("category", "dress"), ("colour", "navy")])
    assert keywords.read(first) == ["dress", "sale"]
    second = keywords.merge(first, [("category", "skirt")])
    assert keywords.read(second) == ["dress", "sale"]
    flat = second.decode()
    assert "<rdf:li>dress</rdf:li>" in flat and "navy" not in flat and "<rdf:li>skirt</rdf:li>" in flat
    assert keywords.merge(second, [("category", "skirt")]) == second


def test_a_sidecar_with_machine_named_prefixes_is_merged_not_fatal():
    odd = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description rdf:about="" xmlns:ns0="http://example.com/a/" xmlns:ns1="http://example.com/b/" '
           b'ns0:Rating="3" ns1:Label="x"/></rdf:RDF></x:xmpmeta>')
    merged = keywords.merge(odd, [("category", "dress")])
    assert b'="3"' in merged and b'="x"' in merged and b"fashiondesk|category|dress" in merged
