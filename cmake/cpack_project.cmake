# Read by cpack when it runs (CPACK_PROJECT_CONFIG_FILE), not when cmake
# configured the build: the package takes the version of the command it
# packs (`plancheck --version`, from git at that command's build), so its
# name and contents agree even after commits made since the build directory
# was configured. Without a built command: from git as the tree is now.
execute_process(COMMAND "${CPACK_PLANCHECK_COMMAND}" --version OUTPUT_VARIABLE _plancheck_said
                RESULT_VARIABLE _plancheck_status ERROR_QUIET)
if(_plancheck_status EQUAL 0 AND _plancheck_said MATCHES "^plancheck ([^\n]+)\n")
  set(_plancheck_version "${CMAKE_MATCH_1}")
else()
  include("${CPACK_PLANCHECK_SOURCE_DIR}/cmake/version.cmake")
  plancheck_version_from_git("${CPACK_PLANCHECK_SOURCE_DIR}" "${CPACK_PLANCHECK_PROJECT_VERSION}" _plancheck_version)
endif()
set(CPACK_PACKAGE_VERSION "${_plancheck_version}")
set(CPACK_DEBIAN_PACKAGE_VERSION "${_plancheck_version}")
