# Writes OUT: a C++ file holding every rules/*.toml as a string, so that the
# shipped rules travel inside the binary. Run at build time (cmake -P).
file(GLOB files "${RULES_DIR}/*.toml")
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" content)
  string(APPEND body "      {\"${name}\", R\"plancheck_rules(${content})plancheck_rules\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from rules/*.toml by cmake/embed_rules.cmake. Do not edit.
#include \"plancheck/rules.h\"

namespace plancheck {

const std::vector<std::pair<std::string, std::string_view>>& builtin_rule_files() {
  static const std::vector<std::pair<std::string, std::string_view>> files = {
${body}  };
  return files;
}

}  // namespace plancheck
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
