#!/usr/bin/python3
"""Polygon and vertex counts and geodesic areas (WGS 84 ellipsoid, km²) of a case's land file,
per country and per disputed territory. usage: land-areas.py LAND.shp"""
import sys
from collections import defaultdict
from osgeo import ogr
from pyproj import Geod

ogr.UseExceptions()
geod = Geod(ellps="WGS84")


def ring_area(ring):
    xs = [ring.GetX(i) for i in range(ring.GetPointCount())]
    ys = [ring.GetY(i) for i in range(ring.GetPointCount())]
    return abs(geod.polygon_area_perimeter(xs, ys)[0])


def polygon_area_km2(poly):
    area = ring_area(poly.GetGeometryRef(0))
    for i in range(1, poly.GetGeometryCount()):
        area -= ring_area(poly.GetGeometryRef(i))
    return area / 1e6


source = ogr.Open(sys.argv[1])  # kept alive: the layer belongs to it
layer = source.GetLayer(0)
stats = defaultdict(lambda: [0, 0, 0.0])
for f in layer:
    g = f.GetGeometryRef()
    key = (f.GetField("country"), f.GetField("territory") or "")
    stats[key][0] += 1
    stats[key][1] += g.GetPointCount() if g.GetGeometryCount() == 0 else sum(
        g.GetGeometryRef(i).GetPointCount() for i in range(g.GetGeometryCount()))
    stats[key][2] += polygon_area_km2(g)
print(f"{'country':8} {'territory':12} {'polygons':>8} {'vertices':>9} {'area km²':>14}")
for (country, territory), (n, v, a) in sorted(stats.items()):
    print(f"{country:8} {territory:12} {n:>8} {v:>9} {a:>14.3f}")
print(f"{'all':21} {sum(s[0] for s in stats.values()):>8} {sum(s[1] for s in stats.values()):>9}")
