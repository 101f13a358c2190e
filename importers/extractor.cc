// The text pipeline end to end: text.h -> gazetteer.h / mentions.h ->
// coref.h -> triggers.h / events.h -> time_expressions.h, then one event
// per event of the article (repeated mentions merged). Long texts are read
// in segments; each segment by internal/article_reader.h.
#include "importers/extractor.h"

#include <string>
#include <utility>
#include <vector>

#include "importers/gazetteer.h"
#include "importers/internal/article_reader.h"
#include "importers/parse/link_parser.h"
#include "schema/dates.h"

namespace newsgraph {

struct Extractor::Impl {
  const KnowledgeBase* kb;
  Gazetteer gazetteer;
  Gazetteer places;  // cities and regions, for where a trip goes
  std::unique_ptr<LinkParser> parser;  // null when parsing is off
};

Extractor::Extractor(const KnowledgeBase* kb, const ExtractorOptions& options)
    : impl_(new Impl{kb, Gazetteer::FromKb(kb->proto()), Gazetteer::PlacesFromKb(kb->proto()),
                     nullptr}) {
  if (options.parse_sentences) {
    absl::StatusOr<std::unique_ptr<LinkParser>> parser = LinkParser::Create();
    if (parser.ok()) impl_->parser = *std::move(parser);
  }
}

bool Extractor::parsing() const { return impl_->parser != nullptr; }

Extractor::~Extractor() = default;

namespace {

// Texts longer than this are read in segments of about this size, cut at
// a paragraph, else a sentence, else a space. Coreference, contact frames
// and time context do not reach across a cut, but every gold article is
// under 32 KiB, so real news is never cut; what the cut buys is work that
// grows linearly with a long text rather than with its square (each stage
// looks back over the mentions and frames before it).
constexpr size_t kSegmentBytes = size_t{64} << 10;

// The [begin, end) byte ranges of the segments of `text`.
std::vector<std::pair<size_t, size_t>> Segments(absl::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  while (text.size() - begin > kSegmentBytes) {
    const size_t target = begin + kSegmentBytes;
    const absl::string_view window = text.substr(begin + kSegmentBytes / 2, kSegmentBytes / 2);
    size_t cut = absl::string_view::npos;
    for (absl::string_view boundary : {"\n\n", "\n", ". ", " "}) {
      const size_t at = window.rfind(boundary);
      if (at != absl::string_view::npos) {
        cut = begin + kSegmentBytes / 2 + at + boundary.size();
        break;
      }
    }
    if (cut == absl::string_view::npos) {
      cut = target;  // no space at all: any UTF-8 character boundary
      while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out.emplace_back(begin, cut);
    begin = cut;
  }
  out.emplace_back(begin, text.size());
  return out;
}

void AddSegment(Extraction segment, uint32_t offset, Extraction* all) {
  for (ExtractedEvent& ev : segment.events) {
    ev.sentence_begin += offset;
    ev.sentence_end += offset;
    all->events.push_back(std::move(ev));
  }
  for (LearnedRole& role : segment.roles) {
    role.sentence_begin += offset;
    role.sentence_end += offset;
    all->roles.push_back(std::move(role));
  }
  ParseStats& p = all->parse;
  const ParseStats& q = segment.parse;
  p.sentences += q.sentences;
  p.candidates += q.candidates;
  p.settled += q.settled;
  p.parsed += q.parsed;
  p.no_parse += q.no_parse;
  p.timed_out += q.timed_out;
  p.too_long += q.too_long;
  p.millis.insert(p.millis.end(), q.millis.begin(), q.millis.end());
}

}  // namespace

absl::StatusOr<Extraction> Extractor::Extract(const ArticleInput& article) const {
  if (article.text.size() <= kSegmentBytes) return ExtractSegment(article);
  Extraction all;
  for (const auto& [begin, end] : Segments(article.text)) {
    ArticleInput part;
    part.id = article.id;
    part.date = article.date;
    part.title = article.title;
    part.text = article.text.substr(begin, end - begin);
    absl::StatusOr<Extraction> segment = ExtractSegment(part);
    if (!segment.ok()) return segment.status();
    AddSegment(*std::move(segment), static_cast<uint32_t>(begin), &all);
  }
  return all;
}

absl::StatusOr<Extraction> Extractor::ExtractSegment(const ArticleInput& article) const {
  absl::StatusOr<absl::CivilDay> pub = ParseIsoDay(article.date);
  if (!pub.ok()) return pub.status();
  return internal::ArticleReader(*impl_->kb, impl_->gazetteer, impl_->places,
                                 impl_->parser.get(), article.text, *pub)
      .Read();
}

}  // namespace newsgraph
