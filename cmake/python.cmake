# The `newsgraph` Python module (python/, docs/python.md): built when
# NEWSGRAPH_PYTHON is on and Python 3's headers (python3-dev) and pybind11
# (pybind11-dev) are found; skipped with a message otherwise, so that a
# machine without them still builds everything else.
#
# Sets NEWSGRAPH_PYTHON_BUILT (ON/OFF) and, when OFF, NEWSGRAPH_PYTHON_SKIPPED
# (why), for the test registration.
set(NEWSGRAPH_PYTHON_BUILT OFF)
macro(newsgraph_python_skip)  # the reason, in pieces that are joined
  string(CONCAT NEWSGRAPH_PYTHON_SKIPPED ${ARGV})
  message(STATUS "Python module: skipped: ${NEWSGRAPH_PYTHON_SKIPPED}")
  return()
endmacro()
if(NOT NEWSGRAPH_PYTHON)
  newsgraph_python_skip("NEWSGRAPH_PYTHON is OFF")
endif()

# The system Python 3 (Debian's /usr/bin/python3), whose headers python3-dev
# installs and whose interpreter runs the module's tests, rather than
# whichever python3 comes first on PATH (pyenv, a virtualenv). Give
# -DPython3_EXECUTABLE=... to build for another one.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module)
if(NOT Python3_Development.Module_FOUND)
  newsgraph_python_skip("no Python 3 headers for ${Python3_EXECUTABLE} "
                        "(apt install python3-dev, or -DNEWSGRAPH_PYTHON=OFF to silence this)")
endif()
find_package(pybind11 2.6 CONFIG QUIET)
if(NOT pybind11_FOUND)
  newsgraph_python_skip("pybind11 not found "
                        "(apt install pybind11-dev, or -DNEWSGRAPH_PYTHON=OFF to silence this)")
endif()

# Where `cmake --install` puts the package, relative to the prefix: the
# interpreter's site directory for a prefix "." (Debian's scheme answers
# local/lib/python3.11/dist-packages, its /usr/local directory, whose
# "local/" the install prefix already says), so that a /usr/local install
# is on sys.path; under another prefix, point PYTHONPATH at it.
execute_process(
  COMMAND ${Python3_EXECUTABLE} -c
    "import sysconfig; print(sysconfig.get_path('platlib', vars={'platbase': '.', 'base': '.'}))"
  OUTPUT_VARIABLE _newsgraph_site OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX REPLACE "^\\./" "" _newsgraph_site "${_newsgraph_site}")
string(REGEX REPLACE "^local/" "" _newsgraph_site "${_newsgraph_site}")
if(_newsgraph_site STREQUAL "" OR IS_ABSOLUTE "${_newsgraph_site}")
  set(_newsgraph_site lib/python3/dist-packages)
endif()
set(NEWSGRAPH_PYTHON_INSTALL_DIR "${_newsgraph_site}" CACHE STRING
    "Where cmake --install puts the newsgraph Python package, relative to the prefix")

add_subdirectory(python)
set(NEWSGRAPH_PYTHON_BUILT ON)
message(STATUS "Python module: building for Python ${Python3_VERSION} (${Python3_EXECUTABLE}); "
               "PYTHONPATH=${CMAKE_CURRENT_BINARY_DIR}/python imports it from the build tree; installs "
               "into <prefix>/${NEWSGRAPH_PYTHON_INSTALL_DIR}")
