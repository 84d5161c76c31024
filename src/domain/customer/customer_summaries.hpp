#pragma once
// The customer list's rows (GET /v1/customers, the CSV export, `csphub customers list`).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace csphub::domain {

// A customer as the list shows it (Partner Center's list item, without the billing profile)
// with what the caller's relationship adds: the columns the list reads, and all that its JSON,
// the CSV export, the CLI and the continuation token use. Views into the CustomerSummaries that
// holds the row (or into whatever the caller made it from): valid while that lives.
struct CustomerSummary {
  std::string_view id;  // the customer's tenant ID
  std::string_view commerce_id;
  std::string_view domain;
  std::string_view company_name;
  std::string_view indirect_reseller_id;  // on a provider's relationship; empty otherwise
  std::string_view indirect_provider_id;  // on a reseller's relationship; empty otherwise
};

// A page of the list, the text of all its rows in one buffer: a page of 100 customers is a few
// allocations instead of a string per field (perf put malloc and free at ~8% of a list request
// when each row was six std::strings).
class CustomerSummaries {
 public:
  static constexpr std::size_t kFields = 6;

  void reserve(std::size_t rows) {
    text_.reserve(rows * 160);  // two GUIDs, a domain, a name, a reseller's GUID
    ends_.reserve(rows * kFields);
  }
  // Copies the row in: the views it is given may die after the call.
  void push_back(const CustomerSummary& row) {
    for (std::string_view field : {row.id, row.commerce_id, row.domain, row.company_name,
                                   row.indirect_reseller_id, row.indirect_provider_id}) {
      text_.append(field);
      ends_.push_back(text_.size());
    }
  }
  std::size_t size() const { return ends_.size() / kFields; }
  bool empty() const { return ends_.empty(); }
  CustomerSummary operator[](std::size_t row) const {
    const std::size_t* end = ends_.data() + row * kFields;
    std::size_t begin = row == 0 ? 0 : end[-1];
    std::array<std::string_view, kFields> f;
    for (std::size_t i = 0; i < kFields; ++i) {
      f[i] = std::string_view(text_).substr(begin, end[i] - begin);
      begin = end[i];
    }
    return {f[0], f[1], f[2], f[3], f[4], f[5]};
  }
  CustomerSummary back() const { return (*this)[size() - 1]; }
  // Keeps the first `rows` rows (never grows).
  void truncate(std::size_t rows) {
    if (rows >= size()) return;
    ends_.resize(rows * kFields);
    text_.resize(rows == 0 ? 0 : ends_.back());
  }

  class Iterator {
   public:
    Iterator(const CustomerSummaries* page, std::size_t row) : page_(page), row_(row) {}
    CustomerSummary operator*() const { return (*page_)[row_]; }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return row_ != other.row_; }

   private:
    const CustomerSummaries* page_;
    std::size_t row_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  // each field's end in text_, row after row
};

}  // namespace csphub::domain
