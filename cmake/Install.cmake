# Install rules and the Debian package (CPack). The installed binary finds its data in
# PREFIX/share/claimmap (data_dir() in src/data/case_data.cpp), so the prefix can be anything.
include(GNUInstallDirs)

install(TARGETS claimmap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Whole folders, so that data files added later (new cases, atlases, styles, catalogs) ship too.
install(DIRECTORY geodata styles atlas i18n DESTINATION ${CMAKE_INSTALL_DATADIR}/claimmap)
install(FILES completion/claimmap.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME claimmap)

# The man page, generated from every subcommand's --help by Debian's help2man.
option(CLAIMMAP_MAN "Build and install the man page (needs help2man)" ON)
if(CLAIMMAP_MAN)
  find_program(HELP2MAN help2man REQUIRED)
  set(man_page "${CMAKE_CURRENT_BINARY_DIR}/claimmap.1.gz")
  add_custom_command(OUTPUT "${man_page}"
    # A sanitizer build's binary runs here too: its leak report at exit must not fail the build.
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 ${CMAKE_COMMAND} -DCLAIMMAP=$<TARGET_FILE:claimmap> -DHELP2MAN=${HELP2MAN}
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/claimmap.1 -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-page.cmake
    DEPENDS claimmap ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-page.cmake
    COMMENT "Man page claimmap.1 (help2man)")
  add_custom_target(man ALL DEPENDS "${man_page}")
  install(FILES "${man_page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME claimmap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "maps and numbers for territorial disputes")
set(CPACK_PACKAGE_DESCRIPTION "Renders maps (PNG, SVG, PDF), area tables and GIS layers of territorial disputes from
data files: who holds and who claims what, territorial seas, EEZs and median lines under each
scenario, news events and atlases rendered in parallel or sharded over many machines.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "claimmap developers <claimmap@invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The libraries' packages come from dpkg-shlibdeps; the fonts the styles name and the country list
# that new-case and events extract read (iso-codes) are data, not links.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, fonts-dejavu-core, iso-codes")
include(CPack)
