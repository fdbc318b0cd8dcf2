"""Shapes at VN-2000 TM-3 magnitudes (so that precision problems of real coordinates show
up) and a check that errors speak both languages, for the editing tests."""
import shapely

# A point in Hải Phòng's TM-3 zone (EPSG:9210), easting/northing in metres.
E0, N0 = 588_000.0, 2_309_000.0


def box(x0, y0, x1, y1):
    """A box given relative to (E0, N0)."""
    return shapely.box(E0 + x0, N0 + y0, E0 + x1, N0 + y1)


def rect(x0, y0, x1, y1):
    """Like :func:`box`, but vertex 0 is the south-west corner and side 0 the south side
    (shapely's box starts at the south-east corner)."""
    return shapely.Polygon([at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1)])


def at(x, y):
    return (E0 + x, N0 + y)


def bilingual(err):
    """The error speaks both languages, and they are different texts."""
    issue = getattr(err, "issue", err)
    assert issue.en and issue.vi and issue.en != issue.vi
    assert any(ch in issue.vi for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹý")
    return issue
