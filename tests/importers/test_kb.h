// A small knowledge base for the importer tests, written to a temporary
// file and loaded through KnowledgeBase::AddFile like the shipped data.
#ifndef NEWSGRAPH_TESTS_IMPORTERS_TEST_KB_H_
#define NEWSGRAPH_TESTS_IMPORTERS_TEST_KB_H_

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "importers/knowledge_base.h"

namespace newsgraph {

inline KnowledgeBase MakeTestKb() {
  // One file per process: ctest runs tests of this binary in parallel
  // processes, and one may remove the file while another reads it.
  const std::string path = ::testing::TempDir() + "/importers_test_kb_" +
                           std::to_string(::getpid()) + ".textproto";
  std::ofstream(path) << R"pb(
    states { code: "NO" name: "Norway" demonyms: ["Norwegian"] capital: "Oslo" }
    states { code: "FI" name: "Finland" demonyms: ["Finnish"] capital: "Helsinki" }
    states { code: "CL" name: "Chile" demonyms: ["Chilean"] capital: "Santiago" }
    states { code: "KR" name: "South Korea" demonyms: ["South Korean"] capital: "Seoul" }
    places { name: "Bergen" state: "NO" }
    places { name: "Tampere" state: "FI" }
    places { name: "Busan" state: "KR" }
    places { name: "Little Norway" state: "FI" }
    alliances { name: "Arctic Four" aliases: ["A4"]
                members { state: "NO" span { from: "2010-01-01" } }
                members { state: "FI" span { from: "2010-01-01" } }
                members { state: "KR" span { from: "2010-01-01" } }
                members { state: "CL" span { from: "2010-01-01" } } }
    people { key: "ola-nordmann" name: "Ola Nordmann" aliases: ["Ola J. Nordmann"]
             roles { title: "Foreign Minister" state: "NO" span { from: "2020-01-01" } } }
    people { key: "kari-virtanen" name: "Kari Virtanen"
             roles { title: "President" state: "FI" span { from: "2019-03-01" } } }
    people { key: "park-minho" name: "Park Min-ho"
             roles { title: "Prime Minister" state: "KR" span { from: "2021-05-01" } } }
  )pb";
  KnowledgeBase kb;
  absl::Status st = kb.AddFile(path);
  EXPECT_TRUE(st.ok()) << st;
  std::remove(path.c_str());
  return kb;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TESTS_IMPORTERS_TEST_KB_H_
