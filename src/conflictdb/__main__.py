from conflictdb.cli import main

main()
