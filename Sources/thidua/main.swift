import ThiDuaCLI

CLI.main()
