#include <ics/io/export.hpp>
#include <ics/io/writers.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/transaction.hpp>

#include <sstream>

namespace ics::io {

namespace {

// Prefixes every row with a "record" column and writes each as one JSON object, into a line of its
// own or an array, across the several results of `export all`.
class RecordStream : public util::RowSink {
 public:
  RecordStream(std::ostream& out, bool json_array) : m_out(out), m_array(json_array) {}

  void start(RecordKind kind) { m_record = std::string(record_name(kind)); }
  void begin(const std::vector<util::Column>& columns) override {
    std::vector<util::Column> tagged{{"record"}};
    tagged.insert(tagged.end(), columns.begin(), columns.end());
    m_line = make_writer(Format::ndjson, m_buffer);
    m_line->begin(tagged);
  }
  void row(const std::vector<util::Value>& values) override {
    m_values.assign(1, m_record);
    m_values.insert(m_values.end(), values.begin(), values.end());
    m_buffer.str("");
    m_line->row(m_values);
    auto object = m_buffer.str();
    if (m_array) {
      object.pop_back();  // the line end
      m_out << (m_count == 0 ? "[\n" : ",\n") << object;
    } else {
      m_out << object;
    }
    ++m_count;
  }
  void end() override {}
  void finish() {
    if (m_array) m_out << (m_count == 0 ? "[]\n" : "\n]\n");
    m_out.flush();
  }

 private:
  std::ostream& m_out;
  bool m_array;
  std::string m_record;
  std::ostringstream m_buffer;
  std::unique_ptr<util::RowSink> m_line;
  std::vector<util::Value> m_values;
  long m_count = 0;
};

}  // namespace

void export_records(store::Database& db, RecordKind kind, util::RowSink& sink) {
  store::export_rows(db, entity_of(kind), sink);
}

void export_all(store::Database& db, bool json_array, std::ostream& out) {
  store::ReadTransaction snapshot(db);
  RecordStream stream(out, json_array);
  for (auto kind : record_kinds()) {
    stream.start(kind);
    export_records(db, kind, stream);
  }
  stream.finish();
}

}  // namespace ics::io
