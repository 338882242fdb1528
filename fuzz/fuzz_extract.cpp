// Article extraction (`claimmap events extract`): read_article on the bytes, then extract_events
// and both output formats on the text it accepts.
#include "extract/extract.hpp"
#include "fuzz_common.hpp"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const claimmap::ExtractData extract_data =
        claimmap::load_extract_data(claimmap::fuzz::data_dir() / "geodata/kurils");
    const auto& path = claimmap::fuzz::write_temp(data, size, ".txt");
    std::string text;
    try {
        text = claimmap::read_article(path);
    } catch (const claimmap::Error&) {
        return 0;
    }
    // With and without a reference date (from --date): both paths resolve dates differently.
    for (const bool with_date : {false, true}) {
        std::optional<claimmap::EventDate> date;
        if (with_date) date = claimmap::EventDate{2019, 1, 22, claimmap::EventDate::Precision::day};
        try {
            claimmap::Extraction x = claimmap::extract_events(text, extract_data, date);
            x.file = path.string();
            (void)claimmap::extraction_toml(x, text);
            (void)claimmap::extraction_json(x, text).dump();
        } catch (const claimmap::Error&) {
        }
    }
    return 0;
}
