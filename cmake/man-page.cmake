# cmake -DCLAIMMAP=bin -DHELP2MAN=help2man -DOUT=claimmap.1 -P man-page.cmake
# help2man reads the top-level --help; every subcommand's --help (found in the SUBCOMMANDS list, so
# new ones are picked up) goes into a COMMANDS section through --include.
execute_process(COMMAND "${CLAIMMAP}" --help OUTPUT_VARIABLE top RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${CLAIMMAP} --help failed")
endif()
string(REGEX MATCH "(SUBCOMMANDS|Subcommands):\n(.*)" _ "${top}")
# A subcommand's line starts with two spaces and its name; continuation lines are indented further.
string(REGEX MATCHALL "\n  [a-z][a-z-]*" lines "\n${CMAKE_MATCH_2}")
if(NOT lines)
  message(FATAL_ERROR "${CLAIMMAP} --help lists no subcommands: the man page would lack them")
endif()
set(include "[COMMANDS]\n")
foreach(line IN LISTS lines)
  string(STRIP "${line}" sub)
  execute_process(COMMAND "${CLAIMMAP}" ${sub} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${CLAIMMAP} ${sub} --help failed")
  endif()
  # roff: a leading dot or quote would be a request; backslashes are escapes. The build path of
  # the binary in "Usage:" becomes its name.
  string(REPLACE "${CLAIMMAP}" "claimmap" help "${help}")
  string(REPLACE "\\" "\\e" help "${help}")
  string(REPLACE "-" "\\-" help "${help}")  # a minus sign, not a hyphen: options copy and paste
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
  string(APPEND include ".SS \"claimmap ${sub}\"\n.nf\n${help}.fi\n")
endforeach()
get_filename_component(dir "${OUT}" DIRECTORY)
file(WRITE "${dir}/claimmap-man-include.h2m" "${include}")
# The help text is UTF-8 (names in Japanese and Russian, dashes).
execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 "${HELP2MAN}" --locale=C.UTF-8 --no-info --no-discard-stderr --name "maps and numbers for territorial disputes"
                        --include "${dir}/claimmap-man-include.h2m" --output "${OUT}" "${CLAIMMAP}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed on ${CLAIMMAP}")
endif()
execute_process(COMMAND gzip -9nf "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${OUT}")
endif()
