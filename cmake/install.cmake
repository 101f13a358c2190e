# `cmake --install`: the libraries, the public face's headers, the CLI, a
# CMake package (find_package(newsgraph) -> newsgraph::newsgraph) and a
# pkg-config file. The KB and the canned queries are compiled into the
# libraries, so nothing under share/ is needed at run time.
include(CMakePackageConfigHelpers)

# Only the headers that include nothing but the standard library, Abseil
# and each other: the Database face. store.h, importer.h, cypher.h,
# query.h, traversal.h, algorithms.h, graph_export.h and graph_snapshot.h include the
# generated schema/*.pb.h or Boost and stay for code built in the tree.
set(NEWSGRAPH_PUBLIC_HEADERS
  include/newsgraph/newsgraph.h include/newsgraph/article.h include/newsgraph/bulk_load.h include/newsgraph/adjacency_file.h
  include/newsgraph/cypher_result.h include/newsgraph/evidence.h
  include/newsgraph/import_options.h)
install(FILES ${NEWSGRAPH_PUBLIC_HEADERS}
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/newsgraph COMPONENT dev)

set(NEWSGRAPH_LIBRARIES
  newsgraph_api newsgraph_queries newsgraph_importers newsgraph_engine newsgraph_schema)
install(TARGETS newsgraph ${NEWSGRAPH_LIBRARIES} EXPORT newsgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS newsgraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(NEWSGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/newsgraph)
install(EXPORT newsgraphTargets NAMESPACE newsgraph:: DESTINATION ${NEWSGRAPH_CMAKE_DIR}
  COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/newsgraphConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/newsgraphConfig.cmake INSTALL_DESTINATION ${NEWSGRAPH_CMAKE_DIR})
# 0.x: a minor version may break the API, so only the same minor matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/newsgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/newsgraphConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/newsgraphConfigVersion.cmake
  DESTINATION ${NEWSGRAPH_CMAKE_DIR} COMPONENT dev)

# newsgraph.pc finds the prefix from its own place (${pcfiledir}), so an
# install moved elsewhere, or made with `cmake --install --prefix`, works.
file(RELATIVE_PATH NEWSGRAPH_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
  ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" NEWSGRAPH_PC_TO_PREFIX "${NEWSGRAPH_PC_TO_PREFIX}")
list(TRANSFORM NEWSGRAPH_LIBRARIES PREPEND "-l" OUTPUT_VARIABLE NEWSGRAPH_PC_LIBS)
list(JOIN NEWSGRAPH_PC_LIBS " " NEWSGRAPH_PC_LIBS)
configure_file(${CMAKE_CURRENT_LIST_DIR}/newsgraph.pc.in ${CMAKE_CURRENT_BINARY_DIR}/newsgraph.pc
  @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/newsgraph.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The page of `newsgraph serve`, found beside bin/ as share/newsgraph/web;
# of node_modules/ only the Cytoscape.js it loads (scripts/install-web-deps.sh
# puts it there; without it the page is installed but draws no graph).
install(FILES web/index.html web/app.js web/style.css
        DESTINATION ${CMAKE_INSTALL_DATADIR}/newsgraph/web)
install(FILES web/node_modules/cytoscape/dist/cytoscape.min.js
        DESTINATION ${CMAKE_INSTALL_DATADIR}/newsgraph/web/node_modules/cytoscape/dist OPTIONAL)
