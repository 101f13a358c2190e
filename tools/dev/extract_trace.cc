// Developer tool: shows what each stage of the text pipeline read in the
// articles whose id starts with a prefix — sentences, person mentions
// (with title, nationality and entity), actors, triggers and factuality,
// the sentence's Link Grammar parse and each trigger's arguments in it.
//
//   extract_trace ARTICLES.jsonl ID_PREFIX [SENTENCE_SUBSTRING [KB_FILE]]
//
// KB_FILE: an extra knowledge-base file read after the shipped ones.
#include <fstream>
#include <iostream>
#include <string>

#include "importers/coref.h"
#include "importers/events.h"
#include "importers/gazetteer.h"
#include "importers/knowledge_base.h"
#include "importers/mentions.h"
#include "importers/parse/candidates.h"
#include "importers/parse/link_arguments.h"
#include "importers/parse/link_parser.h"
#include "importers/text.h"
#include "importers/triggers.h"
#include "nlohmann/json.hpp"
#include "schema/dates.h"

int main(int argc, char** argv) {
  using namespace newsgraph;
  if (argc < 3) {
    std::cerr << "usage: extract_trace ARTICLES.jsonl ID_PREFIX [SUBSTRING [KB_FILE]]\n";
    return 2;
  }
  const std::string filter = argc > 3 ? argv[3] : "";
  auto kb = KnowledgeBase::LoadDefault();
  if (!kb.ok()) {
    std::cerr << kb.status() << "\n";
    return 1;
  }
  if (argc > 4) {
    if (absl::Status st = kb->AddFile(argv[4]); !st.ok()) {
      std::cerr << st << "\n";
      return 1;
    }
  }
  Gazetteer gaz = Gazetteer::FromKb(kb->proto());
  auto parser = LinkParser::Create();
  if (!parser.ok()) std::cerr << parser.status() << "\n";
  std::ifstream in(argv[1]);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    std::string id = j.value("id", "");
    if (id.rfind(argv[2], 0) != 0) continue;
    std::string text = j.value("text", "");
    auto pub = ParseIsoDay(j.value("date", ""));
    if (!pub.ok()) continue;
    Document doc = Analyze(text);
    Mentions m = FindMentions(doc, gaz);
    std::vector<Entity> ents = ResolveCoreference(*kb, DayNumber(*pub), &m);
    std::cout << "=== " << id << " " << j.value("date", "") << "\n";
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      std::string st(text.substr(s.begin, s.end - s.begin));
      if (!filter.empty() && st.find(filter) == std::string::npos) continue;
      std::cout << "[" << si << "] " << st << "\n";
      for (const PersonMention& p : m.people) {
        if (p.first < s.first || p.last > s.last) continue;
        std::cout << "   person@" << p.first << " '" << p.name << "' rule=" << p.rule
                  << " role='" << p.role << "' nat=" << p.nationality << " entity="
                  << (p.entity >= 0 ? ents[p.entity].name + "/" + ents[p.entity].state : "-")
                  << "\n";
      }
      for (const GazMatch& g : gaz.Match(doc, s.first, s.last)) {
        std::cout << "   gaz@" << g.first << " " << doc.Span(g.first, g.last) << " ->";
        for (const GazEntry* e : g.entries) std::cout << " " << static_cast<int>(e->kind) << ":" << e->key;
        std::cout << "\n";
      }
      for (const ActorMention& a : m.actors) {
        if (a.first < s.first || a.last > s.last) continue;
        std::cout << "   actor@" << a.first << " " << doc.Span(a.first, a.last) << " -> "
                  << a.key << "\n";
      }
      for (const Trigger& t : FindTriggers(doc, s)) {
        FactualityReading f = ReadFactuality(doc, s, t);
        std::cout << "   trigger@" << t.first << " " << doc.Span(t.first, t.last) << " "
                  << t.mode << " " << t.rule << " fact=" << f.value << "(" << f.cue << ")\n";
      }
      SentenceParse parse;
      if (parser.ok()) {
        parse = (*parser)->Parse(doc, s, ParseLeftOut(doc, s, m, FindTriggers(doc, s)));
        std::cout << "   parse " << ParseOutcomeName(parse.outcome) << " " << parse.millis
                  << " ms:";
        for (const ParseLink& l : parse.links) {
          std::cout << " " << doc.tokens[l.left].norm << "-" << l.label << "-"
                    << doc.tokens[l.right].norm;
        }
        std::cout << "\n";
        for (const Trigger& t : FindTriggers(doc, s)) {
          std::cout << "   arguments of " << doc.Span(t.first, t.last) << ":";
          for (const LinkArgument& a :
               LinkArguments(doc, parse, t.verb ? t.first : t.last - 1, t.verb)) {
            std::cout << " " << (a.subject ? "subj " : "obj ") << doc.tokens[a.token].norm
                      << " (" << a.path << ")";
          }
          std::cout << "\n";
        }
      }
      for (const DraftEvent& d :
           EventsInSentence(doc, static_cast<int>(si), m, ents, parser.ok() ? &parse : nullptr)) {
        std::cout << "   draft " << d.mode << " @" << d.trigger.first
                  << (d.anaphoric ? " anaphoric" : "") << " place='" << d.place << "' rule='"
                  << d.people_rule << "' people:";
        for (int e : d.entities) std::cout << " " << ents[e].name;
        std::cout << "\n";
      }
      std::vector<int> list = ParticipantList(doc, static_cast<int>(si), m);
      if (!list.empty()) std::cout << "   participant-list: " << list.size() << "\n";
    }
  }
  return 0;
}
