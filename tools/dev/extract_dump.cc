// Developer tool: runs the Extractor over JSON Lines articles and prints one
// JSON object per extracted event in the evaluation format of
// ../shared/eval/score_events.py.
//
//   extract_dump [--debug] ARTICLES.jsonl... > events.jsonl
//
// --debug adds the rules that fired ("rule", "date_rule", "people_rule").
#include <fstream>
#include <iostream>
#include <string>

#include "importers/extractor.h"
#include "importers/knowledge_base.h"
#include "nlohmann/json.hpp"
#include "schema/dates.h"
#include "schema/ontology.h"

int main(int argc, char** argv) {
  using newsgraph::ArticleInput;
  bool debug = false;
  auto kb = newsgraph::KnowledgeBase::LoadDefault();
  if (!kb.ok()) {
    std::cerr << "knowledge base: " << kb.status() << "\n";
    return 1;
  }
  newsgraph::Extractor extractor(&*kb);
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--debug") {
      debug = true;
      continue;
    }
    std::ifstream in(arg);
    if (!in) {
      std::cerr << "cannot open " << arg << "\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      ArticleInput a;
      a.id = j.value("id", "");
      a.date = j.value("date", "");
      a.text = j.value("text", "");
      if (j.contains("title") && j["title"].is_string()) a.title = j["title"];
      auto ex = extractor.Extract(a);
      if (!ex.ok()) {
        std::cerr << a.id << ": " << ex.status() << "\n";
        continue;
      }
      for (const auto& ev : ex->events) {
        nlohmann::json o;
        o["event_type"] = newsgraph::ExportEventType(ev.plover_type, ev.mode);
        o["participants"] = nlohmann::json::array();
        for (const auto& p : ev.participants) {
          o["participants"].push_back({{"name", p.name}, {"state", p.state}, {"role", p.role}});
        }
        std::string date = newsgraph::FormatSpan(ev.time);
        o["date"] = date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date);
        o["place"] = ev.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(ev.place);
        o["factuality"] = newsgraph::FactualityName(ev.factuality);
        o["mentions"] = nlohmann::json::array(
            {{{"article_id", a.id},
              {"sentence", a.text.substr(ev.sentence_begin,
                                         ev.sentence_end - ev.sentence_begin)}}});
        if (debug) {
          o["rule"] = ev.rule;
          o["date_rule"] = ev.date_rule;
          o["people_rule"] = ev.people_rule;
        }
        std::cout << o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
  }
  return 0;
}
