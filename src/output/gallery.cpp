#include "output/gallery.hpp"

#include <fmt/format.h>

#include "i18n/catalog.hpp"
#include "output/xml.hpp"

namespace claimmap {
namespace {

// A file next to the page as a relative URL: "./" keeps a name like "javascript:x.png" from
// reading as a scheme, and every byte outside the unreserved set is percent-encoded.
std::string relative_href(const std::string& file) {
    std::string out = "./";
    for (unsigned char c : file) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string km2(double v) { return fmt::format("{:.1f}", v); }
// A page for people: U+2212 for negative figures, as on the maps.
std::string signed_km2(double v) { return std::abs(v) < 0.05 ? "0" : with_minus_sign(fmt::format("{:+.1f}", v)); }

}  // namespace

std::string gallery_html(const LoadedCase& loaded, const std::vector<GalleryMap>& maps, const Comparison& comparison) {
    const View& neutral = loaded.config.view("neutral");
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + escape_xml(neutral.title) + " — claimmap atlas</title>\n";
    h += R"(<style>
body{font-family:"Noto Sans CJK JP","Noto Sans",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
h1{font-size:1.8rem;margin-bottom:.2rem} .lede{color:#5a6169;margin-top:0}
.maps{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:1rem}
figure{margin:0;border:1px solid #d0d7de;padding:.5rem;background:#fff} figure img{width:100%;height:auto;display:block}
figcaption{font-size:.9rem;margin-top:.3rem} table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}
th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top} td.num,th.num{text-align:right}
footer{color:#5a6169;font-size:.8rem;margin-top:2rem}
</style>
</head>
<body>
)";
    h += "<h1>" + escape_xml(neutral.title) + "</h1>\n<p class=\"lede\">" + escape_xml(neutral.subtitle) + "</p>\n";
    h += "<h2>Maps</h2>\n<div class=\"maps\">\n";
    for (const GalleryMap& m : maps) {
        h += fmt::format("<figure id=\"map-{0}\"><a href=\"{1}\"><img src=\"{1}\" width=\"{2}\" height=\"{3}\" alt=\"Map: {0}\"></a>"
                         "<figcaption>{0}",
                         escape_xml(m.name), escape_xml(relative_href(m.png)), m.width, m.height);
        for (const std::string& alt : m.alternates) {
            std::string ext = alt.substr(alt.rfind('.') + 1);
            h += fmt::format(" · <a href=\"{}\">{}</a>", escape_xml(relative_href(alt)), escape_xml(ext));
        }
        h += "</figcaption></figure>\n";
    }
    h += "</div>\n";

    h += "<h2>Scenarios compared</h2>\n<p>km² on the WGS 84 ellipsoid; change against <strong>" + escape_xml(comparison.baseline) +
         "</strong>. " + escape_xml(comparison.method) + ".</p>\n";
    h += "<table id=\"scenario-table\"><thead><tr><th>scenario</th><th>party</th><th class=\"num\">land</th><th class=\"num\">Δ land</th>"
         "<th class=\"num\">territorial sea</th><th class=\"num\">Δ sea</th><th class=\"num\">EEZ</th><th class=\"num\">Δ EEZ</th></tr></thead><tbody>\n";
    for (const ComparisonRow& r : comparison.rows)
        h += fmt::format("<tr data-scenario=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                         "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                         escape_xml(r.scenario), escape_xml(r.scenario_title), escape_xml(r.party), km2(r.land_km2), signed_km2(r.d_land_km2),
                         km2(r.territorial_sea_km2), signed_km2(r.d_territorial_sea_km2), km2(r.eez_km2), signed_km2(r.d_eez_km2));
    h += "</tbody></table>\n";

    h += "<h2>Events</h2>\n<table id=\"event-table\"><thead><tr><th>date</th><th>place</th><th>who</th><th>on the table</th>"
         "<th>what happened</th><th>source</th></tr></thead><tbody>\n";
    for (const Event& e : loaded.events.events) {
        const Venue* v = loaded.venues.find(e.place);
        std::string who;
        for (const std::string& p : e.participants) who += (who.empty() ? "" : "<br>") + escape_xml(p);
        // The headline in quotation marks only when it is the real one; the piece linked when its address is known.
        std::string cited = escape_xml(e.source.cited_title());
        if (!e.source.url.empty()) cited = "<a href=\"" + escape_xml(e.source.url) + "\">" + cited + "</a>";
        h += fmt::format("<tr id=\"event-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}, {}, {}</td></tr>\n",
                         escape_xml(e.id), e.date.str(), escape_xml(v ? v->name : "not named in the sources"), who, escape_xml(e.scenario),
                         escape_xml(e.summary), escape_xml(e.source.outlet), cited, e.source.date.str());
    }
    h += "</tbody></table>\n";
    h += "<footer>" + escape_xml(loaded.config.attribution) + ". Made with claimmap " CLAIMMAP_VERSION ".</footer>\n";
    // Marks the page once every image has loaded or failed, for readers and for the test suite.
    h += R"(<script>
window.addEventListener("load", function () {
  var images = Array.prototype.slice.call(document.images);
  var broken = images.filter(function (img) { return !img.complete || img.naturalWidth === 0; });
  document.body.setAttribute("data-images", String(images.length));
  document.body.setAttribute("data-broken-images", String(broken.length));
});
</script>
)";
    h += "</body>\n</html>\n";
    return h;
}

}  // namespace claimmap
