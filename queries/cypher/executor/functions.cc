// Scalar functions and aggregates of the Cypher subset.
#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "queries/cypher/executor/eval.h"
#include "schema/dates.h"

namespace newsgraph::cypher {
namespace {

using K = Value::Kind;

absl::Status ArgError(const std::string& fn) {
  return absl::InvalidArgumentError(absl::StrCat("TypeError: invalid argument to ", fn, "()"));
}

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> out;
  for (const auto& s : items) out.push_back(Value::String(s));
  return Value::List(std::move(out));
}

// Truncates toward zero. Casting NaN or a double beyond int64 is undefined
// behaviour, so those are an error instead.
absl::StatusOr<Value> TruncateToInt(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("NumberOutOfRange: toInteger(", d, ") does not fit in an integer"));
  }
  return Value::Int(static_cast<int64_t>(d));
}

absl::StatusOr<Value> ToInteger(const Value& v) {
  switch (v.kind) {
    case K::kNull: return Value::Null();
    case K::kInt: return v;
    case K::kFloat: return TruncateToInt(v.f);
    case K::kString: {
      const std::string s(absl::StripAsciiWhitespace(v.s));
      char* end = nullptr;
      const double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') return Value::Null();
      return TruncateToInt(d);
    }
    default: return ArgError("toInteger");
  }
}

absl::StatusOr<Value> ToFloat(const Value& v) {
  switch (v.kind) {
    case K::kNull: return Value::Null();
    case K::kInt: return Value::Float(static_cast<double>(v.i));
    case K::kFloat: return v;
    case K::kString: {
      const std::string s(absl::StripAsciiWhitespace(v.s));
      char* end = nullptr;
      const double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') return Value::Null();
      return Value::Float(d);
    }
    default: return ArgError("toFloat");
  }
}

// date('2022-01-01'), date({year: 2022, month: 1, day: 1}) (month and day
// default to 1), date(aDate). A day that does not exist is an error, as in
// openCypher, rather than a silently normalised neighbour.
absl::StatusOr<Value> MakeDate(const Value& v) {
  if (v.kind == K::kDate) return v;
  if (v.kind == K::kString) {
    absl::StatusOr<absl::CivilDay> day = ParseIsoDay(absl::StripAsciiWhitespace(v.s));
    if (!day.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("InvalidArgumentValue: date('", v.s, "'): expected YYYY-MM-DD"));
    }
    return Value::Date(DayNumber(*day));
  }
  if (v.kind != K::kMap) return ArgError("date");
  int64_t parts[3] = {0, 1, 1};
  const char* const kKeys[3] = {"year", "month", "day"};
  for (const auto& [key, part] : v.map) {
    const auto* k = std::find(std::begin(kKeys), std::end(kKeys), key);
    if (k == std::end(kKeys)) {
      return absl::InvalidArgumentError(absl::StrCat("InvalidArgumentValue: date(): unknown key ", key));
    }
    if (part.kind != K::kInt) return ArgError("date");
    parts[k - std::begin(kKeys)] = part.i;
  }
  if (v.map.count("year") == 0) {
    return absl::InvalidArgumentError("InvalidArgumentValue: date(): year is required");
  }
  // Beyond +-5 million years the day number would not fit the store's int32.
  const bool plausible = parts[0] > -5000000 && parts[0] < 5000000;
  const absl::CivilDay day(plausible ? parts[0] : 0, parts[1], parts[2]);
  if (!plausible || day.year() != parts[0] || day.month() != parts[1] || day.day() != parts[2]) {
    return absl::InvalidArgumentError(absl::StrCat(
        "InvalidArgumentValue: date(): no such day ", parts[0], "-", parts[1], "-", parts[2]));
  }
  return Value::Date(DayNumber(day));
}

}  // namespace

bool IsAggregateFunction(const std::string& n) {
  return n == "count" || n == "collect" || n == "sum" || n == "avg" || n == "min" ||
         n == "max" || n == "stdev" || n == "stdevp" || n == "percentiledisc" ||
         n == "percentilecont";
}

bool IsKnownFunction(const std::string& n) {
  static const char* const kNames[] = {
      "coalesce", "range", "rand", "pi", "id", "labels", "type", "keys", "properties",
      "startnode", "endnode", "size", "length", "nodes", "relationships", "head", "last",
      "tail", "reverse", "tointeger", "tofloat", "tostring", "toboolean", "abs", "sign",
      "ceil", "floor", "sqrt", "round", "exp", "log", "log10", "toupper", "tolower", "trim",
      "ltrim", "rtrim", "split", "substring", "exists", "date"};
  if (IsAggregateFunction(n)) return true;
  for (const char* k : kNames) if (n == k) return true;
  return false;
}

// percentileDisc picks an element; percentileCont interpolates between two.
absl::StatusOr<Value> Percentile(const std::string& fn, std::vector<Value> values,
                                 const Value& param) {
  if (!param.is_number() || param.AsDouble() < 0 || param.AsDouble() > 1) {
    return absl::InvalidArgumentError("NumberOutOfRange: percentile must be between 0.0 and 1.0");
  }
  if (values.empty()) return Value::Null();
  for (const Value& v : values) if (!v.is_number()) return ArgError(fn);
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return a.AsDouble() < b.AsDouble(); });
  const double p = param.AsDouble();
  const size_t n = values.size();
  if (fn == "percentiledisc") {
    const double pos = p * n;
    size_t idx = pos <= 0 ? 0 : static_cast<size_t>(std::ceil(pos)) - 1;
    return values[std::min(idx, n - 1)];
  }
  const double pos = p * (n - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, n - 1);
  const double frac = pos - lo;
  return Value::Float(values[lo].AsDouble() + (values[hi].AsDouble() - values[lo].AsDouble()) * frac);
}

absl::StatusOr<Value> Aggregate(const Expr& call, std::vector<Value> values, const Value& param) {
  const std::string& fn = call.name;
  if (call.star) return Value::Int(static_cast<int64_t>(values.size()));
  values.erase(std::remove_if(values.begin(), values.end(),
                              [](const Value& v) { return v.is_null(); }),
               values.end());
  if (call.distinct) {
    // Sorting indices keeps this O(n log n) and the first-seen order.
    std::vector<size_t> order(values.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return OrderCompare(values[a], values[b]) < 0;
    });
    std::vector<bool> keep(values.size(), false);
    for (size_t i = 0; i < order.size(); ++i) {
      keep[order[i]] = i == 0 || !Equivalent(values[order[i - 1]], values[order[i]]);
    }
    std::vector<Value> unique;
    for (size_t i = 0; i < values.size(); ++i) if (keep[i]) unique.push_back(std::move(values[i]));
    values = std::move(unique);
  }
  if (fn == "count") return Value::Int(static_cast<int64_t>(values.size()));
  if (fn == "percentiledisc" || fn == "percentilecont") return Percentile(fn, std::move(values), param);
  if (fn == "collect") return Value::List(std::move(values));
  if (fn == "min" || fn == "max") {
    if (values.empty()) return Value::Null();
    const Value* best = &values[0];
    for (const Value& v : values) {
      const int c = OrderCompare(v, *best);
      if (fn == "min" ? c < 0 : c > 0) best = &v;
    }
    return *best;
  }
  if (fn == "sum" || fn == "avg" || fn == "stdev" || fn == "stdevp") {
    bool all_int = true;
    int64_t isum = 0;
    double fsum = 0;
    for (const Value& v : values) {
      if (!v.is_number()) return ArgError(fn);
      if (v.kind == K::kFloat) all_int = false;
      else isum += v.i;
      fsum += v.AsDouble();
    }
    if (fn == "sum") return all_int ? Value::Int(isum) : Value::Float(fsum);
    if (values.empty()) return fn == "avg" ? Value::Null() : Value::Float(0);
    const double mean = fsum / values.size();
    if (fn == "avg") return Value::Float(mean);
    double sq = 0;
    for (const Value& v : values) sq += (v.AsDouble() - mean) * (v.AsDouble() - mean);
    const double n = fn == "stdev" ? static_cast<double>(values.size()) - 1 : values.size();
    return Value::Float(n <= 0 ? 0.0 : std::sqrt(sq / n));
  }
  return absl::UnimplementedError(absl::StrCat("aggregate ", fn, " is not supported"));
}

absl::StatusOr<Value> CallFunction(const std::string& fn, const std::vector<Value>& args,
                                   const EvalContext& ctx) {
  const GraphSource* g = ctx.graph;
  auto want = [&](size_t n) { return args.size() == n; };
  const Value arg0 = args.empty() ? Value::Null() : args[0];
  if (fn == "coalesce") {
    for (const Value& v : args) if (!v.is_null()) return v;
    return Value::Null();
  }
  if (fn == "range") {
    if (args.size() < 2 || args.size() > 3) return ArgError(fn);
    for (const Value& v : args) if (v.kind != K::kInt) return ArgError(fn);
    const int64_t step = args.size() == 3 ? args[2].i : 1;
    if (step == 0) return ArgError(fn);
    // The length is known up front, so an oversized range fails before
    // allocating; 128-bit arithmetic because hi - lo may not fit in int64.
    const __int128 span = static_cast<__int128>(args[1].i) - args[0].i;
    const __int128 count = (step > 0) == (span >= 0) || span == 0 ? span / step + 1 : 0;
    const int64_t elements = count > INT64_MAX ? INT64_MAX : static_cast<int64_t>(count);
    absl::Status budget = ReserveValue(ctx.guard, elements, sizeof(Value), "range()");
    if (!budget.ok()) return budget;
    std::vector<Value> out;
    out.reserve(elements);
    for (int64_t k = 0, i = args[0].i; k < elements; ++k, i += k < elements ? step : 0) {
      absl::Status s = GuardStep(ctx.guard);
      if (!s.ok()) return s;
      out.push_back(Value::Int(i));
    }
    return Value::List(std::move(out));
  }
  if (fn == "rand" && want(0)) return Value::Float(std::rand() / (RAND_MAX + 1.0));
  if (fn == "pi" && want(0)) return Value::Float(M_PI);
  if (!want(1) && fn != "substring" && fn != "split" && fn != "replace" && fn != "left" &&
      fn != "right" && fn != "round") {
    return absl::InvalidArgumentError(absl::StrCat("SyntaxError: wrong number of arguments to ", fn));
  }
  if (fn == "exists") return Value::Bool(!arg0.is_null());
  if (arg0.is_null()) return Value::Null();
  if (fn == "date") return MakeDate(arg0);
  if (fn == "id") {
    if (arg0.kind != K::kNode && arg0.kind != K::kRel) return ArgError(fn);
    return Value::Int(arg0.i);
  }
  if (fn == "labels") {
    if (arg0.kind != K::kNode) return ArgError(fn);
    return StringList(g->Labels(arg0.i));
  }
  if (fn == "type") {
    if (arg0.kind != K::kRel) return ArgError(fn);
    return Value::String(g->RelType(arg0.i));
  }
  if (fn == "keys" || fn == "properties") {
    const PropertyMap* props = arg0.kind == K::kNode  ? &g->NodeProperties(arg0.i)
                               : arg0.kind == K::kRel ? &g->RelProperties(arg0.i)
                               : arg0.kind == K::kMap ? &arg0.map : nullptr;
    if (props == nullptr) return ArgError(fn);
    if (fn == "properties") return Value::Map(*props);
    std::vector<std::string> keys;
    for (const auto& [k, v] : *props) keys.push_back(k);
    return StringList(keys);
  }
  if (fn == "startnode" || fn == "endnode") {
    if (arg0.kind != K::kRel) return ArgError(fn);
    return Value::Node(fn == "startnode" ? g->RelStart(arg0.i) : g->RelEnd(arg0.i));
  }
  if (fn == "size") {
    if (arg0.kind == K::kList) return Value::Int(static_cast<int64_t>(arg0.list.size()));
    if (arg0.kind == K::kString) return Value::Int(static_cast<int64_t>(arg0.s.size()));
    return ArgError(fn);
  }
  if (fn == "length") {
    if (arg0.kind != K::kPath) return ArgError(fn);
    return Value::Int(static_cast<int64_t>(arg0.list.size() / 2));
  }
  if (fn == "nodes" || fn == "relationships") {
    if (arg0.kind != K::kPath) return ArgError(fn);
    std::vector<Value> out;
    for (size_t i = fn == "nodes" ? 0 : 1; i < arg0.list.size(); i += 2) out.push_back(arg0.list[i]);
    return Value::List(std::move(out));
  }
  if (fn == "head" || fn == "last" || fn == "tail" || fn == "reverse") {
    if (fn == "reverse" && arg0.kind == K::kString) return Value::String(std::string(arg0.s.rbegin(), arg0.s.rend()));
    if (arg0.kind != K::kList) return ArgError(fn);
    const auto& l = arg0.list;
    if (fn == "head") return l.empty() ? Value::Null() : l.front();
    if (fn == "last") return l.empty() ? Value::Null() : l.back();
    if (fn == "reverse") return Value::List(std::vector<Value>(l.rbegin(), l.rend()));
    return Value::List(l.empty() ? l : std::vector<Value>(l.begin() + 1, l.end()));
  }
  if (fn == "tointeger") return ToInteger(arg0);
  if (fn == "tofloat") return ToFloat(arg0);
  if (fn == "tostring") {
    if (arg0.kind == K::kString) return arg0;
    if (arg0.kind == K::kDate) return Value::String(FormatDate(arg0.i));
    if (arg0.is_number() || arg0.kind == K::kBool) return Value::String(FormatValue(arg0, nullptr));
    return ArgError(fn);
  }
  if (fn == "toboolean") {
    if (arg0.kind == K::kBool) return arg0;
    if (arg0.kind != K::kString) return ArgError(fn);
    const std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(arg0.s));
    if (s == "true" || s == "false") return Value::Bool(s == "true");
    return Value::Null();
  }
  if (fn == "abs" || fn == "sign" || fn == "ceil" || fn == "floor" || fn == "sqrt" ||
      fn == "round" || fn == "exp" || fn == "log" || fn == "log10") {
    if (!arg0.is_number()) return ArgError(fn);
    const double d = arg0.AsDouble();
    if (fn == "abs" && arg0.kind == K::kInt) {
      // The smallest integer has no positive counterpart in 64 bits.
      if (arg0.i == std::numeric_limits<int64_t>::min()) {
        return absl::InvalidArgumentError("integer overflow in abs()");
      }
      return Value::Int(std::llabs(arg0.i));
    }
    if (fn == "abs") return Value::Float(std::fabs(d));
    if (fn == "sign") return Value::Int(d > 0 ? 1 : (d < 0 ? -1 : 0));
    if (fn == "ceil") return Value::Float(std::ceil(d));
    if (fn == "floor") return Value::Float(std::floor(d));
    if (fn == "round") return Value::Float(std::floor(d + 0.5));
    if (fn == "exp") return Value::Float(std::exp(d));
    if (fn == "log") return Value::Float(std::log(d));
    if (fn == "log10") return Value::Float(std::log10(d));
    return Value::Float(std::sqrt(d));
  }
  if (fn == "toupper" || fn == "tolower" || fn == "trim" || fn == "ltrim" || fn == "rtrim") {
    if (arg0.kind != K::kString) return ArgError(fn);
    if (fn == "toupper") return Value::String(absl::AsciiStrToUpper(arg0.s));
    if (fn == "tolower") return Value::String(absl::AsciiStrToLower(arg0.s));
    if (fn == "trim") return Value::String(std::string(absl::StripAsciiWhitespace(arg0.s)));
    if (fn == "ltrim") return Value::String(std::string(absl::StripLeadingAsciiWhitespace(arg0.s)));
    return Value::String(std::string(absl::StripTrailingAsciiWhitespace(arg0.s)));
  }
  if (fn == "split" && args.size() == 2 && arg0.kind == K::kString && args[1].kind == K::kString) {
    return StringList(absl::StrSplit(arg0.s, args[1].s));
  }
  if (fn == "substring" && args.size() >= 2 && arg0.kind == K::kString && args[1].kind == K::kInt) {
    const size_t start = std::min<size_t>(args[1].i, arg0.s.size());
    const size_t len = args.size() == 3 && args[2].kind == K::kInt ? args[2].i : std::string::npos;
    return Value::String(arg0.s.substr(start, len));
  }
  return absl::InvalidArgumentError(absl::StrCat("UnknownFunction: ", fn));
}

}  // namespace newsgraph::cypher
