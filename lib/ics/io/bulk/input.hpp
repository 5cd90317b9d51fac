#pragma once
// The bytes of a bulk file as they are read: the first line can be looked at before reading starts
// (to tell the format) and every byte read is counted and hashed (for the import batch record).
#include <ics/api.hpp>

#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::io {

class BulkInput {
 public:
  // Reads the first block of `in` at once; `in` must outlive this object. Reading more than
  // `max_bytes` (default 4 GiB, README "Limits") throws InvalidInput: an endless stream ends there.
  explicit BulkInput(std::istream& in);
  BulkInput(std::istream& in, long long max_bytes);
  ~BulkInput();
  BulkInput(const BulkInput&) = delete;
  BulkInput& operator=(const BulkInput&) = delete;

  // The start of the file up to its first line end (at most one block).
  std::string_view head() const;
  // The whole file, from its first byte.
  std::istream& stream();
  // The SHA-256 (hex) of the bytes read so far: of the whole file once it has been read to its end.
  std::string sha256() const;
  long long bytes_read() const;

 private:
  class Buffer;
  std::unique_ptr<Buffer> m_buffer;
  std::unique_ptr<std::istream> m_stream;
};

}  // namespace ics::io
ICS_API_END
