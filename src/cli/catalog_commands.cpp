// csphub catalog import | list: the operator loads the catalog from a versioned file (JSON, or
// CSV for a flat offers list; docs/catalog.md) and reads it back.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "api/catalog_csv.hpp"
#include "api/catalog_json.hpp"
#include "cli/cli.hpp"
#include "common/list_text.hpp"
#include "domain/catalog/catalog_validation.hpp"

namespace csphub::cli {
namespace {

domain::CallContext OperatorContext() {
  domain::CallContext ctx;
  ctx.kind = domain::PrincipalKind::kOperator;
  ctx.subject_id = "operator";
  ctx.user_principal_name = "operator (cli)";
  return ctx;
}

bool Has(const std::vector<std::string>& items, const std::string& v) {
  return std::find(items.begin(), items.end(), v) != items.end();
}

// The part of the catalog sold in `country`, in the same shape (so the JSON output can be
// imported again).
domain::Catalog InCountry(domain::Catalog c, const std::string& country) {
  std::erase_if(c.countries, [&](const auto& x) { return x.code != country; });
  std::erase_if(c.offers, [&](const auto& o) { return !Has(o.countries, country); });
  std::erase_if(c.availabilities, [&](const auto& a) { return !Has(a.countries, country); });
  std::erase_if(c.skus, [&](const auto& s) {
    return std::none_of(c.availabilities.begin(), c.availabilities.end(), [&](const auto& a) {
      return a.product_id == s.product_id && a.sku_id == s.id;
    });
  });
  std::erase_if(c.products, [&](const auto& p) {
    return std::none_of(c.skus.begin(), c.skus.end(),
                        [&](const auto& s) { return s.product_id == p.id; });
  });
  return c;
}

void AddImport(CLI::App& catalog) {
  auto o = std::make_shared<CommonOptions>();
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  CLI::App* cmd = catalog.add_subcommand(
      "import", "Replace the catalog with a catalog file (validated first; all or nothing)");
  AddCommonOptions(*cmd, *o);
  cmd->add_option("file", *file, "The catalog file: JSON, or CSV (a flat list of offers)")
      ->required();
  cmd->add_option("--format", *format, "json or csv (default: from the file name)")
      ->check(CLI::IsMember({"json", "csv"}));
  cmd->add_flag("--force", *force, "Import even an older version than the one in use");
  cmd->callback([o, file, format, force] {
    std::ifstream in(*file, std::ios::binary);
    if (!in) Fail("cannot read " + *file);
    std::stringstream text;
    text << in.rdbuf();
    const bool csv = format->empty()
                         ? file->size() >= 4 && ToLower(file->substr(file->size() - 4)) == ".csv"
                         : *format == "csv";
    auto parsed = csv ? api::ReadCatalogCsv(text.str()) : api::ReadCatalogJson(text.str());
    if (!parsed.ok()) Fail(*file + ": " + parsed.status().description() + "; nothing was imported");
    // Every problem at once (the service's error lists the first few only).
    domain::Catalog check = *parsed;
    const auto problems = domain::NormalizeAndValidateCatalog(check);
    if (!problems.empty()) {
      for (const auto& p : problems) std::fprintf(stderr, "%s: %s\n", file->c_str(), p.c_str());
      Fail(std::to_string(problems.size()) + " problem(s) in " + *file + "; nothing was imported");
    }
    auto a = OpenApplication(*o);
    auto imported =
        OrFail(a->catalog().Import(OperatorContext(), std::move(parsed).value(), *file, *force));
    if (Json(*o)) {
      api::JsonOut j;
      j.BeginObject().Field("version", imported.version.version);
      if (imported.previous) j.Field("previousVersion", imported.previous->version);
      j.Field("products", static_cast<std::int64_t>(imported.products));
      j.Field("skus", static_cast<std::int64_t>(imported.skus));
      j.Field("availabilities", static_cast<std::int64_t>(imported.availabilities));
      j.Field("offers", static_cast<std::int64_t>(imported.offers));
      j.Field("forced", imported.version.forced).EndObject();
      std::printf("%s\n", j.str().c_str());
      return;
    }
    std::printf(
        "imported catalog version %s (%zu products, %zu SKUs, %zu availabilities, %zu "
        "offers)%s\n",
        imported.version.version.c_str(), imported.products, imported.skus, imported.availabilities,
        imported.offers,
        imported.previous ? (", replacing version " + imported.previous->version).c_str() : "");
  });
}

void AddList(CLI::App& catalog) {
  auto o = std::make_shared<CommonOptions>();
  auto country = std::make_shared<std::string>();
  CLI::App* cmd = catalog.add_subcommand("list", "Show the catalog in use (JSON: its file format)");
  AddCommonOptions(*cmd, *o);
  cmd->add_option("--country", *country, "Only what is sold in this country (ISO code)");
  cmd->callback([o, country] {
    auto a = OpenApplication(*o);
    const auto ctx = OperatorContext();
    auto version = OrFail(a->catalog().CurrentVersion(ctx));
    domain::Catalog c = OrFail(a->catalog().Load(ctx));
    if (version) c.version = version->version;
    if (!country->empty()) c = InCountry(std::move(c), OrFail(domain::RequiredCountry(*country)));
    if (Json(*o)) {
      std::printf("%s\n", api::CatalogFileJson(c).c_str());
      return;
    }
    if (!version) {
      std::printf("no catalog imported yet\n");
      return;
    }
    std::printf("catalog version %s (source %s)\n\noffers:\n", version->version.c_str(),
                version->source.c_str());
    for (const auto& x : c.offers) {
      std::printf("  %s  %-32s %-7s %lld-%lld  %s  %s  %s%s\n", x.id.c_str(), x.name.c_str(),
                  x.billing.c_str(), static_cast<long long>(x.minimum_quantity),
                  static_cast<long long>(x.maximum_quantity),
                  Join(x.supported_billing_cycles).c_str(), Join(x.term_durations).c_str(),
                  Join(x.countries).c_str(), x.is_available_for_purchase ? "" : "  (not for sale)");
    }
    std::printf("\ncatalog items:\n");
    for (const auto& av : c.availabilities) {
      std::vector<std::string> terms;
      for (const auto& t : av.terms) terms.push_back(t.duration + "/" + t.billing_cycle);
      std::printf("  %-32s %-10s %s  %s\n", av.CatalogItemId().c_str(), av.segment.c_str(),
                  terms.empty() ? "usage" : Join(terms).c_str(), Join(av.countries).c_str());
    }
  });
}

}  // namespace

void AddCatalogCommands(CLI::App& root) {
  CLI::App* catalog = root.add_subcommand("catalog", "Import and list the catalog (operator)");
  catalog->require_subcommand(1);
  AddImport(*catalog);
  AddList(*catalog);
}

}  // namespace csphub::cli
