#!/usr/bin/python3
"""Builds a case's land.shp from two OpenStreetMap-derived npm packages (called by scripts/fetch-geodata).

Country land comes from @geo-maps/countries-coastline-10m (field A3). That package lacks islets no
country polygon includes (the Liancourt Rocks, the Senkaku islands, many others), so every polygon of
@geo-maps/earth-lands-10m (OSM land polygons, no country) that lies inside the region and touches no
country polygon is added, tagged with the country whose land is nearest (measured in the case's
conformal projection). Islets inside a disputed box get the box's de facto holder and territory id.
Neither OSM package has the Liancourt Rocks or Taisho (Sekibi/Chiwei Yu) of the Senkakus: for those,
the closed shoreline rings of GSHHG full resolution (`gmt coast -Df -W -M` output, GSHHG_FILE) that lie
inside a disputed box and more than GSHHG_GAP_M from any OSM land are added. GSHHG positions can be
off by a few kilometres there (see geodata/SOURCES.md); nothing closer to OSM land is taken from it.

usage: tag-land.py EARTH_LANDS.geojson COUNTRIES.geojson GSHHG_FILE OUT.shp W S E N CRS
                   HOLDER:TERRITORY:W:S:E:N ...
"""
import sys
from osgeo import ogr

from landlib import box, lonlat_crs, polygons, to_case_crs


def envelope_intersects(env, w, s, e, n):
    return env[0] <= e and env[1] >= w and env[2] <= n and env[3] >= s


GSHHG_GAP_M = 10000.0


def gap_m(a, b, crs):
    """Distance between two lon/lat geometries in metres, in the case's conformal projection."""
    t = to_case_crs(crs)
    pa, pb = a.Clone(), b.Clone()
    pa.Transform(t)
    pb.Transform(t)
    return pa.Distance(pb)


def add_islet(land, country_count, islet):
    """Adds an OSM land polygon that touches no country polygon; returns 1 if added."""
    x0, x1, y0, y1 = islet.GetEnvelope()
    if any(islet.Intersects(p) for _, _, p in land[:country_count]
           if envelope_intersects(p.GetEnvelope(), x0, y0, x1, y1)):
        return 0
    land.append(["", "", islet.Clone()])
    return 1


def main():
    lands_path, countries_path, gshhg_path, out_path = sys.argv[1:5]
    w, s, e, n = map(float, sys.argv[5:9])
    crs = sys.argv[9]
    disputed = []
    for spec in sys.argv[10:]:
        holder, territory, *b = spec.split(":")
        disputed.append((holder, territory, box(*map(float, b))))
    region = box(w, s, e, n)

    # Country land clipped to the region; invalid parts repaired before clipping.
    land = []  # (country, territory, polygon)
    countries = ogr.Open(countries_path)
    for feature in countries.GetLayer(0):
        code = feature.GetField("A3")
        for part in polygons(feature.GetGeometryRef()):
            if not envelope_intersects(part.GetEnvelope(), w, s, e, n):
                continue
            if not part.IsValid():
                part = part.MakeValid()
            for piece in polygons(part.Intersection(region)):
                if piece.GetArea() > 0:
                    land.append([code, "", piece.Clone()])
    country_count = len(land)

    # Islets of the OSM land polygons that no country polygon touches.
    lands = ogr.Open(lands_path)
    lands_feature = lands.GetLayer(0).GetNextFeature()
    added = 0
    for raw in polygons(lands_feature.GetGeometryRef()):
        x0, x1, y0, y1 = raw.GetEnvelope()
        if not (x0 >= w and x1 <= e and y0 >= s and y1 <= n):
            continue  # land crossing the region's edge is a large island the country data has
        for islet in polygons(raw if raw.IsValid() else raw.MakeValid()):
            if islet.GetArea() > 0:
                added += add_islet(land, country_count, islet)

    # GSHHG islets in the disputed boxes where OSM has no land nearby.
    osm_count = len(land)
    gshhg_added = 0
    rings, ring = [], None
    with open(gshhg_path) as text:
        for line in text:
            if line.startswith(">"):
                ring = []
                rings.append(ring)
            elif line.strip():
                x, y = map(float, line.split()[:2])
                ring.append((x, y))
    for ring in rings:
        if len(ring) < 4 or ring[0] != ring[-1]:
            continue  # a piece cut at a GSHHG bin edge, not a whole islet
        geom = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring:
            geom.AddPoint_2D(x, y)
        islet = ogr.Geometry(ogr.wkbPolygon)
        islet.AddGeometry(geom)
        if not any(b.Contains(islet) for _, _, b in disputed):
            continue
        near = box(*(v for v in (islet.GetEnvelope()[0] - 0.2, islet.GetEnvelope()[2] - 0.2,
                                  islet.GetEnvelope()[1] + 0.2, islet.GetEnvelope()[3] + 0.2)))
        if any(p.Intersects(near) and gap_m(p, islet, crs) <= GSHHG_GAP_M for _, _, p in land[:osm_count]):
            continue
        land.append(["", "", islet])
        gshhg_added += 1

    # Nearest country for each added islet, in the case's conformal projection (metres).
    to_local = to_case_crs(crs)
    projected = []
    for code, _, poly in land[:country_count]:
        g = poly.Clone()
        g.Transform(to_local)
        projected.append((code, g))
    for item in land[country_count:]:
        g = item[2].Clone()
        g.Transform(to_local)
        item[0] = min(projected, key=lambda cp: cp[1].Distance(g))[0]

    # Disputed units: the de facto holder and the territory id, whatever the data said.
    for item in land:
        inside = item[2].PointOnSurface()
        for holder, territory, b in disputed:
            if b.Contains(inside):
                item[0], item[1] = holder, territory

    land.sort(key=lambda item: (item[0], item[2].PointOnSurface().GetX(), item[2].PointOnSurface().GetY()))
    driver = ogr.GetDriverByName("ESRI Shapefile")
    out = driver.CreateDataSource(out_path)
    layer = out.CreateLayer("land", lonlat_crs(), ogr.wkbPolygon, ["ENCODING=UTF-8"])
    for name in ("country", "territory"):
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(16)
        layer.CreateField(field)
    for code, territory, poly in land:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("country", code)
        f.SetField("territory", territory)
        f.SetGeometry(poly)
        layer.CreateFeature(f)
    print(f"{out_path}: {country_count} country polygons, {added} islets from earth-lands, "
          f"{gshhg_added} from GSHHG")


if __name__ == "__main__":
    main()
