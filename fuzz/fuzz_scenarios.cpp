// Scenarios TOML (geodata/<case>/scenarios.toml), checked against the shipped case.
#include "data/case_data.hpp"
#include "data/scenarios.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const claimmap::CaseConfig config =
        claimmap::read_case(claimmap::fuzz::data_dir() / "geodata/kurils/case.toml");
    const auto& path = claimmap::fuzz::write_temp(data, size, ".toml");
    try {
        claimmap::ScenarioSet set = claimmap::read_scenarios(path, config);
        for (const claimmap::Scenario& s : set.scenarios)
            if (s.split) (void)s.split->direction();
    } catch (const claimmap::Error&) {
    }
    return 0;
}
