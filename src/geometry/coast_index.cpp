#include "geometry/coast_index.hpp"

#include <nanoflann.hpp>

#include <cmath>

namespace claimmap {

struct CoastIndex::Impl {
    std::vector<XY> points;
    std::vector<size_t> prev, next;  // ring neighbours of each point

    // nanoflann's dataset adaptor interface.
    size_t kdtree_get_point_count() const { return points.size(); }
    double kdtree_get_pt(size_t i, size_t dim) const { return dim == 0 ? points[i].x : points[i].y; }
    template <class Box>
    bool kdtree_get_bbox(Box&) const {
        return false;
    }

    using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Impl>, Impl, 2, size_t>;
    std::unique_ptr<Tree> tree;
};

namespace {

XY closest_on_segment(XY p, XY a, XY b) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

double dist2(XY a, XY b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

}  // namespace

CoastIndex::CoastIndex(const std::vector<PathXY>& rings, double max_segment) : impl_(std::make_unique<Impl>()) {
    for (const PathXY& ring : rings) {
        if (ring.size() < 2) continue;
        size_t n = ring.size();
        if (ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;  // drop the closing repeat
        size_t first = impl_->points.size();
        for (size_t i = 0; i < n; ++i) {
            XY a = ring[i], b = ring[(i + 1) % n];
            int steps = std::max(1, static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / max_segment)));
            for (int k = 0; k < steps; ++k) impl_->points.push_back({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps});
        }
        size_t last = impl_->points.size() - 1;
        for (size_t i = first; i <= last; ++i) {
            impl_->prev.push_back(i == first ? last : i - 1);
            impl_->next.push_back(i == last ? first : i + 1);
        }
    }
    impl_->tree = std::make_unique<Impl::Tree>(2, *impl_, nanoflann::KDTreeSingleIndexAdaptorParams(16));
    impl_->tree->buildIndex();
}

CoastIndex::~CoastIndex() = default;

size_t CoastIndex::size() const { return impl_->points.size(); }

XY CoastIndex::nearest(XY p) const {
    size_t index = 0;
    double d2 = 0;
    const double query[2] = {p.x, p.y};
    impl_->tree->knnSearch(query, 1, &index, &d2);
    // The nearest point lies on one of the two segments that meet at the nearest vertex.
    const auto& pts = impl_->points;
    XY a = closest_on_segment(p, pts[impl_->prev[index]], pts[index]);
    XY b = closest_on_segment(p, pts[index], pts[impl_->next[index]]);
    return dist2(p, a) <= dist2(p, b) ? a : b;
}

}  // namespace claimmap
