#pragma once
// The error types of libics. lib/ throws them; cmd/ catches them once and maps each to an exit code.
#include <ics/api.hpp>

#include <optional>
#include <stdexcept>
#include <string>

ICS_API_BEGIN
namespace ics {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A bad value from the user: names the field, the value and why (and the line, when from a file).
class InvalidInput : public Error {
 public:
  InvalidInput(std::string field, std::string value, std::string reason,
               std::optional<long> line = std::nullopt);
  // A message that is not about one field's value (e.g. a broken template).
  explicit InvalidInput(const std::string& message);

  const std::string& field() const { return m_field; }
  const std::string& value() const { return m_value; }
  const std::string& reason() const { return m_reason; }
  std::optional<long> line() const { return m_line; }

 private:
  std::string m_field, m_value, m_reason;
  std::optional<long> m_line;
};

// The request conflicts with what the database already holds (a duplicate, a second open plan).
class Conflict : public Error {
 public:
  using Error::Error;
  // A conflict about one field's value: "<field> <value> <reason>" (child C1 already has an open …).
  Conflict(std::string field, std::string value, std::string reason);

  const std::string& field() const { return m_field; }
  const std::string& value() const { return m_value; }
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_field, m_value, m_reason;
};

class NotFound : public Error {
 public:
  using Error::Error;
};

// The database file does not exist (the user has to run `icsctl init`).
class NoDatabase : public NotFound {
 public:
  using NotFound::NotFound;
};

class StorageError : public Error {
 public:
  using Error::Error;
};

// The database refused a write that breaks one of its constraints (a unique key, a check, a
// foreign key). The message is the database's own.
class ConstraintViolation : public StorageError {
 public:
  using StorageError::StorageError;
};

// Another connection held the database for longer than the busy timeout.
class DatabaseBusy : public StorageError {
 public:
  using StorageError::StorageError;
};

// The user interrupted a long operation (Ctrl-C); nothing was written.
class Interrupted : public Error {
 public:
  Interrupted() : Error("interrupted") {}
};

}  // namespace ics
ICS_API_END
