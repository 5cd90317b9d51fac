#pragma once
// A fresh icsctl database in a directory of its own, removed afterwards.
#include <ics/store/database.hpp>
#include <ics/store/transaction.hpp>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

namespace ics_test {

struct ScratchDb {
  std::filesystem::path dir;
  std::unique_ptr<ics::store::Database> db;

  ScratchDb() {
    static std::atomic<int> counter{0};
    dir = std::filesystem::temp_directory_path() /
          ("ics_unit_db_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    ics::store::Database::init(dir / "ics.db", context("init"));
    db = std::make_unique<ics::store::Database>(dir / "ics.db", ics::store::OpenMode::write);
  }
  ~ScratchDb() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
  ics::store::AuditContext context(const std::string& command = "test") const {
    return {"tester", command, "2026-01-01T00:00:00Z"};
  }
  long count(const std::string& table) const;
};

}  // namespace ics_test
