#include "engine/store_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/keys.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"

namespace newsgraph::engine {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kMarkerFirstLine = "newsgraph store";
// Names shown when refusing a directory; more would only be noise.
constexpr size_t kEntriesNamed = 3;

absl::Status Refuse(const std::string& dir, absl::string_view found) {
  return absl::FailedPreconditionError(absl::StrCat(
      dir, " is not a newsgraph store: ", found,
      ". newsgraph creates a store only in a missing or empty directory and opens only one "
      "that carries its marker file ", kStoreMarkerName, "; nothing in it was changed"));
}

// The directory's entries, sorted, or an error naming the directory.
absl::StatusOr<std::vector<std::string>> ListEntries(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) return absl::PermissionDeniedError(absl::StrCat("cannot list ", dir, ": ", ec.message()));
  std::sort(names.begin(), names.end());
  return names;
}

std::string Sample(const std::vector<std::string>& names) {
  std::vector<std::string> shown(names.begin(),
                                 names.begin() + std::min(names.size(), kEntriesNamed));
  for (std::string& name : shown) name = absl::StrCat("'", name, "'");
  return absl::StrCat(absl::StrJoin(shown, ", "), names.size() > kEntriesNamed ? ", ..." : "");
}

absl::StatusOr<uint32_t> ReadMarker(const std::string& dir) {
  const fs::path path = fs::path(dir) / std::string(kStoreMarkerName);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::string> lines = absl::StrSplit(text.str(), '\n');
  uint32_t version = 0;
  if (!in.good() && !in.eof()) {
    return absl::PermissionDeniedError(absl::StrCat("cannot read ", path.string()));
  }
  if (lines.size() < 2 || lines[0] != kMarkerFirstLine ||
      !absl::StartsWith(lines[1], "schema_version ") ||
      !absl::SimpleAtoi(absl::string_view(lines[1]).substr(15), &version)) {
    return Refuse(dir, absl::StrCat("its file ", kStoreMarkerName,
                                    " is not newsgraph's marker"));
  }
  return version;
}

// A database without a marker is ours only if its column families are
// exactly newsgraph's (stores made before the marker existed).
absl::StatusOr<StoreDirState> InspectUnmarkedDatabase(const std::string& dir) {
  std::vector<std::string> families;
  const rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &families);
  if (!s.ok()) return Refuse(dir, absl::StrCat("it holds an unreadable database (", s.ToString(), ")"));
  std::vector<std::string> ours = {std::string(keys::kCfDefault), std::string(keys::kCfNode),
                                   std::string(keys::kCfName),    std::string(keys::kCfOut),
                                   std::string(keys::kCfIn),      std::string(keys::kCfEvidence),
                                   std::string(keys::kCfArticle)};
  std::sort(ours.begin(), ours.end());
  std::sort(families.begin(), families.end());
  if (families != ours) {
    return Refuse(dir, absl::StrCat("it holds another program's RocksDB database (column families ",
                                    absl::StrJoin(families, ", "), ")"));
  }
  return StoreDirState{StoreDirKind::kUnmarked, 0};
}

absl::Status SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot open ", dir, ": ", std::strerror(errno)));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return absl::InternalError(absl::StrCat("cannot sync ", dir, ": ", std::strerror(err)));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<StoreDirState> InspectStoreDir(const std::string& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) return StoreDirState{StoreDirKind::kMissing, 0};
  if (ec) return absl::PermissionDeniedError(absl::StrCat("cannot inspect ", dir, ": ", ec.message()));
  if (status.type() != fs::file_type::directory) return Refuse(dir, "it is a file, not a directory");
  absl::StatusOr<std::vector<std::string>> names = ListEntries(dir);
  if (!names.ok()) return names.status();
  if (names->empty()) return StoreDirState{StoreDirKind::kEmpty, 0};
  const bool has_marker =
      std::binary_search(names->begin(), names->end(), std::string(kStoreMarkerName));
  const bool has_database = std::binary_search(names->begin(), names->end(), std::string("CURRENT"));
  if (has_marker) {
    absl::StatusOr<uint32_t> version = ReadMarker(dir);
    if (!version.ok()) return version.status();
    return StoreDirState{has_database ? StoreDirKind::kStore : StoreDirKind::kUnfinished, *version};
  }
  if (has_database) return InspectUnmarkedDatabase(dir);
  return Refuse(dir, absl::StrCat("it is a directory with ", names->size(),
                                  names->size() == 1 ? " entry (" : " entries (", Sample(*names),
                                  ") and no marker"));
}

absl::Status WriteStoreMarker(const std::string& dir, uint32_t schema_version) {
  const std::string path = (fs::path(dir) / std::string(kStoreMarkerName)).string();
  const std::string tmp = path + ".tmp";
  const std::string text = absl::StrCat(kMarkerFirstLine, "\nschema_version ", schema_version, "\n");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot write ", tmp, ": ", std::strerror(errno)));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const int write_errno = errno;
  const bool synced = written && ::fsync(fd) == 0;
  const int sync_errno = errno;
  ::close(fd);
  if (!written || !synced) {
    ::unlink(tmp.c_str());
    return absl::ResourceExhaustedError(absl::StrCat(
        "cannot write ", tmp, ": ", std::strerror(written ? sync_errno : write_errno)));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return absl::InternalError(absl::StrCat("cannot rename ", tmp, ": ", std::strerror(err)));
  }
  return SyncDirectory(dir);
}

}  // namespace newsgraph::engine
