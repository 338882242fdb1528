"""OGR helpers shared by the land scripts (tag-land.py, gshhg-land.py)."""
from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()


def box(w, s, e, n):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((w, s), (e, s), (e, n), (w, n), (w, s)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def polygons(geom):
    """Single polygons of any geometry (collections and multipolygons flattened)."""
    kind = ogr.GT_Flatten(geom.GetGeometryType())
    if kind == ogr.wkbPolygon:
        yield geom
    elif kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            yield from polygons(geom.GetGeometryRef(i))


def lonlat_crs():
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return wgs84


def to_case_crs(crs):
    """Transformation from lon/lat to the case's conformal projection (metres)."""
    local = osr.SpatialReference()
    local.ImportFromProj4(crs)
    return osr.CoordinateTransformation(lonlat_crs(), local)
