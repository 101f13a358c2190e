#include "importers/parse/link_arguments.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace newsgraph {
namespace {

bool IsConjunction(absl::string_view w) { return IsOneOf(w, {"and", "or", ",", "but", "&"}); }

bool IsRelativePronoun(absl::string_view w) { return IsOneOf(w, {"who", "that", "which"}); }

// Prepositions that introduce the other side of a contact: "met with X",
// "talks between X and Y", "a visit by X", "a call from X".
bool IsPartnerPreposition(absl::string_view w, bool verb) {
  if (IsOneOf(w, {"with", "between", "among", "alongside", "by"})) return true;
  return !verb && IsOneOf(w, {"from", "of"});
}

// Prepositions whose noun sets the scene of a clause: "in a phone call",
// "at a meeting", "during talks", "following talks in Tokyo".
bool IsSceneSetting(absl::string_view w) {
  return IsOneOf(w, {"in", "at", "during", "following", "after", "before", "on", "ahead", "for",
                     "over", "since", "amid", "upon", "through", "via", "by", "with"});
}

// Prepositions and conjunctions that open a participle clause: "after
// meeting X", "before travelling", "while visiting".
bool IsClauseOpener(absl::string_view w) {
  return IsOneOf(w, {"after", "before", "while", "since", "following", "upon", "on", "when",
                     "during", "ahead"});
}

// Verbs whose object noun is their own event: "held talks", "had a call",
// "attended a summit", "convened a meeting".
bool IsLightVerb(absl::string_view w) {
  return IsOneOf(w, {"hold", "holds", "held", "holding", "have", "has", "had", "having",
                     "attend", "attends", "attended", "attending", "convene", "convenes",
                     "convened", "convening", "host", "hosts", "hosted", "hosting", "join",
                     "joins", "joined", "joining", "chair", "chairs", "chaired", "chairing",
                     "co-chaired", "lead", "leads", "led", "leading", "conduct", "conducted",
                     "pay", "paid", "paying", "pays", "make", "made", "making", "begin",
                     "began", "begun", "opened", "opens", "open", "conclude", "concluded", "wrap", "wrapped",
                     "start",
                     "started", "arrange", "arranged", "schedule", "scheduled", "plan",
                     "planned", "plans", "seek", "sought", "request", "requested", "propose",
                     "proposed", "complete", "completed", "undertake", "undertook",
                     // "addressed a meeting of A and B": the speaker was there.
                     "address", "addresses", "addressed", "addressing"});
}

// Verbs whose object is a topic: "discussed preparations for the summit",
// "reviewed the agenda of the meeting" name an event the subject talks
// about, not one the subject attends.
bool IsTopicVerb(absl::string_view w) {
  return IsOneOf(w, {"discuss", "discusses", "discussed", "discussing", "review", "reviews",
                     "reviewed", "reviewing", "preview", "previews", "previewed", "previewing",
                     "prepare", "prepares", "prepared", "preparing", "brief", "briefs",
                     "briefed", "briefing"});
}

// Verbs that report what another clause says: their subject is a
// participant of a contact only when the contact is in their own clause.
bool IsReportingVerbWord(absl::string_view w) {
  return IsOneOf(w, {"said", "says", "say", "added", "wrote", "noted",
                     "stressed", "announced", "reported", "stated", "explained", "insisted"});
}

class Walker {
 public:
  Walker(const Document& doc, const SentenceParse& parse, const std::vector<int>& other_heads)
      : doc_(doc), parse_(parse), other_heads_(other_heads) {}

  std::vector<LinkArgument> Run(int head, bool verb) {
    // A gerund ("before meeting X", "meeting X in Oslo, Y ...") is a noun
    // to the trigger list but takes a verb's arguments.
    const std::string& w = Norm(head);
    const bool gerund = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
    if (verb || gerund) VerbArguments(head, "");
    if (!verb) NounArguments(head);
    std::sort(out_.begin(), out_.end(),
              [](const LinkArgument& a, const LinkArgument& b) { return a.token < b.token; });
    return std::move(out_);
  }

 private:
  const std::string& Norm(int tok) const { return doc_.tokens[tok].norm; }

  // Each link touching `tok` with the other end, `left` true when the
  // other end is on the left.
  template <typename F>
  void ForLinks(int tok, F f) const {
    for (const ParseLink& l : parse_.links) {
      if (l.left == tok) f(l, l.right, false);
      if (l.right == tok) f(l, l.left, true);
    }
  }

  void AddNp(int tok, bool subject, const std::string& path) {
    if (!visited_.insert(tok).second) return;
    if (IsConjunction(Norm(tok))) {
      ForLinks(tok, [&](const ParseLink& l, int other, bool) {
        if (l.type == "SJ") AddNp(other, subject, path + ">SJ");
      });
      return;
    }
    if (IsRelativePronoun(Norm(tok))) {
      // "X, who met Y": the antecedent carries the relative clause; where
      // the parse does not link it, the word before the comma.
      bool linked = false;
      ForLinks(tok, [&](const ParseLink& l, int other, bool left) {
        if (left && (l.type == "MX" || l.type == "M" || l.type == "R")) {
          linked = true;
          AddNp(other, subject, path + "<" + l.type);
        }
      });
      int before = tok - 1;
      while (!linked && before >= 0 && !doc_.tokens[before].word) --before;
      if (!linked && before >= 0) AddNp(before, subject, path + "<antecedent");
      return;
    }
    out_.push_back(LinkArgument{tok, subject, path});
  }

  // The words that share the subject of verb `v`: its auxiliaries and the
  // verbs it is the infinitive of ("is expected to meet"), and the
  // conjunction of a coordinated verb phrase ("flew to Oslo and met").
  // Object-controlled verbs ("invited X to visit") give their object
  // instead, into `controllers`.
  std::vector<int> Heads(int v, std::vector<int>* controllers) const {
    std::vector<int> heads = {v};
    for (size_t i = 0; i < heads.size(); ++i) {
      const int cur = heads[i];
      ForLinks(cur, [&](const ParseLink& l, int other, bool left) {
        if (std::find(heads.begin(), heads.end(), other) != heads.end()) return;
        // "travelled to X to meet Y": a purpose infinitive ("MVi") has the
        // subject of the verb it hangs from.
        const bool climb = left && (l.type == "PP" || l.type == "I" || l.type == "TO" ||
                                    l.type == "P" || l.type == "IV" ||
                                    l.label.compare(0, 3, "MVi") == 0);
        if (climb && l.type == "TO" && l.label.size() > 2 && l.label[2] == 'o') {
          controllers->push_back(other);
          return;
        }
        // "will see him visit Serbia", "let X meet Y": a bare infinitive
        // after an object ("I*j") has that object for its subject.
        if (climb && l.type == "I" && l.label.find('j') != std::string::npos) {
          controllers->push_back(other);
          return;
        }
        if (climb && l.type == "IV" && HasObjectControl(other)) return;
        if (climb || (l.type == "VJ" && IsConjunction(Norm(other)))) heads.push_back(other);
      });
    }
    return heads;
  }

  bool HasObjectControl(int verb) const {
    for (const ParseLink& l : parse_.links) {
      if (l.left == verb && l.type == "TO" && l.label.size() > 2 && l.label[2] == 'o') return true;
    }
    return false;
  }

  void Subjects(int v, const std::string& path) {
    std::vector<int> controllers;
    for (int h : Heads(v, &controllers)) {
      ForLinks(h, [&](const ParseLink& l, int other, bool left) {
        if (left && l.type == "S") AddNp(other, true, path + "S");
        if (!left && l.type == "CO") AddNp(other, true, path + "CO");
      });
    }
    for (int c : controllers) {
      ForLinks(c, [&](const ParseLink& l, int other, bool left) {
        if (!left && l.type == "O") AddNp(other, true, path + "TOo>O");
      });
    }
  }

  // "met X", "met with X", "was received by X", "spoke to X".
  void Objects(int v, const std::string& path, bool partners_only) {
    const bool speak = IsOneOf(Norm(v), {"spoke", "speak", "speaks", "speaking", "talked",
                                         "talk", "talks", "talking", "wrote", "write"});
    ForLinks(v, [&](const ParseLink& l, int other, bool left) {
      // "Y, whom she met in July": the relative pronoun (or the noun of
      // "the envoy she met") is the object, its antecedent the person.
      if (left && l.type == "B" && !partners_only) AddNp(other, false, path + "B");
      if (left) return;
      if (l.type == "O" && !partners_only) AddNp(other, false, path + "O");
      if (l.type != "MV") return;
      const std::string& p = Norm(other);
      if (!IsPartnerPreposition(p, true) && !(speak && p == "to")) return;
      if (p == "to" && other > 0 && Norm(other - 1) == "according") return;  // a source
      if (std::find(other_heads_.begin(), other_heads_.end(), other - 1) != other_heads_.end()) {
        return;  // "the summit between X and Y" is the summit's
      }
      // "with the visiting ministers" may come back as "with-J-visiting"
      // and "with-O-ministers": the noun is the object either way.
      ForLinks(other, [&](const ParseLink& j, int np, bool jleft) {
        if (!jleft && (j.type == "J" || j.type == "O")) {
          AddNp(np, false, absl::StrCat(path, "MV:", p, ">", j.type));
        }
      });
    });
  }

  void VerbArguments(int v, const std::string& path) {
    Subjects(v, path);
    Objects(v, path, false);
    // A participle clause: "after meeting X, Y said", "Y said after
    // meeting X", "Y, meeting X in Moscow, ...".
    // The opener may also take the gerund as the subject of a clause of its
    // own ("after-Cs-meeting"), where the parser reads "after" as a
    // conjunction.
    ForLinks(v, [&](const ParseLink& l, int other, bool left) {
      if (!left || !(l.type == "M" || l.type == "J" || l.type == "C")) return;
      if (l.type == "C" && !IsClauseOpener(Norm(other))) return;
      if (IsClauseOpener(Norm(other))) {
        Governor(other, path + l.type + "<" + Norm(other) + "<", true);
      } else if (l.type == "M") {
        AddNp(other, true, path + "M<");
      }
    });
  }

  // The clause that a preposition phrase `p` modifies: the verb it hangs
  // from ("thanked Y in a call") or the subject a fronted phrase leads to
  // ("At the talks, X said").
  void Governor(int p, const std::string& path, bool subject_only) {
    // "X said after meeting Y that ...": the parser may open the reported
    // clause with the phrase, but a phrase right after the reporting verb
    // tells when the speaker spoke, and so what the speaker did.
    if (p > 0 && IsReportingVerbWord(Norm(p - 1))) Subjects(p - 1, path + "said<");
    ForLinks(p, [&](const ParseLink& l, int other, bool left) {
      if (!left && l.type == "CO") {
        // "During a call, X urged Y": the clause the phrase opens is the
        // verb of the subject it leads to.
        AddNp(other, true, path + "CO");
        // Only a phrase of the same time ("during", "in", "at"): "after the
        // talks with Y, X met Z" is two contacts.
        const bool same_time = IsOneOf(Norm(p), {"during", "in", "at", "on", "over", "via"});
        ForLinks(other, [&](const ParseLink& sl, int verb, bool sleft) {
          if (!subject_only && same_time && !sleft && sl.type == "S" &&
              !IsReportingVerbWord(Norm(verb))) {
            Objects(verb, path + "CO>S>", false);
          }
        });
      }
      if (left && l.type == "M") {
        // Attached to the verb's object instead ("told reporters after
        // meeting X"): the clause is still that verb's.
        ForLinks(other, [&](const ParseLink& o, int verb, bool oleft) {
          if (oleft && o.type == "O" && !IsTopicVerb(Norm(verb))) Subjects(verb, path + "M<O<");
          // Or to the person the verb addresses ("relayed it to Y in a
          // call"): Y took part, and so did the verb's subject.
          if (oleft && o.type == "J" && IsOneOf(Norm(verb), {"to", "with"})) {
            ForLinks(verb, [&](const ParseLink& mv, int v, bool mvleft) {
              if (!mvleft || mv.type != "MV" || IsTopicVerb(Norm(v))) return;
              AddNp(other, false, path + "M<J<" + Norm(verb));
              Subjects(v, path + "M<J<MV<");
            });
          }
        });
      }
      if (left && l.type == "MV" && !IsTopicVerb(Norm(other))) {
        Subjects(other, path + "MV<");
        if (!subject_only && !IsReportingVerbWord(Norm(other))) {
          Objects(other, path + "MV<", false);
        }
      }
    });
  }

  void NounArguments(int n) {
    NounPhrase(n);
    PassiveAgents(n);
    // "A round of talks was hosted by X": the measure noun is the subject.
    ForLinks(n, [&](const ParseLink& l, int of, bool left) {
      if (!left || l.type != "J" || Norm(of) != "of") return;
      ForLinks(of, [&](const ParseLink& m, int head, bool mleft) {
        if (mleft && m.type == "M" && head == of - 1) PassiveAgents(head);
      });
    });
    // A conjunct takes its conjunction's governor: "held talks with X and
    // a dinner", where the verb links to "and".
    ForLinks(n, [&](const ParseLink& l, int other, bool) {
      if (l.type == "SJ" && IsConjunction(Norm(other))) NounGovernors(other);
    });
  }

  // "The meeting was attended by X and Y", "was co-chaired by X with
  // participation by Y": the agents of a passive whose subject is the noun.
  void PassiveAgents(int n) {
    ForLinks(n, [&](const ParseLink& l, int be, bool left) {
      // "the meeting, which was co-chaired by X": the relative pronoun
      // stands for the noun.
      if (!left && l.type == "MX" && IsOneOf(Norm(be), {"which", "that"})) PassiveAgents(be);
      if (left || l.type != "S") return;
      ForLinks(be, [&](const ParseLink& p, int verb, bool pleft) {
        if (pleft || p.type != "P" || p.label.compare(0, 2, "Pv") != 0) return;  // passive
        ForLinks(verb, [&](const ParseLink& m, int prep, bool mleft) {
          if (mleft || m.type != "MV") return;
          const std::string& w = Norm(prep);
          if (w == "by") Agents(prep, "S>Pv>MV:by>J");
          // "with participation by Y", "with the participation of Y".
          if (w != "with") return;
          ForLinks(prep, [&](const ParseLink& j, int noun, bool jleft) {
            if (jleft || j.type != "J" || Norm(noun) != "participation") return;
            ForLinks(noun, [&](const ParseLink& q, int by, bool qleft) {
              if (!qleft && q.type == "M" && IsOneOf(Norm(by), {"by", "of", "from"})) {
                Agents(by, "S>Pv>MV:with>J>M:" + Norm(by) + ">J");
              }
            });
          });
        });
      });
    });
  }

  void Agents(int prep, const std::string& path) {
    ForLinks(prep, [&](const ParseLink& j, int np, bool jleft) {
      if (!jleft && j.type == "J") AddNp(np, false, path);
    });
  }

  // The verb or preposition that governs the noun phrase at `n`.
  void NounGovernors(int n) {
    ForLinks(n, [&](const ParseLink& l, int other, bool left) {
      const std::string& w = Norm(other);
      if (left && l.type == "O" && IsLightVerb(w)) {
        Subjects(other, "O<");
        Objects(other, "O<", true);
      }
      // "met X, a day after talks with Y": a phrase of another time shares
      // the clause's subject, not its object.
      if (left && l.type == "J" && IsSceneSetting(w)) {
        Governor(other, "J<" + w + "<", IsOneOf(w, {"after", "before", "following", "ahead", "since"}));
      }
      // "held a day of talks", "a round of meetings": the measure noun's
      // governor is the trigger's.
      if (left && l.type == "J" && w == "of") {
        // Only the noun right before "of": "the White House ahead of the
        // summit" is no measure of it.
        ForLinks(other, [&](const ParseLink& m, int noun, bool mleft) {
          if (mleft && m.type == "M" && noun == other - 1 && depth_ < 3) {
            ++depth_;
            NounGovernors(noun);
            --depth_;
          }
        });
      }
    });
  }

  // A noun trigger's own phrase: "talks with X", "X's meeting".
  void NounPhrase(int n) {
    ForLinks(n, [&](const ParseLink& l, int other, bool left) {
      const std::string& w = Norm(other);
      if (!left && l.type == "M" && IsPartnerPreposition(w, false)) {
        ForLinks(other, [&](const ParseLink& j, int np, bool jleft) {
          if (!jleft && j.type == "J") AddNp(np, false, absl::StrCat("M:", w, ">J"));
        });
      }
      if (left && l.type == "D") {
        if (w == "'s" || w == "'") {  // "X's meeting"
          ForLinks(other, [&](const ParseLink& y, int np, bool yleft) {
            if (yleft && (y.type == "YS" || y.type == "YP")) AddNp(np, true, "D<YS");
          });
        } else if (IsOneOf(w, {"his", "her", "their"})) {
          AddNp(other, true, "D");
        }
      }
    });
    NounGovernors(n);  // "held talks with X", "thanked Y in a call"
  }

  const Document& doc_;
  const SentenceParse& parse_;
  const std::vector<int>& other_heads_;
  std::vector<LinkArgument> out_;
  absl::flat_hash_set<int> visited_;
  int depth_ = 0;  // "of" chains followed, a bound on the recursion
};

}  // namespace

std::vector<LinkArgument> LinkArguments(const Document& doc, const SentenceParse& parse,
                                        int head, bool verb, const std::vector<int>& other_heads) {
  if (!parse.ok()) return {};
  return Walker(doc, parse, other_heads).Run(head, verb);
}

}  // namespace newsgraph
