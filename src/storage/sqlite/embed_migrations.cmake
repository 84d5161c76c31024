# Writes a C++ file holding every migrations/V<n>__<name>.sql as a string constant, so the
# binary carries its schema. Invoked at build time with -DOUT=... -DDIR=... [-DBACKEND=postgres]
# (BACKEND names the storage/<backend> folder and namespace; SQLite when not given).
if(NOT DEFINED BACKEND)
  set(BACKEND sqlite)
endif()
file(GLOB files "${DIR}/V*__*.sql")
list(SORT files COMPARE NATURAL)
set(body "#include \"storage/${BACKEND}/migrations.hpp\"\n\nnamespace csphub::storage::${BACKEND} {\n\nconst std::vector<Migration>& AllMigrations() {\n  static const std::vector<Migration> kAll = {\n")
foreach(f IN LISTS files)
  get_filename_component(name "${f}" NAME_WE)
  string(REGEX REPLACE "^V([0-9]+)__.*$" "\\1" version "${name}")
  math(EXPR version "${version}")
  file(READ "${f}" sql)
  string(APPEND body "    {${version}, \"${name}\", R\"csphub_sql(${sql})csphub_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return kAll;\n}\n\n}  // namespace csphub::storage::${BACKEND}\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
