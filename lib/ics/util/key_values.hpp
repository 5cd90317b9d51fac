#pragma once
// A flat YAML map of text values ("key: value" lines, # comments), as a settings file holds them:
// each entry with the line it is on, so that whoever checks the values can say where a bad one is.
#include <ics/api.hpp>

#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::util {

struct KeyValue {
  std::string key;
  std::string value;  // the scalar's text; "" for a key with no value (`key:`, `key: ~`, `key: ""`)
  long line = 0;      // 1-based, of the key
};

// The entries of `text`, in file order; none for a file with no map at all (empty, or comments
// only). Throws ics::InvalidInput "<source>:<line>:<column>: <what>" for invalid UTF-8, a YAML
// syntax error, more than one document, a document that is not a map, a key that is not text, a key
// met twice, or a value that is a list or a map.
std::vector<KeyValue> read_key_values(std::string_view text, std::string_view source);

}  // namespace ics::util
ICS_API_END
