#pragma once
// Nearest coast point queries, fast enough to run for every vertex of a zone limit: a k-d tree
// (nanoflann) over the coastline's vertices, refined on the segments next to the nearest vertex.
#include <memory>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

class CoastIndex {
public:
    // Rings of the coastline in a projected CRS; each is closed (first == last) or will be treated so.
    explicit CoastIndex(const std::vector<PathXY>& rings, double max_segment);
    ~CoastIndex();
    CoastIndex(const CoastIndex&) = delete;
    CoastIndex& operator=(const CoastIndex&) = delete;

    XY nearest(XY p) const;
    size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace claimmap
