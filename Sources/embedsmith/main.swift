import EmbedCLI

EmbedsmithCommand.main()
