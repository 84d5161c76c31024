# Writes a C++ file holding catalog/demo-catalog.json as a string constant, so `--demo` needs
# no file beside the binary. Invoked at build time with -DOUT=... -DIN=...
file(READ "${IN}" json)
set(body "#include \"app/demo_catalog.hpp\"\n\nnamespace csphub::app {\n\nstd::string_view DemoCatalogJson() {\n  static constexpr char kJson[] = R\"csphub_json(${json})csphub_json\";\n  return {kJson, sizeof kJson - 1};\n}\n\n}  // namespace csphub::app\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
