// Events and venues TOML: the input is read as a venues file, and as an events file checked
// against the shipped venues.
#include "data/events.hpp"
#include "fuzz_common.hpp"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const claimmap::Venues venues =
        claimmap::read_venues(claimmap::fuzz::data_dir() / "geodata/kurils/venues.toml");
    const auto& path = claimmap::fuzz::write_temp(data, size, ".toml");
    try {
        claimmap::Venues v = claimmap::read_venues(path);
        (void)v;
    } catch (const claimmap::Error&) {
    }
    try {
        claimmap::EventSet set = claimmap::read_events(path, venues);
        for (const claimmap::Event& e : set.events) (void)claimmap::event_json(e, venues.find(e.place)).dump();
    } catch (const claimmap::Error&) {
    }
    return 0;
}
