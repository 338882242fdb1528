#!/usr/bin/python3
"""Builds a case's full-detail land file from GSHHG full resolution (called by scripts/fetch-geodata).

GMT stores GSHHG in bins and `gmt coast -Df -W -M` dumps the shoreline only as pieces cut at the bin
edges, so the pieces (with the region's outline, which closes the land crossing it) are noded and
polygonized here. Each face is land or sea: `gmt select` tests a point inside it against the same
GSHHG data. Only level-1 shorelines are used (land against ocean): lakes are not cut out, as in the
default land. Each land face takes the country of the DCW country polygon (`gmt coast -E... -M`,
Debian gmt-dcw) it overlaps most, or of the nearest one when it overlaps none (islets DCW leaves out),
measured in the case's conformal projection. Disputed units get the holder and territory id of the
box their inner point lies in (boxes in order: the first that holds it wins); `name` is set on the
polygons named by NAME:COUNTRY:MIN_AREA_DEG2:W:S:E:N rules.

usage: gshhg-land.py OUT.shp W S E N CRS --dcw CODE=ISO3,... [--disputed HOLDER:TERRITORY:W:S:E:N ...]
                     [--name NAME:COUNTRY:MIN_AREA:W:S:E:N ...]
"""
import argparse
import subprocess
import sys
import tempfile
from osgeo import ogr

from landlib import box, lonlat_crs, polygons, to_case_crs


def gmt(args, cwd, stdin=None):
    """Runs gmt in a scratch folder (it writes gmt.history where it runs); returns its standard output."""
    return subprocess.run(["gmt", *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=True).stdout


def segments(text):
    """(header, [(x, y), ...]) for each segment of GMT's multi-segment text output."""
    out = []
    for line in text.splitlines():
        if line.startswith(">"):
            out.append((line[1:].strip(), []))
        elif line.strip():
            x, y = map(float, line.split()[:2])
            out[-1][1].append((x, y))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("bounds", nargs=4, type=float)
    p.add_argument("crs")
    p.add_argument("--dcw", required=True, help="DCW codes and the ISO alpha-3 code to write, e.g. JP=JPN,RU=RUS")
    p.add_argument("--disputed", nargs="*", default=[])
    p.add_argument("--name", nargs="*", default=[])
    a = p.parse_args()
    w, s, e, n = a.bounds
    region = f"-R{w}/{e}/{s}/{n}"
    dcw = dict(pair.split("=") for pair in a.dcw.split(","))
    scratch_dir = tempfile.TemporaryDirectory()  # removed when the script ends
    scratch = scratch_dir.name

    # Shoreline pieces (level 1 only) and the region's outline, noded together, then polygonized.
    lines = ogr.Geometry(ogr.wkbMultiLineString)
    for _, pts in segments(gmt(["coast", region, "-Df", "-A0/1/1", "-W", "-M"], scratch)):
        if len(pts) >= 2:
            line = ogr.Geometry(ogr.wkbLineString)
            for x, y in pts:
                line.AddPoint_2D(x, y)
            lines.AddGeometry(line)
    lines.AddGeometry(ogr.ForceToLineString(box(w, s, e, n).GetBoundary()))
    corner = ogr.Geometry(ogr.wkbPoint)
    corner.AddPoint_2D(w, s)
    polygonized = lines.Union(corner).Polygonize()  # a union nodes the lines (GDAL 3.6 has no UnaryUnion)
    faces = [f.Clone() for f in polygons(polygonized)]

    # Land or sea: a point inside each face, tested by gmt against the same GSHHG shoreline.
    inner = [f.PointOnSurface() for f in faces]
    points = "".join(f"{pt.GetX():.12f} {pt.GetY():.12f} {i}\n" for i, pt in enumerate(inner))
    kept = gmt(["select", region, "-Df", "-A0/1/1", "-Ns/k", "-fg", "-o2"], scratch, points)
    land_index = sorted(int(float(v)) for v in kept.split())
    land = [[None, "", "", faces[i]] for i in land_index]

    # Country polygons of DCW, clipped to a margin around the region, in the case's projection.
    to_local = to_case_crs(a.crs)
    near = box(w - 1, s - 1, e + 1, n + 1)
    countries = []
    for code, iso3 in dcw.items():
        for _, pts in segments(gmt(["coast", region, f"-E{code}", "-M"], scratch)):
            xs, ys = [x for x, _ in pts], [y for _, y in pts]
            if len(pts) < 4 or max(xs) < w - 1 or min(xs) > e + 1 or max(ys) < s - 1 or min(ys) > n + 1:
                continue
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in pts:
                ring.AddPoint_2D(x, y)
            ring.CloseRings()
            poly = ogr.Geometry(ogr.wkbPolygon)
            poly.AddGeometry(ring)
            poly = (poly if poly.IsValid() else poly.MakeValid()).Intersection(near)
            if poly.IsEmpty():
                continue
            local = poly.Clone()
            local.Transform(to_local)
            countries.append((iso3, poly, local))

    by_overlap = by_distance = 0
    for item in land:
        face = item[3]
        overlaps = [(c[1].Intersection(face).GetArea(), c[0]) for c in countries if c[1].Intersects(face)]
        overlaps = [o for o in overlaps if o[0] > 0]
        if overlaps:
            item[0] = max(overlaps)[1]
            by_overlap += 1
        else:
            local = face.Clone()
            local.Transform(to_local)
            item[0] = min(countries, key=lambda c: c[2].Distance(local))[0]
            by_distance += 1

    disputed = []
    for spec in a.disputed:
        holder, territory, *b = spec.split(":")
        disputed.append((holder, territory, box(*map(float, b))))
    names = []
    for spec in a.name:
        name, country, min_area, *b = spec.split(":")
        names.append((name, country, float(min_area), box(*map(float, b))))
    for item in land:
        inside = item[3].PointOnSurface()
        for holder, territory, b in disputed:
            if item[0] == holder and b.Contains(inside):
                item[1] = territory
                break
        for name, country, min_area, b in names:
            if item[0] == country and item[3].GetArea() > min_area and b.Contains(inside):
                item[2] = name

    land.sort(key=lambda item: (item[0], item[3].PointOnSurface().GetX(), item[3].PointOnSurface().GetY()))
    out = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(a.out)
    # A fixed DBF date (GDAL writes today's by default), so that the same inputs give the same bytes.
    layer = out.CreateLayer("land", lonlat_crs(), ogr.wkbPolygon, ["ENCODING=UTF-8", "DBF_DATE_LAST_UPDATE=2026-11-30"])
    for field_name in ("country", "territory", "name"):
        field = ogr.FieldDefn(field_name, ogr.OFTString)
        field.SetWidth(16)
        layer.CreateField(field)
    for country, territory, name, poly in land:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("country", country)
        f.SetField("territory", territory)
        f.SetField("name", name)
        f.SetGeometry(poly)
        layer.CreateFeature(f)
    print(f"{a.out}: {len(faces)} faces, {len(land)} land polygons ({by_overlap} tagged by DCW overlap, "
          f"{by_distance} by the nearest DCW country)", file=sys.stderr)


if __name__ == "__main__":
    main()
