#include "queries/cypher/value.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "queries/cypher/graph.h"
#include "queries/output/value_text.h"
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

namespace {

CypherValue WithProperties(const PropertyMap& props, const GraphSource* g, CypherValue out) {
  for (const auto& [k, e] : props) out.map.emplace(k, ToCypherValue(e, g));
  return out;
}

CypherValue GraphElement(const Value& v, const GraphSource* g) {
  CypherValue out;
  out.integer = v.i;
  if (v.kind == K::kNode) {
    out.kind = CypherValue::Kind::kNode;
    if (g == nullptr) return out;
    out.labels = g->Labels(v.i);
    return WithProperties(g->NodeProperties(v.i), g, std::move(out));
  }
  out.kind = CypherValue::Kind::kRelationship;
  if (g == nullptr) return out;
  out.text = g->RelType(v.i);
  out.start = g->RelStart(v.i);
  out.end = g->RelEnd(v.i);
  return WithProperties(g->RelProperties(v.i), g, std::move(out));
}

}  // namespace

CypherValue ToCypherValue(const Value& v, const GraphSource* g) {
  switch (v.kind) {
    case K::kNull: return CypherValue::Null();
    case K::kBool: return CypherValue::Bool(v.b);
    case K::kInt: return CypherValue::Int(v.i);
    case K::kFloat: return CypherValue::Float(v.f);
    case K::kString: return CypherValue::String(v.s);
    case K::kDate: return CypherValue::Date(static_cast<int32_t>(v.i));
    case K::kList: {
      std::vector<CypherValue> items;
      for (const Value& e : v.list) items.push_back(ToCypherValue(e, g));
      return CypherValue::List(std::move(items));
    }
    case K::kMap: return WithProperties(v.map, g, CypherValue::Map({}));
    case K::kNode:
    case K::kRel: return GraphElement(v, g);
    case K::kPath: {
      CypherValue path;
      path.kind = CypherValue::Kind::kPath;
      for (const Value& e : v.list) path.list.push_back(ToCypherValue(e, g));
      return path;
    }
  }
  return CypherValue::Null();
}

std::string FormatValue(const Value& v, const GraphSource* g) {
  queries::Notation notation = queries::kTckNotation;
  notation.ids_only = g == nullptr;
  return queries::CypherNotation(ToCypherValue(v, g), notation);
}

}  // namespace newsgraph::cypher
