import SandtableCLI

SandtableCommand.main()
