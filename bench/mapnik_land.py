#!/usr/bin/python3
"""The bare land layer of a claimmap case drawn by Mapnik (AGG renderer, PNG), for
bench/compare_renderers.sh. Same CRS, extent and pixel size as claimmap's map.

Usage: mapnik_land.py LAND.shp CRS LON_MIN,LAT_MIN,LON_MAX,LAT_MAX WIDTH HEIGHT OUT.png
Prints the lon/lat corners of the map actually drawn (after widening to the image's aspect),
so that GMT can be given the same rectangle, and the in-process render time.
"""
import sys
import time

import mapnik

land, crs, extent, width, height, out = sys.argv[1:7]
width, height = int(width), int(height)
lon0, lat0, lon1, lat1 = (float(v) for v in extent.split(","))

m = mapnik.Map(width, height, crs)
m.background = mapnik.Color("#dbe9f3")
style = mapnik.Style()
rule = mapnik.Rule()
fill = mapnik.PolygonSymbolizer()
fill.fill = mapnik.Color("#f4efe1")
rule.symbols.append(fill)
line = mapnik.LineSymbolizer()
line.stroke = mapnik.Color("#6b6f73")
line.stroke_width = 0.6
rule.symbols.append(line)
style.rules.append(rule)
m.append_style("land", style)
layer = mapnik.Layer("land", "+proj=longlat +datum=WGS84 +no_defs")
layer.datasource = mapnik.Shapefile(file=land)
layer.styles.append("land")
m.layers.append(layer)

# The extent's outline, densified (its edges are curves in the projection), then its bounding box;
# Mapnik widens the box to the image's aspect as claimmap does.
to_map = mapnik.ProjTransform(mapnik.Projection("+proj=longlat +datum=WGS84 +no_defs"), mapnik.Projection(crs))
xs, ys = [], []
for i in range(101):
    t = i / 100
    for lon, lat in ((lon0 + (lon1 - lon0) * t, lat0), (lon0 + (lon1 - lon0) * t, lat1),
                     (lon0, lat0 + (lat1 - lat0) * t), (lon1, lat0 + (lat1 - lat0) * t)):
        p = to_map.forward(mapnik.Coord(lon, lat))
        xs.append(p.x)
        ys.append(p.y)
m.zoom_to_box(mapnik.Box2d(min(xs), min(ys), max(xs), max(ys)))

start = time.perf_counter()
image = mapnik.Image(width, height)
mapnik.render(m, image)
image.save(out, "png")
seconds = time.perf_counter() - start

env = m.envelope()
ll = to_map.backward(mapnik.Coord(env.minx, env.miny))
ur = to_map.backward(mapnik.Coord(env.maxx, env.maxy))
print(f"corners {ll.x:.6f}/{ll.y:.6f}/{ur.x:.6f}/{ur.y:.6f}")
print(f"render {seconds:.3f}")
