# Read by cpack when it runs (CPACK_PROJECT_CONFIG_FILE), not when cmake
# configured the build: the package is named and versioned from git as the
# tree is now, the same moment cpack's install step rebuilds the command
# (its --version is regenerated at every build), so the two always agree
# even after commits made since the build directory was configured.
include("${CPACK_PLANCHECK_SOURCE_DIR}/cmake/version.cmake")
plancheck_version_from_git("${CPACK_PLANCHECK_SOURCE_DIR}" "${CPACK_PLANCHECK_PROJECT_VERSION}" _plancheck_version)
set(CPACK_PACKAGE_VERSION "${_plancheck_version}")
set(CPACK_DEBIAN_PACKAGE_VERSION "${_plancheck_version}")
