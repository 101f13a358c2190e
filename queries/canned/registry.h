// The registry of canned queries: named, documented, parameterised Cypher
// texts read from data files (data/queries/canned.cypher, then the user's
// own), and the binding of a caller's parameter text to typed values.
//
// File format: an entry starts at a `// name: NAME` line; the `//` lines
// right after it are its header, the lines after the header up to the next
// `// name:` line are its Cypher text. Header lines:
//   // description: text           (repeatable; the lines are joined)
//   // param: NAME TYPE [= DEFAULT] — help      ("--" may stand for "—")
//   // formats: table json csv dot graphml      (default: table json csv)
//   // engine: native                (optional; see CannedEntry::native)
// TYPE is string, int, float, bool, date (YYYY-MM-DD) or strings (a comma
// list); int[LO..HI] bounds an integer, string[a|b|c] lists the allowed
// values. person and entity are strings that name one: before the query
// runs they become the stored name (queries/canned/entity_names.h: aliases, case
// and diacritics ignored), and a name that finds nothing is an error. A parameter without a default is required; one with a default
// also takes the value `null` (`= null`: null unless given). Lines before
// the first `// name:` are free comments. Every `$name` the Cypher text
// uses must be declared.
#ifndef NEWSGRAPH_QUERIES_CANNED_REGISTRY_H_
#define NEWSGRAPH_QUERIES_CANNED_REGISTRY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "newsgraph/cypher.h"

namespace newsgraph::queries {

enum class ParamType { kString, kInt, kFloat, kBool, kDate, kStrings, kPerson, kEntity };

struct CannedParam {
  std::string name;
  ParamType type = ParamType::kString;
  std::string type_text;                    // as written: "int[1..3]"
  std::optional<int64_t> min, max;          // int[LO..HI]
  std::vector<std::string> choices;         // string[a|b|c]
  std::optional<std::string> default_text;  // absent: required; "null": optional
  std::string help;
};

struct CannedEntry {
  std::string name;
  std::string description;
  std::vector<CannedParam> params;
  std::vector<std::string> formats;  // the output formats its answers support
  std::string cypher;
  std::string origin;   // "file:line" of its `// name:` line
  int cypher_line = 0;  // file line where the Cypher text starts
  // The ask command answers with the C++ implementation of the same name
  // (officials-met, contacts-of: scored, and faster); the Cypher text is its
  // readable equivalent and runs with `--engine cypher`.
  bool native = false;

  const CannedParam* FindParam(absl::string_view param) const;
  bool SupportsFormat(absl::string_view format) const;
};

// Parses one registry file's text. `origin` names it in errors, which read
// "ORIGIN:LINE: message" (Cypher errors "ORIGIN:LINE:COLUMN: ..."), and are
// InvalidArgument. Names must be unique within one file.
absl::StatusOr<std::vector<CannedEntry>> ParseCannedQueries(absl::string_view text,
                                                            const std::string& origin);

class CannedRegistry {
 public:
  // Adds the entries of `text`; an entry replaces an earlier one of the same
  // name in place (a user's file overrides the shipped one).
  absl::Status AddText(absl::string_view text, const std::string& origin);
  // AddText for the file embedded at build time: its headers are read, its
  // Cypher texts are not parsed (registry_test parses them, and a one-shot
  // `ask` spent a millisecond on every entry it did not run).
  absl::Status AddShippedText(absl::string_view text, const std::string& origin);
  // Reads `path` and adds it. Errors: NotFound for an unreadable file.
  absl::Status AddFile(const std::string& path);

  // Null when no entry has that name.
  const CannedEntry* Find(absl::string_view name) const;
  // In the order first read.
  const std::vector<CannedEntry>& entries() const { return entries_; }

 private:
  // Adds parsed entries (or returns the parse error).
  absl::Status Add(absl::StatusOr<std::vector<CannedEntry>> parsed);

  std::vector<CannedEntry> entries_;
};

// The shipped queries -- $NEWSGRAPH_DATA_DIR/queries/canned.cypher when
// that variable is set, else the copy compiled into the library
// (schema/embedded_data.h) -- then the files named in `env_list` (the value
// of NEWSGRAPH_QUERIES, ':'-separated), then `user_files`, later ones
// overriding earlier ones by name.
absl::StatusOr<CannedRegistry> LoadCannedRegistry(const std::vector<std::string>& user_files,
                                                  absl::string_view env_list);

// Typed values for `entry`'s parameters from their text: defaults fill the
// ones not given. Errors (InvalidArgument, naming the parameter): an unknown
// name, a missing required one, a value of the wrong type or out of range.
// Dates are checked as real days and bound as Cypher dates.
absl::StatusOr<CypherParams> BindParams(const CannedEntry& entry,
                                        const std::map<std::string, std::string>& given);

// "string", "int[1..3]", ... with " (required)" or " = DEFAULT", for listings.
std::string DescribeParamType(const CannedParam& param);

}  // namespace newsgraph::queries

#endif  // NEWSGRAPH_QUERIES_CANNED_REGISTRY_H_
