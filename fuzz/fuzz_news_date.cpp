// News-date parsing: parse_news_date with no reference, a day and a month reference, and
// parse_event_date ("YYYY-MM-DD" / "YYYY-MM"). No file needed.
#include "data/events.hpp"
#include "extract/extract.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    static const claimmap::EventDate day{2019, 1, 22, claimmap::EventDate::Precision::day};
    static const claimmap::EventDate month{2016, 5, 0, claimmap::EventDate::Precision::month};
    try {
        for (const claimmap::EventDate* ref : {static_cast<const claimmap::EventDate*>(nullptr), &day, &month})
            if (auto r = claimmap::parse_news_date(text, ref)) {
                if (r->span.begin > r->span.end || r->span.end > text.size()) std::abort();
                (void)r->date.str();
            }
        if (auto d = claimmap::parse_event_date(text)) (void)d->str();
    } catch (const claimmap::Error&) {
    }
    return 0;
}
