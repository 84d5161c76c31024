#pragma once
// The rule of Store::ReadOnce() (domain/store.hpp), kept by each backend's Connection: a unit
// that runs without a transaction may prepare one statement, and it must be a query. Anything
// else would silently lose what a transaction gives (one snapshot over several statements, a
// rollback of a write), so it is refused before it runs, in every build, by an exception that
// RunGuarded (transaction_nesting.hpp) turns into Internal — a status a work function cannot
// mistake for NotFound and swallow.
#include <stdexcept>
#include <string>

namespace csphub::storage {

class OneStatementBudget {
 public:
  // True inside a ReadOnce() unit.
  bool active() const { return left_ >= 0; }
  void Start() { left_ = 1; }
  void Stop() { left_ = -1; }
  // Called by Prepare() while active(): `sql` is the unit's statement, `query` whether it only
  // reads. Throws std::logic_error for a second statement or a write.
  void Spend(const char* sql, bool query) {
    if (left_ == 0) {
      throw std::logic_error(std::string("ReadOnce() ran a second statement (use Read()): ") + sql);
    }
    if (!query) throw std::logic_error(std::string("ReadOnce() ran a write: ") + sql);
    left_ = 0;
  }

 private:
  int left_ = -1;  // statements the unit may still prepare; -1: not in a ReadOnce()
};

}  // namespace csphub::storage
