#pragma once
// `claimmap events list|show`: the dispute's diplomatic events from geodata/<case>/events.toml.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>

namespace claimmap {

// Adds the `events` subcommand to `app`. `data_dir` is called after parsing (so --data-dir given
// anywhere on the command line counts) to find the default events and venues files. The command
// runs from its CLI11 callback during app.parse(); errors are thrown as claimmap::Error.
void add_events_command(CLI::App& app, std::function<std::filesystem::path()> data_dir);

}  // namespace claimmap
