// Conversions between Python objects and the values of the public face
// (include/newsgraph/cypher_result.h, import_options.h, evidence.h). The
// Python side must hold the GIL for all of them.
#ifndef NEWSGRAPH_PYTHON_VALUES_H_
#define NEWSGRAPH_PYTHON_VALUES_H_

#include <string>
#include <vector>

#include "newsgraph/cypher_result.h"
#include "newsgraph/evidence.h"
#include "newsgraph/import_options.h"
#include "pybind11/pybind11.h"

namespace newsgraph::python {

// A Cypher value as Python: None, bool, int, float, str, datetime.date
// (its "YYYY-MM-DD" text when outside datetime's years 1..9999), list,
// dict; a node as {"id", "labels", "properties"}, a relationship as {"id",
// "type", "start", "end", "properties"}, a path as {"nodes",
// "relationships"}: the shapes of `newsgraph query --format json`.
pybind11::object ToPython(const CypherValue& value);

// A Python parameter as a Cypher value: None, bool, int (64-bit), float,
// str, datetime.date (not datetime.datetime: Cypher dates here have no
// time of day), and lists, tuples and dicts (str keys) of those. Raises
// TypeError naming `where` for anything else, OverflowError for an int
// beyond 64 bits.
CypherValue FromPython(pybind11::handle object, const std::string& where);

// Rows as a list of dicts keyed by `columns`.
pybind11::list RowsToPython(const std::vector<std::string>& columns,
                            const std::vector<std::vector<CypherValue>>& rows);

// One row's evidence as a list of {"evidence_id", "article_id", "sentence",
// "rule"}.
pybind11::list EvidenceToPython(const std::vector<EvidenceInfo>& evidence);

// Every field of an import report, by its C++ name.
pybind11::dict ReportToPython(const ImportReport& report);

}  // namespace newsgraph::python

#endif  // NEWSGRAPH_PYTHON_VALUES_H_
