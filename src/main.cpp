#include "cli/cli.hpp"

int main(int argc, char** argv) { return csphub::cli::Run(argc, argv); }
