#include "api/catalog_csv.hpp"

#include <map>

#include "common/csv.hpp"
#include "common/ids.hpp"

namespace csphub::api {
namespace {

constexpr const char* kVersionCell = "csphub-catalog-version";
constexpr const char* kRequired[] = {"id",
                                     "name",
                                     "minimumQuantity",
                                     "maximumQuantity",
                                     "billing",
                                     "supportedBillingCycles",
                                     "unitType",
                                     "countries"};
constexpr const char* kOptional[] = {"description",         "rank",
                                     "categoryId",          "categoryName",
                                     "categoryRank",        "isAddOn",
                                     "prerequisiteOffers",  "isAvailableForPurchase",
                                     "termDurations",       "isAutoRenewable",
                                     "upgradeTargetOffers", "isTrial",
                                     "productId",           "skuId"};

using Row = CsvRecord;

// RFC 4180 (common/csv.hpp): quoted cells may hold commas, doubled quotes and line breaks; blank
// lines are skipped; an unterminated quote is an error naming its line.
Result<std::vector<Row>> ParseCsv(const std::string& text) {
  std::vector<Row> rows;
  CsvReader reader(text.size() + 1);  // the whole catalog is in memory already: no record cap
  auto keep = [&](CsvRecord& r) {
    rows.push_back(std::move(r));
    return Status::Ok();
  };
  RETURN_IF_ERROR(reader.Feed(text, keep));
  RETURN_IF_ERROR(reader.Finish(keep));
  return rows;
}

std::vector<std::string> List(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t at = cell.find(';', start);
    const std::string item =
        Trim(cell.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (!item.empty()) out.push_back(item);
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

}  // namespace

Result<domain::Catalog> ReadCatalogCsv(const std::string& text) {
  ASSIGN_OR_RETURN(auto rows, ParseCsv(text));
  if (rows.empty() || Trim(rows[0].cells[0]) != kVersionCell || rows[0].cells.size() < 2) {
    return InvalidArgument(std::string("line 1: must be '") + kVersionCell + ",<version>'");
  }
  domain::Catalog c;
  c.version = Trim(rows[0].cells[1]);
  if (rows.size() < 2) return InvalidArgument("line 2: the header row (column names) is missing");
  std::map<std::string, std::size_t> column;  // canonical name → index
  std::map<std::string, std::string> canonical;
  for (const char* n : kRequired) canonical[ToLower(n)] = n;
  for (const char* n : kOptional) canonical[ToLower(n)] = n;
  const Row& header = rows[1];
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = Trim(header.cells[i]);
    auto it = canonical.find(ToLower(name));
    const std::string where = "line " + std::to_string(header.line) + ": ";
    if (it == canonical.end()) return InvalidArgument(where + "unknown column '" + name + "'");
    if (!column.emplace(it->second, i).second) {
      return InvalidArgument(where + "column '" + name + "' appears twice");
    }
  }
  for (const char* n : kRequired) {
    if (!column.count(n)) {
      return InvalidArgument("line " + std::to_string(header.line) + ": column '" + n +
                             "' is required");
    }
  }
  for (std::size_t r = 2; r < rows.size(); ++r) {
    const Row& row = rows[r];
    auto cell = [&](const char* name) -> std::string {
      auto it = column.find(name);
      if (it == column.end() || it->second >= row.cells.size()) return "";
      return Trim(row.cells[it->second]);
    };
    domain::Offer o;
    o.id = cell("id");
    const std::string where =
        "line " + std::to_string(row.line) + " (offer '" + o.id + "'): field '";
    auto integer = [&](const char* name, std::int64_t& out, bool required) -> Status {
      const std::string v = cell(name);
      if (v.empty()) {
        return required ? InvalidArgument(where + name + "' is required") : Status::Ok();
      }
      try {
        std::size_t used = 0;
        out = std::stoll(v, &used);
        if (used == v.size()) return Status::Ok();
      } catch (const std::exception&) {
      }
      return InvalidArgument(where + name + "' must be a whole number, not '" + v + "'");
    };
    auto boolean = [&](const char* name, bool& out) -> Status {
      const std::string v = ToLower(cell(name));
      if (v.empty()) return Status::Ok();
      if (v == "true" || v == "yes" || v == "1") {
        out = true;
      } else if (v == "false" || v == "no" || v == "0") {
        out = false;
      } else {
        return InvalidArgument(where + name + "' must be true or false, not '" + v + "'");
      }
      return Status::Ok();
    };
    o.name = cell("name");
    o.description = cell("description");
    RETURN_IF_ERROR(integer("minimumQuantity", o.minimum_quantity, true));
    RETURN_IF_ERROR(integer("maximumQuantity", o.maximum_quantity, true));
    RETURN_IF_ERROR(integer("rank", o.rank, false));
    o.category.id = cell("categoryId");
    o.category.name = cell("categoryName");
    RETURN_IF_ERROR(integer("categoryRank", o.category.rank, false));
    RETURN_IF_ERROR(boolean("isAddOn", o.is_add_on));
    o.prerequisite_offers = List(cell("prerequisiteOffers"));
    RETURN_IF_ERROR(boolean("isAvailableForPurchase", o.is_available_for_purchase));
    o.billing = cell("billing");
    o.supported_billing_cycles = List(cell("supportedBillingCycles"));
    o.term_durations = List(cell("termDurations"));
    RETURN_IF_ERROR(boolean("isAutoRenewable", o.is_auto_renewable));
    o.upgrade_target_offers = List(cell("upgradeTargetOffers"));
    o.unit_type = cell("unitType");
    RETURN_IF_ERROR(boolean("isTrial", o.is_trial));
    o.countries = List(cell("countries"));
    o.product_id = cell("productId");
    o.sku_id = cell("skuId");
    c.offers.push_back(std::move(o));
  }
  return c;
}

}  // namespace csphub::api
