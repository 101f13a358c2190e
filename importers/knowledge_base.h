// The knowledge base: states, alliances with dated membership, and officials
// with dated roles, read from protobuf text files (data/kb/*.textproto).
#ifndef NEWSGRAPH_IMPORTERS_KNOWLEDGE_BASE_H_
#define NEWSGRAPH_IMPORTERS_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/kb.pb.h"

namespace newsgraph {

class KnowledgeBase {
 public:
  // A directory to read the shipped KB from instead of the copy compiled
  // into the library (schema/embedded_data.h): $NEWSGRAPH_DATA_DIR/kb (or
  // the older $NEWSGRAPH_DATA/kb) when set, else "" -- the embedded copy.
  static std::string DefaultDir();

  // Loads every *.textproto of DefaultDir(), in name order; without one,
  // the embedded KB, so a binary works with no source tree beside it.
  static absl::StatusOr<KnowledgeBase> LoadDefault();

  // Merges one file, chosen by its extension: ".txt" is a CAMEO actor
  // dictionary (AddCameoDictionary); anything else (".textproto", ".txtpb",
  // ".pbtxt") is protobuf text format. Errors name the file and the line:
  // "data/kb/people.textproto:12:3: ..." (InvalidArgument), or a state code
  // or date that does not parse, or a duplicate person key. A failed file
  // leaves the KB as it was.
  absl::Status AddFile(const std::string& path);

  // Merges a PETRARCH/TABARI actor dictionary (Phoenix.Countries.actors.txt
  // and the like) as people:
  //
  //   BARACK_OBAMA_  [USAELI]       # entry: name, optional [CODE date]
  //   +PRESIDENT_OBAMA               # alias of the entry above
  //       [USAGOV 090120-170120]     # role: code and YYMMDD (or YYYYMMDD)
  //       [USAELI >170120]           # ">D" from D, "<D" until D
  //   <! ... !>                      # metadata block, skipped
  //
  // Name "BARACK_OBAMA_" -> name "Barack Obama", key "barack-obama". The
  // code's first three letters are the country (ISO alpha-3, mapped to the
  // KB's alpha-2 through cameo_countries.tsv in DefaultDir(); IGOUNO -> UN,
  // IGO...NAT -> NATO, IGO...EEC -> EU); the rest gives a generic title
  // (GOV "government official", MIL "military", ELI "elite", ...). Two-digit
  // years 00-30 are 20xx, others 19xx. Roles whose code names no country or
  // organisation of the KB (and bare country codes) are dropped; an entry
  // with no dated role left is taken for a group, an institution or a place
  // and skipped. A one-word name gives way to the first full-name alias (or
  // the entry is skipped); one-word aliases are dropped. An entry whose key
  // the KB already has is skipped (the hand-written entry wins); repeated
  // entries within the dictionary are merged. Syntax errors and bad dates
  // fail with "path:LINE: ..." and leave the KB as it was.
  absl::Status AddCameoDictionary(const std::string& path);

  const pb::KnowledgeBase& proto() const { return kb_; }

  // nullptr when unknown. Codes are ISO alpha-2, names as in the KB.
  const pb::KbState* StateByCode(absl::string_view code) const;
  const pb::KbAlliance* AllianceByName(absl::string_view name) const;
  const pb::KbPerson* PersonByKey(absl::string_view key) const;

  // The person's role whose span contains `day` (days since 1970-01-01),
  // preferring the most recently started; nullptr if none. A role's span
  // runs from the first day of `from` (open: forever) to the last day of
  // `to` (open: still held). Pointers are invalidated by AddFile().
  const pb::KbRole* RoleOn(const pb::KbPerson& person, int32_t day) const;

  // True when `state` belongs to `alliance` on `day`.
  bool IsMember(absl::string_view state, absl::string_view alliance, int32_t day) const;

 private:
  // Inclusive day range of a KbSpan, open ends widened to the int32 limits.
  struct DayRange {
    int32_t from;
    int32_t to;
  };
  // A membership or role state to resolve once every file is loaded (the
  // files load in name order, so alliances.textproto precedes states).
  struct Reference {
    std::string value;
    bool state_only;    // memberships name states; roles may name an alliance
    std::string where;  // "path:LINE:COL"
  };

  // Parses and validates one file and appends it; references unchecked.
  absl::Status Merge(const std::string& path);
  // Merge of a file's text; `path` names it in errors.
  absl::Status MergeText(absl::string_view text, const std::string& path);
  static absl::StatusOr<KnowledgeBase> LoadEmbedded();
  absl::Status MergeCameo(const std::string& path);
  absl::Status CheckReferences() const;
  absl::Status Index();

  pb::KnowledgeBase kb_;
  absl::flat_hash_map<std::string, int> state_index_;
  absl::flat_hash_map<std::string, int> alliance_index_;
  absl::flat_hash_map<std::string, int> person_index_;
  // "state:US", "alliance:NATO", "person:joe-biden" -> where first defined.
  absl::flat_hash_map<std::string, std::string> defined_at_;
  std::vector<Reference> references_;
  std::vector<std::vector<DayRange>> role_days_;    // [person][role]
  std::vector<std::vector<DayRange>> member_days_;  // [alliance][membership]
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_KNOWLEDGE_BASE_H_
