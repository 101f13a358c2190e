// Stage 2: the gazetteer. A trie over normalised alias token sequences
// (importers/text.h), matched longest-first, left to right, over a
// document's tokens — one walk per start token, never a regex per name.
// Seeded from the knowledge base: people (full names, aliases, and
// surnames for coreference), states (names, demonyms, capitals and
// metonyms) and alliances.
#ifndef NEWSGRAPH_IMPORTERS_GAZETTEER_H_
#define NEWSGRAPH_IMPORTERS_GAZETTEER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "importers/text.h"
#include "schema/kb.pb.h"

namespace newsgraph {

enum class GazKind {
  kPerson,    // key = person key; a full name or alias
  kSurname,   // key = person key; the family name alone ("Blinken", "Xi")
  kState,     // key = ISO code; the state's name ("Ukraine")
  kDemonym,   // key = ISO code; "Ukrainian", "Ukrainians"
  kMetonym,   // key = ISO code; the capital or seat ("Beijing", "the Kremlin")
  kAlliance,  // key = alliance name ("NATO")
  kPlace,     // key = ISO code; a city or region inside the state ("Munich")
};

struct GazEntry {
  GazKind kind;
  std::string key;
  // Short all-capital aliases ("US", "UN") only match all-capital text, so
  // the pronoun "us" is never the United States.
  bool exact_case = false;
};

struct GazMatch {
  int first = 0;  // tokens [first, last)
  int last = 0;
  std::vector<const GazEntry*> entries;  // every entry of the matched alias

  bool Has(GazKind kind) const;
  const GazEntry* Get(GazKind kind) const;  // first entry of that kind or nullptr
};

class Gazetteer {
 public:
  Gazetteer();

  // Every alias of `kb`. People's surnames are the last word of each name
  // (the first for Chinese and Korean names), skipping suffixes ("Jr.").
  static Gazetteer FromKb(const pb::KnowledgeBase& kb);

  // The cities and regions of `kb` alone (kPlace): kept apart from FromKb so
  // that a place name never hides a person's name or title.
  static Gazetteer PlacesFromKb(const pb::KnowledgeBase& kb);

  // Adds `phrase` (tokenised and normalised like article text). A leading
  // "the" is dropped: articles write "the Kremlin" and "Kremlin" alike.
  void Add(absl::string_view phrase, GazKind kind, absl::string_view key);

  // Longest non-overlapping matches in tokens [first, last) of `doc`, left
  // to right. A match must start at a capitalised word (or a lower-case
  // name particle such as "von"), and exact_case entries need capitals.
  std::vector<GazMatch> Match(const Document& doc, int first, int last) const;

  // Person keys whose surname entry is exactly `norm_tokens`; empty if none.
  std::vector<std::string> PeopleWithSurname(const std::vector<std::string>& norm_tokens) const;

 private:
  struct Node {
    absl::flat_hash_map<std::string, int> next;
    std::vector<int> entries;
  };
  int Walk(int node, const std::string& token) const;

  std::vector<Node> nodes_;
  std::vector<GazEntry> entries_;
};

// The family name of a full name, as normalised tokens ("Joe Biden" ->
// {"biden"}, "Xi Jinping" -> {"xi"} when `family_first`, "Ursula von der
// Leyen" -> {"von", "der", "leyen"}).
std::vector<std::string> SurnameTokens(absl::string_view full_name, bool family_first);

// The surname in `name`, one of the names of a person whose primary name
// has the surname `primary`. A family-name-first person's alias that puts a
// given name first ("William Lai" for "Lai Ching-te") keeps that surname.
std::vector<std::string> AliasSurnameTokens(absl::string_view name,
                                            const std::vector<std::string>& primary,
                                            bool family_first);

// True for lower-case particles inside names ("von", "der", "bin", "al").
bool IsNameParticle(absl::string_view norm);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IMPORTERS_GAZETTEER_H_
