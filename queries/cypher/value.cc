#include "queries/cypher/value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "queries/cypher/graph.h"
#include "schema/dates.h"

namespace newsgraph::cypher {

using K = Value::Kind;

Value TriToValue(Tri t) {
  return t == Tri::kUnknown ? Value::Null() : Value::Bool(t == Tri::kTrue);
}

Tri CypherEquals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kUnknown;
  if (a.is_number() && b.is_number()) {
    if (a.kind == K::kInt && b.kind == K::kInt) return a.i == b.i ? Tri::kTrue : Tri::kFalse;
    return a.AsDouble() == b.AsDouble() ? Tri::kTrue : Tri::kFalse;
  }
  if (a.kind != b.kind) return Tri::kFalse;
  switch (a.kind) {
    case K::kBool: return a.b == b.b ? Tri::kTrue : Tri::kFalse;
    case K::kString: return a.s == b.s ? Tri::kTrue : Tri::kFalse;
    case K::kDate:
    case K::kNode:
    case K::kRel: return a.i == b.i ? Tri::kTrue : Tri::kFalse;
    case K::kList:
    case K::kPath: {
      if (a.list.size() != b.list.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (size_t i = 0; i < a.list.size(); ++i) {
        const Tri t = CypherEquals(a.list[i], b.list[i]);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kUnknown) result = Tri::kUnknown;
      }
      return result;
    }
    case K::kMap: {
      if (a.map.size() != b.map.size()) return Tri::kFalse;
      Tri result = Tri::kTrue;
      for (const auto& [k, v] : a.map) {
        auto it = b.map.find(k);
        if (it == b.map.end()) return Tri::kFalse;
        const Tri t = CypherEquals(v, it->second);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kUnknown) result = Tri::kUnknown;
      }
      return result;
    }
    default: return Tri::kFalse;
  }
}

static int Sign(double d) { return d < 0 ? -1 : (d > 0 ? 1 : 0); }

bool CypherCompare(const Value& a, const Value& b, int* cmp) {
  if (a.is_null() || b.is_null()) return false;
  if (a.is_number() && b.is_number()) {
    if (a.kind == K::kInt && b.kind == K::kInt) {
      *cmp = a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
      return true;
    }
    const double x = a.AsDouble(), y = b.AsDouble();
    if (std::isnan(x) || std::isnan(y)) return false;
    *cmp = Sign(x - y);
    return true;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case K::kBool: *cmp = static_cast<int>(a.b) - static_cast<int>(b.b); return true;
    case K::kString: *cmp = a.s.compare(b.s) < 0 ? -1 : (a.s == b.s ? 0 : 1); return true;
    case K::kDate: *cmp = a.i < b.i ? -1 : (a.i > b.i ? 1 : 0); return true;
    case K::kList: {
      for (size_t i = 0; i < a.list.size() && i < b.list.size(); ++i) {
        int c = 0;
        if (!CypherCompare(a.list[i], b.list[i], &c)) return false;
        if (c != 0) { *cmp = c; return true; }
      }
      *cmp = a.list.size() < b.list.size() ? -1 : (a.list.size() > b.list.size() ? 1 : 0);
      return true;
    }
    default: return false;
  }
}

// Ascending orderability of the kinds, per the openCypher CIP on ordering.
static int Rank(K k) {
  switch (k) {
    case K::kMap: return 0;
    case K::kNode: return 1;
    case K::kRel: return 2;
    case K::kList: return 3;
    case K::kPath: return 4;
    case K::kDate: return 5;  // temporal values sort between paths and strings
    case K::kString: return 6;
    case K::kBool: return 7;
    case K::kInt:
    case K::kFloat: return 8;
    case K::kNull: return 9;
  }
  return 10;
}

int OrderCompare(const Value& a, const Value& b) {
  const int ra = Rank(a.kind), rb = Rank(b.kind);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind) {
    case K::kNull: return 0;
    case K::kBool: return static_cast<int>(a.b) - static_cast<int>(b.b);
    case K::kInt:
    case K::kFloat: {
      if (a.kind == K::kInt && b.kind == K::kInt) return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
      const double x = a.AsDouble(), y = b.AsDouble();
      const bool nx = std::isnan(x), ny = std::isnan(y);
      if (nx || ny) return nx == ny ? 0 : (nx ? 1 : -1);
      if (x != y) return x < y ? -1 : 1;
      // 1 and 1.0 are equal in value but distinct for DISTINCT; ints first.
      return a.kind == b.kind ? 0 : (a.kind == K::kInt ? -1 : 1);
    }
    case K::kString: return a.s < b.s ? -1 : (a.s == b.s ? 0 : 1);
    case K::kDate:
    case K::kNode:
    case K::kRel: return a.i < b.i ? -1 : (a.i == b.i ? 0 : 1);
    case K::kList:
    case K::kPath: {
      for (size_t i = 0; i < a.list.size() && i < b.list.size(); ++i) {
        const int c = OrderCompare(a.list[i], b.list[i]);
        if (c != 0) return c;
      }
      return a.list.size() < b.list.size() ? -1 : (a.list.size() > b.list.size() ? 1 : 0);
    }
    case K::kMap: {
      auto ia = a.map.begin(), ib = b.map.begin();
      for (; ia != a.map.end() && ib != b.map.end(); ++ia, ++ib) {
        if (ia->first != ib->first) return ia->first < ib->first ? -1 : 1;
        const int c = OrderCompare(ia->second, ib->second);
        if (c != 0) return c;
      }
      return a.map.size() < b.map.size() ? -1 : (a.map.size() > b.map.size() ? 1 : 0);
    }
  }
  return 0;
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.15g", d);
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string FormatDate(int64_t days) {
  return FormatIsoDay(static_cast<int32_t>(days));
}

bool DateComponent(int64_t days, const std::string& key, int64_t* out) {
  const absl::CivilDay day = CivilDayFromNumber(static_cast<int32_t>(days));
  if (key == "year") *out = day.year();
  else if (key == "month") *out = day.month();
  else if (key == "day") *out = day.day();
  else if (key == "quarter") *out = (day.month() - 1) / 3 + 1;
  else if (key == "dayOfWeek") *out = (static_cast<int>(absl::GetWeekday(day)) + 1);
  else if (key == "ordinalDay") *out = absl::GetYearDay(day);
  else return false;
  return true;
}

static std::string FormatProps(const PropertyMap& props, const GraphSource* g) {
  if (props.empty()) return "";
  std::vector<std::string> parts;
  for (const auto& [k, v] : props) parts.push_back(absl::StrCat(k, ": ", FormatValue(v, g)));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

static std::string FormatNode(int64_t id, const GraphSource* g) {
  if (g == nullptr) return absl::StrCat("(#", id, ")");
  std::string out = "(";
  std::vector<std::string> labels = g->Labels(id);
  std::sort(labels.begin(), labels.end());
  for (const auto& l : labels) absl::StrAppend(&out, ":", l);
  const std::string props = FormatProps(g->NodeProperties(id), g);
  if (!props.empty()) absl::StrAppend(&out, labels.empty() ? "" : " ", props);
  return out + ")";
}

static std::string FormatRel(int64_t id, const GraphSource* g) {
  if (g == nullptr) return absl::StrCat("[#", id, "]");
  const std::string props = FormatProps(g->RelProperties(id), g);
  return absl::StrCat("[:", g->RelType(id), props.empty() ? "" : " ", props, "]");
}

std::string FormatValue(const Value& v, const GraphSource* g) {
  switch (v.kind) {
    case K::kNull: return "null";
    case K::kBool: return v.b ? "true" : "false";
    case K::kInt: return absl::StrCat(v.i);
    case K::kFloat: return FormatFloat(v.f);
    case K::kString: return absl::StrCat("'", v.s, "'");
    case K::kDate: return absl::StrCat("'", FormatDate(v.i), "'");
    case K::kList: {
      std::vector<std::string> parts;
      for (const auto& e : v.list) parts.push_back(FormatValue(e, g));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case K::kMap: {
      std::vector<std::string> parts;
      for (const auto& [k, e] : v.map) parts.push_back(absl::StrCat(k, ": ", FormatValue(e, g)));
      return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
    }
    case K::kNode: return FormatNode(v.i, g);
    case K::kRel: return FormatRel(v.i, g);
    case K::kPath: {
      std::string out = "<";
      for (size_t i = 0; i < v.list.size(); ++i) {
        const Value& e = v.list[i];
        if (e.kind == K::kNode) { out += FormatNode(e.i, g); continue; }
        // Arrow direction is relative to the walk: forward if it leaves the previous node.
        const bool forward = g == nullptr || g->RelStart(e.i) == v.list[i - 1].i;
        absl::StrAppend(&out, forward ? "-" : "<-", FormatRel(e.i, g), forward ? "->" : "-");
      }
      return out + ">";
    }
  }
  return "?";
}

}  // namespace newsgraph::cypher
