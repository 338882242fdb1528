#pragma once
// unique_ptr deleters for C handles: one line per type, no shared ownership.
#include <memory>

namespace claimmap {

template <auto DestroyFn>
struct Deleter {
    template <class T>
    void operator()(T* p) const noexcept {
        if (p) DestroyFn(p);
    }
};

template <class T, auto DestroyFn>
using Handle = std::unique_ptr<T, Deleter<DestroyFn>>;

}  // namespace claimmap
