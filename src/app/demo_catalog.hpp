#pragma once
// The demo catalog (catalog/demo-catalog.json), embedded at build time
// (embed_demo_catalog.cmake) and imported by `--demo` (SeedDemo).
#include <string_view>

namespace csphub::app {

std::string_view DemoCatalogJson();

}  // namespace csphub::app
